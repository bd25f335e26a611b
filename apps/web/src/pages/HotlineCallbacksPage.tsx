import { useT } from '../i18n/useT.ts';
import { CallbackDesk } from '../modules/hotline/components/CallbackDesk.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

export function HotlineCallbacksPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('nav.hotline-callbacks')} />
      <CallbackDesk />
    </>
  );
}
