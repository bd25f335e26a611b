import { useT } from '../i18n/useT.ts';
import { InboxTable } from '../modules/stats/components/InboxTable.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

export function StatsInboxPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('nav.stats-inbox')} subtitle={t('stats.inbox.subtitle')} />
      <InboxTable />
    </>
  );
}
