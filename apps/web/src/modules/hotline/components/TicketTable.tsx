import { Input, Select, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDateTime } from '../../../i18n/format.ts';
import { useT } from '../../../i18n/useT.ts';
import { DataTable } from '../../../ui/DataTable.tsx';
import type { Pagination } from '../../../ui/usePagination.ts';
import { OrgSelect } from '../../orgs/components/OrgSelect.tsx';
import { useTicketList } from '../hooks.ts';
import { CHANNELS, REQUEST_TYPES, TICKET_STATES, type Ticket, type TicketFilters } from '../types.ts';
import { CardTag, StateTag, useLabels } from './labels.tsx';

export interface TicketFilterBarProps {
  value: TicketFilters;
  onChange: (next: TicketFilters) => void;
  /** Hide the state filter when a tab already fixes the states. */
  fixedState?: boolean;
}

export function TicketFilterBar({ value, onChange, fixedState }: TicketFilterBarProps) {
  const t = useT();
  const labels = useLabels();
  const set = (patch: Partial<TicketFilters>) => onChange({ ...value, ...patch });
  return (
    <Space wrap style={{ marginBottom: 12 }} data-testid="ticket-filters">
      {!fixedState && (
        <Select
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          style={{ minWidth: 200 }}
          placeholder={t('hotline.field.state')}
          value={value.state ? value.state.split(',') : []}
          onChange={(v: string[]) => set({ state: v.length ? v.join(',') : undefined })}
          options={TICKET_STATES.filter((s) => s !== 'draft').map((s) => ({
            value: s,
            label: labels.state(s),
          }))}
          data-testid="filter-state"
        />
      )}
      <Select
        allowClear
        style={{ width: 130 }}
        placeholder={t('hotline.field.type')}
        value={value.requestType}
        onChange={(v) => set({ requestType: v })}
        options={REQUEST_TYPES.map((v) => ({ value: v, label: labels.type(v) }))}
        data-testid="filter-type"
      />
      <Select
        allowClear
        style={{ width: 120 }}
        placeholder={t('hotline.field.channel')}
        value={value.channel}
        onChange={(v) => set({ channel: v })}
        options={CHANNELS.map((v) => ({ value: v, label: labels.channel(v) }))}
        data-testid="filter-channel"
      />
      <div style={{ width: 220, display: 'grid' }}>
        <OrgSelect
          value={value.handlingOrgId}
          onChange={(v) => set({ handlingOrgId: v })}
          placeholder={t('hotline.field.handling-unit')}
          testId="filter-unit"
        />
      </div>
      <Select
        allowClear
        style={{ width: 120 }}
        placeholder={t('hotline.field.card')}
        value={value.card}
        onChange={(v) => set({ card: v })}
        options={[
          { value: 'yellow', label: t('hotline.card.yellow') },
          { value: 'red', label: t('hotline.card.red') },
        ]}
        data-testid="filter-card"
      />
      <Input.Search
        allowClear
        style={{ width: 240 }}
        placeholder={t('hotline.filter.q')}
        defaultValue={value.q}
        onSearch={(v) => set({ q: v.trim() || undefined })}
        data-testid="filter-q"
      />
    </Space>
  );
}

export function TicketTable({ filters, pagination }: { filters: TicketFilters; pagination: Pagination }) {
  const t = useT();
  const labels = useLabels();
  const query = useTicketList(pagination.params, filters);
  return (
    <DataTable<Ticket>
      query={query}
      pagination={pagination}
      rowKey="id"
      testId="ticket-table"
      columns={[
        {
          title: t('hotline.field.ticket-no'),
          dataIndex: 'ticketNo',
          render: (no: string, r) => (
            <Link to={`/hotline/tickets/${r.id}`} data-testid="ticket-link">
              {no}
            </Link>
          ),
        },
        {
          title: t('hotline.field.state'),
          dataIndex: 'state',
          render: (s: Ticket['state'], r) => (
            <Space size={2}>
              <StateTag state={s} />
              <CardTag card={r.card} />
              {r.supervised && <Typography.Text type="danger">{t('hotline.supervised')}</Typography.Text>}
            </Space>
          ),
        },
        { title: t('hotline.field.type'), dataIndex: 'requestType', render: labels.type },
        { title: t('hotline.field.category'), dataIndex: 'categoryName' },
        { title: t('hotline.field.channel'), dataIndex: 'channel', render: labels.channel },
        {
          title: t('hotline.field.description'),
          dataIndex: 'description',
          render: (d: string) => (
            <Typography.Text ellipsis style={{ maxWidth: 280 }}>
              {d}
            </Typography.Text>
          ),
        },
        {
          title: t('hotline.field.handling-unit'),
          dataIndex: 'handlingName',
          render: (v: string | null) => v ?? '—',
        },
        {
          title: t('hotline.field.phone'),
          dataIndex: 'requesterPhone',
          render: (v: string | null) => v ?? '—',
        },
        { title: t('hotline.field.received-at'), dataIndex: 'receivedAt', render: formatDateTime },
      ]}
    />
  );
}
