import { Badge, Table } from 'antd';
import { useI18n } from '../../../i18n/useT.ts';
import type { Vessel } from '../types/vessels.ts';
import { CATEGORY_COLORS, flagName, vesselName } from './vessel-style.ts';

export interface VesselListProps {
  /** One page of the vessels in view, paged by the server. */
  vessels: readonly Vessel[];
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
  loading: boolean;
  selected: number | null;
  onSelect: (mmsi: number) => void;
}

/** The vessels the map shows, as rows, a page at a time from the server. */
export function VesselList({
  vessels,
  page,
  pageSize,
  total,
  onPage,
  loading,
  selected,
  onSelect,
}: VesselListProps) {
  const { t, locale } = useI18n();
  return (
    <Table<Vessel>
      size="small"
      rowKey="mmsi"
      loading={loading}
      dataSource={[...vessels]}
      pagination={{ current: page, pageSize, total, onChange: onPage, size: 'small', showSizeChanger: false }}
      onRow={(v) => ({ onClick: () => onSelect(v.mmsi), style: { cursor: 'pointer' } })}
      rowClassName={(v) => (v.mmsi === selected ? 'ant-table-row-selected' : '')}
      data-testid="vessel-list"
      columns={[
        {
          title: t('vessel.field.name'),
          key: 'name',
          render: (_, v) => (
            <div style={{ lineHeight: 1.3 }}>
              <Badge
                color={CATEGORY_COLORS[v.category]}
                text={<span data-testid="vessel-row-name">{vesselName(v)}</span>}
              />
              <div
                style={{
                  fontSize: 12,
                  color: 'rgba(0,0,0,0.45)',
                  paddingInlineStart: 14,
                  whiteSpace: 'nowrap',
                }}
              >
                MMSI {v.mmsi}
              </div>
            </div>
          ),
        },
        {
          title: t('vessel.field.category'),
          key: 'category',
          width: 96,
          ellipsis: true,
          render: (_, v) => (
            <span style={{ whiteSpace: 'nowrap' }}>{t(`maritime.category.${v.category}`)}</span>
          ),
        },
        {
          title: t('vessel.field.flag'),
          key: 'flag',
          width: 110,
          ellipsis: true,
          render: (_, v) => <span style={{ whiteSpace: 'nowrap' }}>{flagName(v, locale) ?? '—'}</span>,
        },
        {
          title: t('vessel.field.speed'),
          key: 'speed',
          width: 80,
          align: 'right',
          render: (_, v) => (
            <span style={{ whiteSpace: 'nowrap' }}>
              {v.position?.speed === null || !v.position ? '—' : `${v.position.speed.toFixed(1)} kn`}
            </span>
          ),
        },
      ]}
    />
  );
}
