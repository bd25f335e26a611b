import { Alert, Badge, Card, Col, Row, Space } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { describeError } from '../../../api/error-message.ts';
import { formatDateTime } from '../../../i18n/format.ts';
import { useT } from '../../../i18n/useT.ts';
import { MapView } from '../../../ui/map/MapView.tsx';
import { boundsOf, type GeoBounds, type MapLine, type MapPoint } from '../../../ui/map/types.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { usePagination } from '../../../ui/usePagination.ts';
import { useOngoingAlarms, usePositionsInView, useTrack, useVehicleList } from '../hooks/useVehicles.ts';
import type { LatestPosition, StateFilter, VehicleFilters } from '../types.ts';
import { useTrackPlayback } from './useTrackPlayback.ts';
import { defaultTrackRange, type TrackRange, VehicleDetailDrawer } from './VehicleDetailDrawer.tsx';
import { VehicleFilterBar } from './VehicleFilterBar.tsx';
import { VehicleList } from './VehicleList.tsx';
import { matchesPosition, registryRow } from './vehicle-rows.ts';
import { STATE_COLORS, vehiclePoint } from './vehicle-style.ts';

// Mainland China until the first positions arrive; then the view fits the fleet once.
const CHINA: GeoBounds = { west: 73, south: 18, east: 135, north: 54 };
// Beyond this many points in view plates are shown on hover only.
const MAX_LABELS = 40;

/** The live vehicle picture: filters, the map of the viewport, the vehicle list, a detail drawer. */
export function VehicleMonitor() {
  const t = useT();
  const [bounds, setBounds] = useState<GeoBounds | null>(null);
  const [fit, setFit] = useState<GeoBounds>(CHINA);
  const fitted = useRef(false);
  const [filters, setFilters] = useState<VehicleFilters>({});
  const [selected, setSelected] = useState<number | null>(null);
  const [range, setRange] = useState<TrackRange | null>(null);
  const pagination = usePagination(10);
  const positions = usePositionsInView(bounds);
  const ongoing = useOngoingAlarms();
  const inAlarmList = filters.state === 'alarm';
  const registry = useVehicleList(filters, pagination.params, true);
  const track = useTrack(selected, range);
  const trackPoints = track.data?.items ?? null;
  const playback = useTrackPlayback(trackPoints?.length ?? 0);

  const alarmed = useMemo(() => new Set((ongoing.data?.items ?? []).map((a) => a.vehicleId)), [ongoing.data]);
  const byId = useMemo(
    () => new Map<number, LatestPosition>((positions.data?.items ?? []).map((p) => [p.vehicleId, p])),
    [positions.data],
  );

  useEffect(() => {
    const items = positions.data?.items ?? [];
    if (fitted.current || items.length === 0) return;
    fitted.current = true;
    const b = boundsOf(items, 0.3);
    if (b) setFit(b);
  }, [positions.data]);

  const shown = useMemo(
    () => (positions.data?.items ?? []).filter((p) => matchesPosition(p, alarmed.has(p.vehicleId), filters)),
    [positions.data, alarmed, filters],
  );
  const points = useMemo<MapPoint[]>(() => {
    const out = shown.map((p) => {
      const inAlarm = alarmed.has(p.vehicleId);
      const state: StateFilter = inAlarm ? 'alarm' : p.online ? 'online' : 'offline';
      const point = vehiclePoint(
        p,
        inAlarm,
        {
          state: t(`vehicle.state.${state}`),
          type: t(`vehicle.type.${p.vehicleType}`),
          speed: t('vehicle.field.speed'),
          direction: t('vehicle.field.direction'),
          at: formatDateTime(p.gnssTime),
        },
        p.vehicleId === selected,
      );
      return shown.length > MAX_LABELS && p.vehicleId !== selected ? { ...point, label: undefined } : point;
    });
    const at = trackPoints?.[playback.index];
    if (at)
      out.push({
        id: 'track-marker',
        lat: at.lat,
        lon: at.lon,
        color: '#1677ff',
        symbol: 'arrow',
        rotation: at.direction,
        size: 16,
        tooltip: [formatDateTime(at.gnssTime), `${at.speed.toFixed(1)} km/h`],
      });
    return out;
  }, [shown, alarmed, selected, t, trackPoints, playback.index]);
  const lines = useMemo<MapLine[]>(
    () =>
      trackPoints && trackPoints.length > 1
        ? [{ id: 'track', path: trackPoints, color: '#1677ff', width: 3 }]
        : [],
    [trackPoints],
  );

  // The server filters and pages "in alarm" too: every row of that list has an open alarm, even
  // one past the first page of ongoing alarms the map marks.
  const rows = (registry.data?.items ?? []).map((v) => registryRow(v, alarmed, byId, inAlarmList));
  const total = registry.data?.total ?? 0;

  const { reset } = pagination;
  const onFilters = useCallback(
    (f: VehicleFilters) => {
      setFilters(f);
      reset();
    },
    [reset],
  );
  const select = useCallback(
    (id: number) => {
      setSelected(id);
      setRange(defaultTrackRange(byId.get(id)?.lastSeenAt));
    },
    [byId],
  );
  const error = positions.error ?? registry.error ?? ongoing.error;

  return (
    <>
      <PageHeader title={t('nav.vehicles-monitor')} subtitle={t('vehicle.subtitle')} />
      <VehicleFilterBar onChange={onFilters} />
      {error && <Alert type="error" showIcon title={describeError(t, error)} style={{ marginBottom: 12 }} />}
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Card size="small" styles={{ body: { padding: 8 } }}>
            <MapView
              points={points}
              lines={lines}
              fit={fit}
              height="calc(100vh - 300px)"
              onViewChange={setBounds}
              onPointClick={(id) => id !== 'track-marker' && select(Number(id))}
              testId="vehicle-map"
            />
            <Space wrap size={[12, 4]} style={{ marginTop: 8 }} data-testid="vehicle-map-legend">
              {(['online', 'offline', 'alarm'] as const).map((s) => (
                <Badge key={s} color={STATE_COLORS[s]} text={t(`vehicle.state.${s}`)} />
              ))}
              <span style={{ color: 'rgba(0,0,0,0.45)' }}>
                {t('vehicle.in-view', { total: positions.data?.total ?? 0 })}
              </span>
            </Space>
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card size="small" title={<span data-testid="vehicle-total">{t('vehicle.total', { total })}</span>}>
            <VehicleList
              rows={rows}
              loading={inAlarmList ? ongoing.isPending : registry.isPending}
              selected={selected}
              onSelect={select}
              pagination={{
                current: pagination.params.page,
                pageSize: pagination.params.pageSize,
                total,
                onChange: pagination.onChange,
              }}
            />
          </Card>
        </Col>
      </Row>
      <VehicleDetailDrawer
        vehicleId={selected}
        position={selected === null ? undefined : byId.get(selected)}
        inAlarm={selected !== null && alarmed.has(selected)}
        onClose={() => {
          setSelected(null);
          setRange(null);
        }}
        range={range}
        onRangeChange={setRange}
        track={trackPoints}
        trackLoading={track.isFetching}
        playback={playback}
      />
    </>
  );
}
