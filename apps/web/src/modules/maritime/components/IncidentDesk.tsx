import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Input, Select, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { useT } from '../../../i18n/useT.ts';
import { MapView } from '../../../ui/map/MapView.tsx';
import type { LatLon, MapPoint } from '../../../ui/map/types.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { usePagination } from '../../../ui/usePagination.ts';
import { useCan } from '../../auth/hooks/useMe.ts';
import { useIncidentList } from '../hooks/useIncidents.ts';
import {
  ALERT_SOURCES,
  type AlertSource,
  INCIDENT_STATES,
  type IncidentFilters,
  type IncidentState,
} from '../types/incidents.ts';
import { IncidentTable } from './IncidentTable.tsx';
import { OpenIncidentModal } from './OpenIncidentModal.tsx';

const STATE_POINT: Record<IncidentState, string> = { open: '#f5222d', active: '#fa8c16', closed: '#8c8c8c' };

/** The incident desk: filters, the incidents on the map and in a table; open one from the map or a form. */
export function IncidentDesk() {
  const t = useT();
  const navigate = useNavigate();
  const canManage = useCan('maritime.manage');
  const pagination = usePagination();
  const [filters, setFilters] = useState<IncidentFilters>({});
  const [opening, setOpening] = useState<{ at: LatLon | null } | null>(null);
  const list = useIncidentList(pagination.params, filters);
  const change = (next: IncidentFilters) => {
    setFilters((prev) => ({ ...prev, ...next }));
    pagination.reset();
  };

  const points = useMemo<MapPoint[]>(
    () =>
      (list.data?.items ?? []).map((i) => ({
        id: String(i.id),
        lat: i.position.lat,
        lon: i.position.lon,
        color: STATE_POINT[i.state],
        symbol: 'pin',
        size: 22,
        label: i.code,
        tooltip: [i.code, t(`incident.nature.${i.nature}`), t(`incident.state.${i.state}`)],
      })),
    [list.data, t],
  );

  return (
    <>
      <PageHeader
        title={t('nav.maritime-incidents')}
        subtitle={t('incident.subtitle')}
        extra={
          canManage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setOpening({ at: null })}
              data-testid="incident-open"
            >
              {t('incident.open')}
            </Button>
          )
        }
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <Select<IncidentState>
          allowClear
          placeholder={t('incident.field.state')}
          style={{ width: 130 }}
          onChange={(state) => change({ state })}
          options={INCIDENT_STATES.map((s) => ({ value: s, label: t(`incident.state.${s}`) }))}
        />
        <Select<AlertSource>
          allowClear
          placeholder={t('incident.field.source')}
          style={{ width: 180 }}
          onChange={(source) => change({ source })}
          options={ALERT_SOURCES.map((s) => ({ value: s, label: t(`incident.source.${s}`) }))}
        />
        <Input.Search
          allowClear
          placeholder={t('incident.filter.search')}
          style={{ width: 220 }}
          onSearch={(q) => change({ q: q.trim() || undefined })}
        />
        {canManage && <Typography.Text type="secondary">{t('incident.open-hint')}</Typography.Text>}
      </Space>
      <Card size="small" styles={{ body: { padding: 8 } }} style={{ marginBottom: 16 }}>
        <MapView
          points={points}
          height={380}
          onMapClick={canManage ? (at) => setOpening({ at }) : undefined}
          onPointClick={(id) => navigate(`/maritime/incidents/${id}`)}
          testId="incident-map"
        />
      </Card>
      <IncidentTable query={list} pagination={pagination} />
      <OpenIncidentModal
        open={opening !== null}
        at={opening?.at ?? null}
        onClose={() => setOpening(null)}
        onOpened={(incident) => {
          setOpening(null);
          navigate(`/maritime/incidents/${incident.id}`);
        }}
      />
    </>
  );
}
