import type { UseQueryResult } from '@tanstack/react-query';
import { type TableColumnsType, Tag, Typography } from 'antd';
import type { Page } from '../../../api/types.ts';
import { formatDateTime } from '../../../i18n/format.ts';
import { useT } from '../../../i18n/useT.ts';
import { DataTable } from '../../../ui/DataTable.tsx';
import type { Pagination } from '../../../ui/usePagination.ts';
import type { AuditEntry } from '../types.ts';
import { AuditDiff } from './AuditDiff.tsx';

export interface AuditTableProps {
  query: UseQueryResult<Page<AuditEntry>>;
  pagination: Pagination;
}

export function AuditTable({ query, pagination }: AuditTableProps) {
  const t = useT();
  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.field.seq'), dataIndex: 'seq', width: 90 },
    { title: t('audit.field.at'), dataIndex: 'at', width: 170, render: formatDateTime },
    {
      title: t('audit.field.actor'),
      dataIndex: 'actorUsername',
      render: (v: string | null) => v ?? t('audit.system-actor'),
    },
    {
      title: t('audit.field.action'),
      dataIndex: 'action',
      render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
    },
    {
      title: t('audit.field.object'),
      key: 'object',
      render: (_, e) => (e.objectType ? `${e.objectType}${e.objectId ? ` #${e.objectId}` : ''}` : '—'),
    },
    {
      title: t('audit.field.outcome'),
      dataIndex: 'outcome',
      width: 90,
      render: (_, e) => (
        <Tag color={e.outcome === 'success' ? 'green' : 'red'}>{t(`audit.outcome.${e.outcome}`)}</Tag>
      ),
    },
    { title: 'IP', dataIndex: 'ip', width: 130, render: (v: string | null) => v ?? '—' },
  ];
  return (
    <DataTable<AuditEntry>
      rowKey="seq"
      columns={columns}
      query={query}
      pagination={pagination}
      testId="audit-table"
      // Fixed layout: the expanded before/after JSON wraps inside the table instead of widening it.
      tableLayout="fixed"
      scroll={{ x: 1000 }}
      expandable={{ expandedRowRender: (entry) => <AuditDiff entry={entry} /> }}
    />
  );
}
