import { Card, Tabs } from 'antd';
import { useCallback, useState } from 'react';
import { useT } from '../../../i18n/useT.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { usePagination } from '../../../ui/usePagination.ts';
import type { ForwardedFilters } from '../api/forwarded.ts';
import { useForwardedAlarms, useForwardedRegistrations } from '../hooks/useForwarded.ts';
import { ForwardedFilterBar } from './ForwardedFilterBar.tsx';
import { ForwardedAlarmTable, ForwardedRegistrationTable } from './ForwardedTables.tsx';

type Tab = 'alarms' | 'registrations';

/** What subordinate platforms reported over JT/T 809: their alarms and terminal registrations. */
export function ForwardedReports() {
  const t = useT();
  const [tab, setTab] = useState<Tab>('alarms');
  const [filters, setFilters] = useState<ForwardedFilters>({});
  const pagination = usePagination(20);
  const alarms = useForwardedAlarms(filters, pagination.params, tab === 'alarms');
  const registrations = useForwardedRegistrations(filters, pagination.params, tab === 'registrations');
  const { reset } = pagination;
  const onFilters = useCallback(
    (f: ForwardedFilters) => {
      setFilters(f);
      reset();
    },
    [reset],
  );
  return (
    <>
      <PageHeader title={t('nav.vehicles-forwarded')} subtitle={t('vfwd.subtitle')} />
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(key) => {
            setTab(key as Tab);
            reset();
          }}
          items={[
            { key: 'alarms', label: <span data-testid="forwarded-tab-alarms">{t('vfwd.tab.alarms')}</span> },
            {
              key: 'registrations',
              label: <span data-testid="forwarded-tab-registrations">{t('vfwd.tab.registrations')}</span>,
            },
          ]}
        />
        <ForwardedFilterBar value={filters} onChange={onFilters} withWarnType={tab === 'alarms'} />
        {tab === 'alarms' ? (
          <ForwardedAlarmTable query={alarms} pagination={pagination} />
        ) : (
          <ForwardedRegistrationTable query={registrations} pagination={pagination} />
        )}
      </Card>
    </>
  );
}
