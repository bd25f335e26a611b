import { Badge, Table, type TablePaginationConfig } from 'antd';
import dayjs from 'dayjs';
import { formatDateTime } from '../../../i18n/format.ts';
import { useT } from '../../../i18n/useT.ts';
import type { VehicleRow } from './vehicle-rows.ts';
import { STATE_COLORS, stateOf } from './vehicle-style.ts';

/** Today's reports by their time; older ones by their day. */
const lastSeenText = (iso: string | null) => {
  if (!iso) return '—';
  const at = dayjs(iso);
  return at.isSame(dayjs(), 'day') ? at.format('HH:mm:ss') : at.format('MM-DD HH:mm');
};

export interface VehicleListProps {
  rows: readonly VehicleRow[];
  loading: boolean;
  selected: number | null;
  onSelect: (id: number) => void;
  pagination: TablePaginationConfig;
}

/** The vehicles beside the map; the server pages the registry, the caller passes its pagination. */
export function VehicleList({ rows, loading, selected, onSelect, pagination }: VehicleListProps) {
  const t = useT();
  return (
    <Table<VehicleRow>
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={[...rows]}
      pagination={{ size: 'small', showSizeChanger: false, ...pagination }}
      onRow={(v) => ({ onClick: () => onSelect(v.id), style: { cursor: 'pointer' } })}
      rowClassName={(v) => (v.id === selected ? 'ant-table-row-selected' : '')}
      data-testid="vehicle-list"
      columns={[
        {
          title: t('vehicle.field.plate'),
          key: 'plate',
          render: (_, v) => {
            const state = stateOf(v.online, v.inAlarm);
            return (
              <div style={{ lineHeight: 1.3, whiteSpace: 'nowrap' }}>
                <Badge
                  color={STATE_COLORS[state]}
                  text={<span data-testid="vehicle-row-plate">{v.plateNo}</span>}
                />
                <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)', paddingInlineStart: 14 }}>
                  {t(`vehicle.state.${state}`)}
                </div>
              </div>
            );
          },
        },
        {
          title: t('vehicle.field.type'),
          key: 'type',
          width: 100,
          ellipsis: true,
          render: (_, v) => (
            <span style={{ whiteSpace: 'nowrap' }}>{t(`vehicle.type.${v.vehicleType}`)}</span>
          ),
        },
        {
          title: t('vehicle.field.speed'),
          key: 'speed',
          width: 90,
          align: 'right',
          render: (_, v) => (
            <span style={{ whiteSpace: 'nowrap' }}>
              {v.speed === null ? '—' : `${v.speed.toFixed(0)} km/h`}
            </span>
          ),
        },
        {
          title: t('vehicle.field.last-seen'),
          key: 'lastSeen',
          width: 84,
          render: (_, v) => (
            <span style={{ whiteSpace: 'nowrap', fontSize: 12 }} title={formatDateTime(v.lastSeenAt)}>
              {lastSeenText(v.lastSeenAt)}
            </span>
          ),
        },
      ]}
    />
  );
}
