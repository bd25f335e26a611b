import { useT } from '../i18n/useT.ts';
import { StatsDashboard } from '../modules/hotline-admin/components/stats/StatsDashboard.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

export function HotlineAdminStatsPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('nav.hotline-admin-stats')} subtitle={t('hla.stats.subtitle')} />
      <StatsDashboard />
    </>
  );
}
