import { Tabs } from 'antd';
import { useState } from 'react';
import { useT } from '../../../i18n/useT.ts';
import type { MessageKey } from '../../../i18n/zh-CN.ts';
import { usePagination } from '../../../ui/usePagination.ts';
import type { TicketFilters } from '../types.ts';
import { TicketFilterBar, TicketTable } from './TicketTable.tsx';

export interface QueueTab {
  key: string;
  label: MessageKey;
  /** Comma list of states; none for every state. */
  states?: string;
}

/** A ticket list with tabs that fix the states (the unit's inbox, the centre's queues). */
export function TicketQueue({ tabs, base = {} }: { tabs: readonly QueueTab[]; base?: TicketFilters }) {
  const t = useT();
  const pagination = usePagination();
  const [tab, setTab] = useState(tabs[0]?.key ?? '');
  const [filters, setFilters] = useState<TicketFilters>({});
  const current = tabs.find((x) => x.key === tab);
  const effective: TicketFilters = { ...filters, ...base, ...(current?.states && { state: current.states }) };
  return (
    <>
      {tabs.length > 1 && (
        <Tabs
          activeKey={tab}
          onChange={(k) => {
            setTab(k);
            pagination.reset();
          }}
          items={tabs.map((x) => ({
            key: x.key,
            label: <span data-testid={`queue-tab-${x.key}`}>{t(x.label)}</span>,
          }))}
        />
      )}
      <TicketFilterBar
        value={filters}
        fixedState={Boolean(current?.states)}
        onChange={(next) => {
          setFilters(next);
          pagination.reset();
        }}
      />
      <TicketTable filters={effective} pagination={pagination} />
    </>
  );
}
