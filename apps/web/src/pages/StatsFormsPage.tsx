import { useT } from '../i18n/useT.ts';
import { FormsTable } from '../modules/stats/admin/FormsTable.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

export function StatsFormsPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('nav.stats-forms')} subtitle={t('stats.admin.forms.subtitle')} />
      <FormsTable />
    </>
  );
}
