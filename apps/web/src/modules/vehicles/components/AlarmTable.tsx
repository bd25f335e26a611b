import type { UseQueryResult } from '@tanstack/react-query';
import { Tag } from 'antd';
import type { Page } from '../../../api/types.ts';
import { formatDateTime } from '../../../i18n/format.ts';
import { useT } from '../../../i18n/useT.ts';
import { DataTable } from '../../../ui/DataTable.tsx';
import type { Pagination } from '../../../ui/usePagination.ts';
import type { Alarm } from '../types.ts';
import { kindText, LEVEL_COLORS, peakText, STATE_TAG_COLORS } from './alarm-format.ts';

export interface AlarmTableProps {
  query: UseQueryResult<Page<Alarm>>;
  pagination: Pagination;
  onOpen: (id: number) => void;
}

export function AlarmTable({ query, pagination, onOpen }: AlarmTableProps) {
  const t = useT();
  return (
    <DataTable<Alarm>
      query={query}
      pagination={pagination}
      rowKey="id"
      size="small"
      testId="alarm-table"
      onRow={(a) => ({ onClick: () => onOpen(a.id), style: { cursor: 'pointer' } })}
      columns={[
        { title: t('valarm.field.plate'), dataIndex: 'plateNo', key: 'plate' },
        {
          title: t('valarm.field.kind'),
          key: 'kind',
          render: (_, a) => (
            <span>
              {kindText(t, a.kind)}
              {a.ongoing && (
                <Tag color="red" variant="outlined" style={{ marginInlineStart: 6 }}>
                  {t('valarm.ongoing')}
                </Tag>
              )}
            </span>
          ),
        },
        {
          title: t('valarm.field.level'),
          key: 'level',
          render: (_, a) => <Tag color={LEVEL_COLORS[a.level]}>{t(`valarm.level.${a.level}`)}</Tag>,
        },
        {
          title: t('valarm.field.state'),
          key: 'state',
          render: (_, a) => (
            <Tag color={STATE_TAG_COLORS[a.state]} data-testid="alarm-row-state">
              {t(`valarm.state.${a.state}`)}
            </Tag>
          ),
        },
        { title: t('valarm.field.peak'), key: 'peak', align: 'right', render: (_, a) => peakText(a) },
        {
          title: t('valarm.field.started'),
          key: 'started',
          render: (_, a) => formatDateTime(a.startedAt),
        },
        { title: t('valarm.field.source'), key: 'source', render: (_, a) => t(`valarm.source.${a.source}`) },
      ]}
    />
  );
}
