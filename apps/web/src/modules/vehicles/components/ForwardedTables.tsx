import type { UseQueryResult } from '@tanstack/react-query';
import { Tag } from 'antd';
import type { Page } from '../../../api/types.ts';
import { formatDateTime } from '../../../i18n/format.ts';
import { useT } from '../../../i18n/useT.ts';
import { DataTable } from '../../../ui/DataTable.tsx';
import type { Pagination } from '../../../ui/usePagination.ts';
import type { ForwardedAlarm, ForwardedRegistration } from '../api/forwarded.ts';
import { WARN_TYPES } from './ForwardedFilterBar.tsx';

interface TableProps<T> {
  query: UseQueryResult<Page<T>>;
  pagination: Pagination;
}

const warnTypeKnown = (w: number): w is (typeof WARN_TYPES)[number] =>
  (WARN_TYPES as readonly number[]).includes(w);

export function ForwardedAlarmTable({ query, pagination }: TableProps<ForwardedAlarm>) {
  const t = useT();
  return (
    <DataTable<ForwardedAlarm>
      query={query}
      pagination={pagination}
      rowKey="id"
      size="small"
      testId="forwarded-alarm-table"
      columns={[
        { title: t('vfwd.field.plate'), dataIndex: 'plateNo', key: 'plate' },
        {
          title: t('vfwd.field.type'),
          key: 'type',
          render: (_, a) => (
            <Tag color={a.warnType === 1 ? 'red' : 'orange'}>
              {warnTypeKnown(a.warnType)
                ? t(`vfwd.warn.${a.warnType}`)
                : t('vfwd.warn.code', { code: a.warnType })}
            </Tag>
          ),
        },
        { title: t('vfwd.field.time'), key: 'time', render: (_, a) => formatDateTime(a.warnTime) },
        { title: t('vfwd.field.info'), dataIndex: 'info', key: 'info', ellipsis: true },
        { title: t('vfwd.field.platform'), dataIndex: 'linkName', key: 'platform' },
        { title: t('vfwd.field.org'), dataIndex: 'orgName', key: 'org' },
        { title: t('vfwd.field.received'), key: 'received', render: (_, a) => formatDateTime(a.receivedAt) },
      ]}
    />
  );
}

export function ForwardedRegistrationTable({ query, pagination }: TableProps<ForwardedRegistration>) {
  const t = useT();
  return (
    <DataTable<ForwardedRegistration>
      query={query}
      pagination={pagination}
      rowKey="vehicleId"
      size="small"
      testId="forwarded-registration-table"
      columns={[
        { title: t('vfwd.field.plate'), dataIndex: 'plateNo', key: 'plate' },
        { title: t('vfwd.field.producer'), dataIndex: 'producerId', key: 'producer' },
        { title: t('vfwd.field.model'), dataIndex: 'terminalModel', key: 'model' },
        { title: t('vfwd.field.terminal'), dataIndex: 'terminalId', key: 'terminal' },
        { title: t('vfwd.field.sim'), dataIndex: 'simCode', key: 'sim' },
        { title: t('vfwd.field.platform'), dataIndex: 'linkName', key: 'platform' },
        { title: t('vfwd.field.received'), key: 'received', render: (_, r) => formatDateTime(r.receivedAt) },
      ]}
    />
  );
}
