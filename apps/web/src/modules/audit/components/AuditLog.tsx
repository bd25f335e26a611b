import dayjs from 'dayjs';
import { lazy, Suspense, useState } from 'react';
import { useT } from '../../../i18n/useT.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { usePagination } from '../../../ui/usePagination.ts';
import { useAuditList } from '../hooks/useAudit.ts';
import type { AuditFilters } from '../types.ts';
import { AuditChainCard } from './AuditChainCard.tsx';
import { AuditFilterBar } from './AuditFilterBar.tsx';
import { AuditTable } from './AuditTable.tsx';

const AuditStatsChart = lazy(async () => ({
  default: (await import('./AuditStatsChart.tsx')).AuditStatsChart,
}));

// Without a date filter the chart shows the last two weeks.
const DEFAULT_CHART_DAYS = 14;

export function AuditLog() {
  const t = useT();
  const pagination = usePagination();
  const [filters, setFilters] = useState<AuditFilters>({});
  const list = useAuditList(pagination.params, filters);
  const [defaultRange] = useState(() => ({
    from: dayjs()
      .subtract(DEFAULT_CHART_DAYS - 1, 'day')
      .startOf('day')
      .toISOString(),
    to: dayjs().endOf('day').toISOString(),
  }));

  return (
    <>
      <PageHeader title={t('nav.audit')} subtitle={t('audit.subtitle')} />
      <AuditChainCard />
      <Suspense fallback={null}>
        <AuditStatsChart from={filters.from ?? defaultRange.from} to={filters.to ?? defaultRange.to} />
      </Suspense>
      <AuditFilterBar
        onChange={(next) => {
          setFilters(next);
          pagination.reset();
        }}
      />
      <AuditTable query={list} pagination={pagination} />
    </>
  );
}
