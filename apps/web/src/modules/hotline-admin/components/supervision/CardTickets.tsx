import { Button, Segmented, Select, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../../../../i18n/format.ts';
import { useT } from '../../../../i18n/useT.ts';
import { DataTable } from '../../../../ui/DataTable.tsx';
import { usePagination } from '../../../../ui/usePagination.ts';
import { useCan } from '../../../auth/hooks/useMe.ts';
import { useBoardTickets } from '../../hooks/useOversight.ts';
import type { Card, Ticket, TicketFilters, UnitCards } from '../../types.ts';
import { labelOf } from '../labels.ts';
import { UrgeModal } from './UrgeModal.tsx';

type View = 'red' | 'yellow' | 'supervised';

export const CardTag = ({ card }: { card: Card }) => {
  const t = useT();
  if (card === 'none') return null;
  return <Tag color={card === 'red' ? 'red' : 'gold'}>{t(`hla.card.${card}`)}</Tag>;
};

/** Open tickets with a red or yellow card, or under supervision, at one unit or all of them. */
export function CardTickets({ units }: { units: UnitCards[] }) {
  const t = useT();
  const canSupervise = useCan('hotline.supervise');
  const pagination = usePagination();
  const [view, setView] = useState<View>('red');
  const [unit, setUnit] = useState<number | undefined>();
  const [urging, setUrging] = useState<Ticket | null>(null);
  const filters: TicketFilters =
    view === 'supervised' ? { supervised: true, handlingOrgId: unit } : { card: view, handlingOrgId: unit };
  const tickets = useBoardTickets(pagination.params, filters);

  const columns: ColumnsType<Ticket> = [
    {
      title: t('hla.ticket.no'),
      dataIndex: 'ticketNo',
      render: (no: string, r) => (
        <Link to={`/hotline/tickets/${r.id}`} data-testid="board-ticket">
          <Typography.Text code>{no}</Typography.Text>
        </Link>
      ),
    },
    { title: t('hla.ticket.unit'), dataIndex: 'handlingName', render: (n: string | null) => n ?? '—' },
    { title: t('hla.ticket.type'), dataIndex: 'requestType', render: (v: string) => labelOf(t, 'type', v) },
    {
      title: t('hla.ticket.category'),
      dataIndex: 'categoryName',
      render: (n: string | null, r) => n ?? r.categoryCode,
    },
    { title: t('hla.ticket.state'), dataIndex: 'state', render: (s: string) => labelOf(t, 'state', s) },
    {
      title: t('hla.ticket.card'),
      dataIndex: 'card',
      render: (c: Card, r) => (
        <Space size={4}>
          <CardTag card={c} />
          {r.supervised && <Tag color="purple">{t('hla.ticket.supervised')}</Tag>}
        </Space>
      ),
    },
    { title: t('hla.ticket.urges'), dataIndex: 'urgeCount' },
    { title: t('hla.ticket.received'), dataIndex: 'receivedAt', render: (d: string) => formatDateTime(d) },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, r) =>
        canSupervise && (
          <Button size="small" onClick={() => setUrging(r)} data-testid="board-urge">
            {t('hla.urge.issue')}
          </Button>
        ),
    },
  ];

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <Segmented<View>
          value={view}
          onChange={(v) => {
            pagination.reset();
            setView(v);
          }}
          options={[
            { value: 'red', label: t('hla.card.red') },
            { value: 'yellow', label: t('hla.card.yellow') },
            { value: 'supervised', label: t('hla.ticket.supervised') },
          ]}
          data-testid="board-view"
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('hla.ticket.unit')}
          style={{ width: 240 }}
          value={unit}
          onChange={(v?: number) => {
            pagination.reset();
            setUnit(v);
          }}
          options={units.map((u) => ({ value: u.orgUnitId, label: u.orgName }))}
        />
      </Space>
      <DataTable<Ticket>
        rowKey="id"
        query={tickets}
        pagination={pagination}
        columns={columns}
        testId="board-tickets"
      />
      <UrgeModal ticket={urging} onClose={() => setUrging(null)} />
    </Space>
  );
}
