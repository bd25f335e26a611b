import { Button, Card, Input, Popconfirm, Select, Space, Tag } from 'antd';
import { useCallback, useState } from 'react';
import { formatDateTime } from '../../../i18n/format.ts';
import { useT } from '../../../i18n/useT.ts';
import { DataTable } from '../../../ui/DataTable.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { usePagination } from '../../../ui/usePagination.ts';
import { useCan } from '../../auth/hooks/useMe.ts';
import {
  ROAD_CLASSES,
  type SpeedZone,
  type SpeedZoneFilters,
  ZONE_VEHICLE_TYPES,
} from '../api/speed-zones.ts';
import { useDeleteZone, useSpeedZones } from '../hooks/useSpeedZones.ts';
import { SpeedZoneForm } from './SpeedZoneForm.tsx';

/** Road-class speed zones the overspeed rule applies, and their editing. */
export function SpeedZonesBoard() {
  const t = useT();
  const canManage = useCan('vehicle.manage');
  const [filters, setFilters] = useState<SpeedZoneFilters>({});
  const [editing, setEditing] = useState<SpeedZone | null | undefined>(undefined);
  const pagination = usePagination(20);
  const list = useSpeedZones(filters, pagination.params);
  const remove = useDeleteZone();
  const { reset } = pagination;
  const onFilters = useCallback(
    (f: SpeedZoneFilters) => {
      setFilters(f);
      reset();
    },
    [reset],
  );
  return (
    <>
      <PageHeader
        title={t('nav.vehicles-speed-zones')}
        subtitle={t('vzone.subtitle')}
        extra={
          canManage && (
            <Button type="primary" onClick={() => setEditing(null)} data-testid="zone-create">
              {t('vzone.create')}
            </Button>
          )
        }
      />
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            allowClear
            placeholder={t('vzone.field.road-class')}
            style={{ width: 160 }}
            value={filters.roadClass}
            onChange={(roadClass) => onFilters({ ...filters, roadClass })}
            options={ROAD_CLASSES.map((c) => ({ value: c, label: t(`vzone.road.${c}`) }))}
            data-testid="zone-filter-road-class"
          />
          <Input.Search
            allowClear
            placeholder={t('vzone.filter.name')}
            style={{ width: 200 }}
            onSearch={(q) => onFilters({ ...filters, q: q.trim() || undefined })}
          />
        </Space>
        <DataTable<SpeedZone>
          query={list}
          pagination={pagination}
          rowKey="id"
          size="small"
          testId="zone-table"
          columns={[
            { title: t('vzone.field.name'), dataIndex: 'name', key: 'name' },
            {
              title: t('vzone.field.road-class'),
              key: 'roadClass',
              render: (_, z) => <Tag color="blue">{t(`vzone.road.${z.roadClass}`)}</Tag>,
            },
            {
              title: t('vzone.field.shape'),
              key: 'shape',
              render: (_, z) =>
                z.shape === 'corridor'
                  ? `${t('vzone.shape.corridor')} ${z.widthM} m`
                  : t('vzone.shape.polygon'),
            },
            {
              title: t('vzone.field.limits'),
              key: 'limits',
              render: (_, z) =>
                ZONE_VEHICLE_TYPES.filter((type) => z.speedLimits[type] !== undefined)
                  .map((type) => `${t(`vehicle.type.${type}`)} ${z.speedLimits[type]}`)
                  .join(' · '),
            },
            { title: t('vzone.field.org'), dataIndex: 'orgName', key: 'org' },
            {
              title: t('vzone.field.enabled'),
              key: 'enabled',
              render: (_, z) =>
                z.enabled ? <Tag color="green">{t('vzone.on')}</Tag> : <Tag>{t('vzone.off')}</Tag>,
            },
            {
              title: t('vzone.field.updated'),
              key: 'updated',
              render: (_, z) => formatDateTime(z.updatedAt),
            },
            ...(canManage
              ? [
                  {
                    title: '',
                    key: 'actions',
                    render: (_: unknown, z: SpeedZone) => (
                      <Space>
                        <Button size="small" onClick={() => setEditing(z)} data-testid="zone-edit">
                          {t('vzone.edit')}
                        </Button>
                        <Popconfirm title={t('vzone.delete-confirm')} onConfirm={() => remove.mutate(z.id)}>
                          <Button size="small" danger>
                            {t('vzone.delete')}
                          </Button>
                        </Popconfirm>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <SpeedZoneForm zone={editing} onClose={() => setEditing(undefined)} />
    </>
  );
}
