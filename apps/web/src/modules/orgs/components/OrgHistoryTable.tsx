import type { TableColumnsType } from 'antd';
import { Card } from 'antd';
import { formatDate, formatDateTime } from '../../../i18n/format.ts';
import { isMessageKey, useT } from '../../../i18n/useT.ts';
import { DataTable } from '../../../ui/DataTable.tsx';
import { usePagination } from '../../../ui/usePagination.ts';
import { useOrgHistory } from '../hooks/useOrgQueries.ts';
import type { OrgHistoryEntry } from '../types.ts';
import { OrgStatusTag } from './OrgStatusTag.tsx';

export interface OrgHistoryTableProps {
  orgId: number;
}

export function OrgHistoryTable({ orgId }: OrgHistoryTableProps) {
  const t = useT();
  const pagination = usePagination(10);
  const history = useOrgHistory(orgId, pagination.params);
  const changeLabel = (change: string) => {
    const key = `org.change.${change}`;
    return isMessageKey(key) ? t(key) : change;
  };

  const columns: TableColumnsType<OrgHistoryEntry> = [
    { title: t('org.history.change'), dataIndex: 'change', render: changeLabel },
    { title: t('org.field.name'), dataIndex: 'name' },
    { title: t('org.history.parent'), dataIndex: 'parentName', render: (v: string | null) => v ?? '—' },
    {
      title: t('org.field.status'),
      dataIndex: 'status',
      render: (_, row) => <OrgStatusTag status={row.status} />,
    },
    { title: t('org.history.valid-from'), dataIndex: 'validFrom', render: formatDate },
    { title: t('org.history.valid-to'), dataIndex: 'validTo', render: formatDate },
    { title: t('org.history.changed-at'), dataIndex: 'changedAt', render: formatDateTime },
  ];

  return (
    <Card title={t('org.history.title')} style={{ marginTop: 16 }}>
      <DataTable<OrgHistoryEntry>
        rowKey="id"
        size="small"
        columns={columns}
        query={history}
        pagination={pagination}
        testId="org-history-table"
      />
    </Card>
  );
}
