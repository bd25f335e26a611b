import { useT } from '../i18n/useT.ts';
import { CallbackDesk } from '../modules/hotline/components/CallbackDesk.tsx';
import { HotlineGuard } from '../modules/hotline/components/HotlineGuard.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

export function HotlineCallbacksPage() {
  const t = useT();
  return (
    <HotlineGuard permission="hotline.supervise">
      <PageHeader title={t('nav.hotline-callbacks')} />
      <CallbackDesk />
    </HotlineGuard>
  );
}
