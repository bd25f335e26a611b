import { useT } from '../i18n/useT.ts';
import { useMe } from '../modules/auth/hooks/useMe.ts';
import { DashboardOverview } from '../modules/dashboard/components/DashboardOverview.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

export function DashboardPage() {
  const t = useT();
  const me = useMe();
  return (
    <>
      <PageHeader title={t('nav.dashboard')} subtitle={t('dashboard.welcome', { name: me.displayName })} />
      <DashboardOverview />
    </>
  );
}
