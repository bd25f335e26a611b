import type { UseQueryResult } from '@tanstack/react-query';
import { Tag } from 'antd';
import { Link } from 'react-router';
import type { Page } from '../../../api/types.ts';
import { formatDateTime } from '../../../i18n/format.ts';
import { useT } from '../../../i18n/useT.ts';
import { DataTable } from '../../../ui/DataTable.tsx';
import type { Pagination } from '../../../ui/usePagination.ts';
import type { Incident } from '../types/incidents.ts';
import { formatLatLon } from './geo-format.ts';
import { STATE_COLORS } from './incident-format.ts';

export interface IncidentTableProps {
  query: UseQueryResult<Page<Incident>>;
  pagination: Pagination;
}

export function IncidentTable({ query, pagination }: IncidentTableProps) {
  const t = useT();
  return (
    <DataTable<Incident>
      query={query}
      pagination={pagination}
      rowKey="id"
      size="small"
      testId="incident-table"
      columns={[
        {
          title: t('incident.field.code'),
          key: 'code',
          render: (_, i) => <Link to={`/maritime/incidents/${i.id}`}>{i.code}</Link>,
        },
        {
          title: t('incident.field.state'),
          key: 'state',
          render: (_, i) => (
            <Tag color={STATE_COLORS[i.state]}>
              {t(`incident.state.${i.state}`)}
              {i.outcome ? ` · ${t(`incident.outcome.${i.outcome}`)}` : ''}
            </Tag>
          ),
        },
        {
          title: t('incident.field.nature'),
          key: 'nature',
          render: (_, i) => t(`incident.nature.${i.nature}`),
        },
        { title: t('incident.field.vessel'), key: 'vessel', render: (_, i) => i.vesselName ?? i.mmsi ?? '—' },
        { title: t('incident.field.position'), key: 'position', render: (_, i) => formatLatLon(i.position) },
        { title: t('incident.field.alert-at'), key: 'alertAt', render: (_, i) => formatDateTime(i.alertAt) },
        { title: t('incident.field.org'), dataIndex: 'orgName' },
      ]}
    />
  );
}
