import { Tag } from 'antd';
import { Link } from 'react-router';
import { formatDateTime } from '../../../i18n/format.ts';
import { useT } from '../../../i18n/useT.ts';
import { DataTable } from '../../../ui/DataTable.tsx';
import { usePagination } from '../../../ui/usePagination.ts';
import { useInbox } from '../hooks/useStats.ts';
import type { InboxItem } from '../model/types.ts';
import { reportLink, STATE_COLORS, STATUS_COLORS } from './format.ts';

/** My to-do: forms due, in progress, returned or overdue for my unit, and reports waiting for my review. */
export function InboxTable() {
  const t = useT();
  const pagination = usePagination(20);
  const query = useInbox(pagination.params.page, pagination.params.pageSize);
  return (
    <DataTable<InboxItem>
      query={query}
      pagination={pagination}
      size="small"
      testId="stats-inbox"
      rowKey={(i) => `${i.formId}-${i.orgUnitId}-${i.period}-${i.status}`}
      onRow={(i) => ({ 'data-testid': `inbox-${i.status}-${i.formId}-${i.orgUnitId}-${i.period}` }) as never}
      columns={[
        {
          title: t('stats.field.status'),
          key: 'status',
          render: (_, i) => <Tag color={STATUS_COLORS[i.status]}>{t(`stats.status.${i.status}`)}</Tag>,
        },
        {
          title: t('stats.field.form'),
          key: 'form',
          render: (_, i) => (
            <Link to={reportLink(i.formId, i.orgUnitId, i.period)} data-testid="inbox-open">
              {i.formCode} {i.formName}
            </Link>
          ),
        },
        { title: t('stats.field.period'), dataIndex: 'periodName' },
        { title: t('stats.field.org'), dataIndex: 'orgName' },
        { title: t('stats.field.kind'), key: 'kind', render: (_, i) => t(`stats.kind.${i.kind}`) },
        {
          title: t('stats.field.state'),
          key: 'state',
          render: (_, i) => <Tag color={STATE_COLORS[i.state]}>{t(`stats.state.${i.state}`)}</Tag>,
        },
        { title: t('stats.field.deadline'), key: 'deadline', render: (_, i) => formatDateTime(i.deadline) },
      ]}
    />
  );
}
