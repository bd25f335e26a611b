import { Alert, Card, Col, Row, Space, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { describeError } from '../../../api/error-message.ts';
import { useI18n } from '../../../i18n/useT.ts';
import { MapView } from '../../../ui/map/MapView.tsx';
import type { GeoBounds, MapLine, MapPoint } from '../../../ui/map/types.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useTrack, useVesselsInView } from '../hooks/useVessels.ts';
import type { VesselFilters } from '../types/vessels.ts';
import { defaultTrackRange, type TrackRange, VesselDetailDrawer } from './VesselDetailDrawer.tsx';
import { VesselFilterBar } from './VesselFilterBar.tsx';
import { VesselList } from './VesselList.tsx';
import { VesselMapLegend } from './VesselMapLegend.tsx';
import { vesselPoint } from './vessel-style.ts';

// The server's largest page: the map shows at most this many vessels and asks to zoom in beyond.
const MAP_PAGE = { page: 1, pageSize: 200 };

/** The live vessel picture: filters, the map of the viewport, the list of what it shows, a detail drawer. */
export function VesselMap() {
  const { t, locale } = useI18n();
  const [bounds, setBounds] = useState<GeoBounds | null>(null);
  const [filters, setFilters] = useState<VesselFilters>({});
  const [selected, setSelected] = useState<number | null>(null);
  const [range, setRange] = useState<TrackRange | null>(null);
  const query = useVesselsInView(bounds, filters, MAP_PAGE);
  const track = useTrack(selected, range);

  const vessels = useMemo(() => query.data?.items ?? [], [query.data]);
  const labels = useMemo(
    () => ({
      speed: t('vessel.field.speed'),
      course: t('vessel.field.course'),
      flag: t('vessel.field.flag'),
    }),
    [t],
  );
  const points = useMemo(
    () =>
      vessels
        .map((v) => vesselPoint(v, locale, labels, v.mmsi === selected))
        .filter((p): p is MapPoint => p !== null),
    [vessels, locale, labels, selected],
  );
  const lines = useMemo<MapLine[]>(() => {
    const items = track.data?.items ?? [];
    return items.length > 1 ? [{ id: 'track', path: items, color: '#d4380d', width: 2.5 }] : [];
  }, [track.data]);

  const select = useCallback(
    (mmsi: number) => {
      setSelected(mmsi);
      const v = vessels.find((x) => x.mmsi === mmsi);
      setRange(v ? defaultTrackRange(v) : null);
    },
    [vessels],
  );
  const onFilters = useCallback((f: VesselFilters) => setFilters(f), []);
  const total = query.data?.total ?? 0;

  return (
    <>
      <PageHeader title={t('nav.maritime-vessels')} subtitle={t('vessel.subtitle')} />
      <VesselFilterBar onChange={onFilters} />
      {query.isError && (
        <Alert type="error" showIcon title={describeError(t, query.error)} style={{ marginBottom: 12 }} />
      )}
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Card size="small" styles={{ body: { padding: 8 } }}>
            <MapView
              points={points}
              lines={lines}
              height="calc(100vh - 300px)"
              onViewChange={setBounds}
              onPointClick={(id) => select(Number(id))}
              testId="vessel-map"
            />
            <VesselMapLegend vessels={vessels} />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card
            size="small"
            title={
              <Space>
                <span data-testid="vessel-in-view">{t('vessel.in-view', { total })}</span>
                {total > MAP_PAGE.pageSize && (
                  <Typography.Text type="warning">
                    {t('vessel.capped', { shown: MAP_PAGE.pageSize })}
                  </Typography.Text>
                )}
              </Space>
            }
          >
            <VesselList
              vessels={vessels}
              loading={query.isFetching && !query.data}
              selected={selected}
              onSelect={select}
            />
          </Card>
        </Col>
      </Row>
      <VesselDetailDrawer
        mmsi={selected}
        onClose={() => {
          setSelected(null);
          setRange(null);
        }}
        range={range}
        onRangeChange={setRange}
        trackPoints={track.data ? track.data.items.length : null}
        trackLoading={track.isFetching}
      />
    </>
  );
}
