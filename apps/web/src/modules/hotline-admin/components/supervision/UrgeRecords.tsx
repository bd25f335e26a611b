import { Select, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../../../../i18n/format.ts';
import { useT } from '../../../../i18n/useT.ts';
import { DataTable } from '../../../../ui/DataTable.tsx';
import { usePagination } from '../../../../ui/usePagination.ts';
import type { UrgeFilters } from '../../api/oversight.ts';
import { useUrges } from '../../hooks/useOversight.ts';
import type { Urge } from '../../types.ts';

/** 催办 and 督办 records: who demanded what, when, by when, and the unit's answer. */
export function UrgeRecords() {
  const t = useT();
  const pagination = usePagination();
  const [filters, setFilters] = useState<UrgeFilters>({});
  const urges = useUrges(pagination.params, filters);
  const columns: ColumnsType<Urge> = [
    {
      title: t('hla.ticket.no'),
      dataIndex: 'ticketNo',
      render: (no: string, u) => (
        <Link to={`/hotline/tickets/${u.ticketId}`} data-testid="urge-ticket">
          <Typography.Text code>{no}</Typography.Text>
        </Link>
      ),
    },
    {
      title: t('hla.urge.kind'),
      dataIndex: 'kind',
      render: (k: Urge['kind'], u) => (
        <Space size={4}>
          <Tag color={k === 'supervision' ? 'purple' : 'blue'}>{t(`hla.urge.kind.${k}`)}</Tag>
          {u.automatic && <Tag>{t('hla.urge.automatic')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('hla.urge.issuer'),
      dataIndex: 'issuedByName',
      render: (n: string | null, u) => n ?? (u.automatic ? t('hla.urge.system') : '—'),
    },
    { title: t('hla.urge.issued-at'), dataIndex: 'issuedAt', render: (d: string) => formatDateTime(d) },
    { title: t('hla.urge.demand'), dataIndex: 'demand', width: 280 },
    {
      title: t('hla.urge.answer-due'),
      dataIndex: 'answerDueAt',
      render: (d: string | null) => formatDateTime(d),
    },
    {
      title: t('hla.urge.answer'),
      dataIndex: 'answer',
      width: 280,
      render: (a: string | null) => a ?? <Tag color="orange">{t('hla.urge.unanswered')}</Tag>,
    },
    {
      title: t('hla.urge.answered-at'),
      dataIndex: 'answeredAt',
      render: (d: string | null) => formatDateTime(d),
    },
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space>
        <Select
          allowClear
          placeholder={t('hla.urge.kind')}
          style={{ width: 140 }}
          onChange={(kind?: Urge['kind']) => {
            pagination.reset();
            setFilters((f) => ({ ...f, kind }));
          }}
          options={[
            { value: 'urge', label: t('hla.urge.kind.urge') },
            { value: 'supervision', label: t('hla.urge.kind.supervision') },
          ]}
        />
        <Select
          allowClear
          placeholder={t('hla.urge.answer')}
          style={{ width: 140 }}
          onChange={(open?: boolean) => {
            pagination.reset();
            setFilters((f) => ({ ...f, open }));
          }}
          options={[
            { value: true, label: t('hla.urge.unanswered') },
            { value: false, label: t('hla.urge.answered') },
          ]}
        />
      </Space>
      <DataTable<Urge>
        rowKey="id"
        query={urges}
        pagination={pagination}
        columns={columns}
        testId="urge-records"
      />
    </Space>
  );
}
