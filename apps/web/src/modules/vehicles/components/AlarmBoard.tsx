import { Card } from 'antd';
import { useCallback, useState } from 'react';
import { useT } from '../../../i18n/useT.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { usePagination } from '../../../ui/usePagination.ts';
import { useAlarmCounts, useAlarmList } from '../hooks/useAlarms.ts';
import type { AlarmFilters } from '../types.ts';
import { AlarmCountsChart } from './AlarmCountsChart.tsx';
import { AlarmDetailDrawer } from './AlarmDetailDrawer.tsx';
import { AlarmFilterBar } from './AlarmFilterBar.tsx';
import { AlarmTable } from './AlarmTable.tsx';
import { kindText } from './alarm-format.ts';

/** The alarm board: counts by kind, the filtered alarm list and one alarm's handling. */
export function AlarmBoard() {
  const t = useT();
  const [filters, setFilters] = useState<AlarmFilters>({});
  const [open, setOpen] = useState<number | null>(null);
  const pagination = usePagination(20);
  const list = useAlarmList(filters, pagination.params);
  const counts = useAlarmCounts(filters);
  const kindLabel = useCallback((k: string) => kindText(t, k), [t]);
  const { reset } = pagination;
  const onFilters = useCallback(
    (f: AlarmFilters) => {
      setFilters(f);
      reset();
    },
    [reset],
  );

  return (
    <>
      <PageHeader title={t('nav.vehicles-alarms')} subtitle={t('valarm.subtitle')} />
      <AlarmCountsChart counts={counts.data} kindLabel={kindLabel} />
      <Card size="small">
        <AlarmFilterBar
          value={filters}
          onChange={onFilters}
          kinds={(counts.data?.byKind ?? []).map((r) => r.kind)}
        />
        <AlarmTable query={list} pagination={pagination} onOpen={setOpen} />
      </Card>
      <AlarmDetailDrawer id={open} onClose={() => setOpen(null)} />
    </>
  );
}
