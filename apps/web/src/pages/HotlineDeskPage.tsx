import { useT } from '../i18n/useT.ts';
import { AgentDesk } from '../modules/hotline/components/AgentDesk.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

export function HotlineDeskPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('nav.hotline-desk')} subtitle={t('hotline.desk.subtitle')} />
      <AgentDesk />
    </>
  );
}
