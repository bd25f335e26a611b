import { useT } from '../i18n/useT.ts';
import { AgentDesk } from '../modules/hotline/components/AgentDesk.tsx';
import { HotlineGuard } from '../modules/hotline/components/HotlineGuard.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

export function HotlineDeskPage() {
  const t = useT();
  return (
    <HotlineGuard permission="hotline.intake">
      <PageHeader title={t('nav.hotline-desk')} subtitle={t('hotline.desk.subtitle')} />
      <AgentDesk />
    </HotlineGuard>
  );
}
