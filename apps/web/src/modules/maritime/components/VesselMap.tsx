import { Alert, Card, Col, Row, Space, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { describeError } from '../../../api/error-message.ts';
import { useI18n } from '../../../i18n/useT.ts';
import { MapView } from '../../../ui/map/MapView.tsx';
import type { GeoBounds, MapLine } from '../../../ui/map/types.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useTrack, useVessel, useVesselColumns, useVesselsInView } from '../hooks/useVessels.ts';
import type { VesselCategory, VesselFilters } from '../types/vessels.ts';
import { defaultTrackRange, type TrackRange, VesselDetailDrawer } from './VesselDetailDrawer.tsx';
import { VesselFilterBar } from './VesselFilterBar.tsx';
import { VesselList } from './VesselList.tsx';
import { VesselMapLegend } from './VesselMapLegend.tsx';
import { vesselDense } from './vessel-dense.ts';
import { vesselPoint } from './vessel-style.ts';

const TABLE_PAGE_SIZE = 12;

/**
 * The live vessel picture: filters, the map of every vessel in view (the viewport endpoint, up to
 * its cap), the paged list of the same vessels, a detail drawer.
 */
export function VesselMap() {
  const { t, locale } = useI18n();
  const [bounds, setBounds] = useState<GeoBounds | null>(null);
  const [filters, setFilters] = useState<VesselFilters>({});
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<number | null>(null);
  const [range, setRange] = useState<TrackRange | null>(null);
  const columns = useVesselColumns(bounds, filters);
  const query = useVesselsInView(bounds, filters, { page, pageSize: TABLE_PAGE_SIZE });
  const detail = useVessel(selected);
  // The track of a vessel opened from the map starts from its detail (the map has no times).
  const trackRange = range ?? (detail.data ? defaultTrackRange(detail.data) : null);
  const track = useTrack(selected, trackRange);
  // A new view or filter is a new list: back to its first page.
  // biome-ignore lint/correctness/useExhaustiveDependencies: bounds and filters are the triggers
  useEffect(() => setPage(1), [bounds, filters]);

  const vessels = useMemo(() => query.data?.items ?? [], [query.data]);
  const labels = useMemo(
    () => ({
      speed: t('vessel.field.speed'),
      course: t('vessel.field.course'),
      flag: t('vessel.field.flag'),
      category: (c: VesselCategory) => t(`maritime.category.${c}`),
    }),
    [t],
  );
  const dense = useMemo(
    () => (columns.data ? vesselDense(columns.data, labels, selected) : undefined),
    [columns.data, labels, selected],
  );
  // The selected vessel on its own, larger and named, on top of the others.
  const points = useMemo(() => {
    const p = detail.data && selected !== null ? vesselPoint(detail.data, locale, labels, true) : null;
    return p ? [p] : [];
  }, [detail.data, selected, locale, labels]);
  const lines = useMemo<MapLine[]>(() => {
    const items = track.data?.items ?? [];
    return items.length > 1 ? [{ id: 'track', path: items, color: '#d4380d', width: 2.5 }] : [];
  }, [track.data]);
  const categories = useMemo(
    () => (columns.data ? [...new Set(columns.data.category)].map((i) => columns.data.categories[i]!) : []),
    [columns.data],
  );

  const select = useCallback(
    (mmsi: number) => {
      setSelected(mmsi);
      const v = vessels.find((x) => x.mmsi === mmsi);
      setRange(v ? defaultTrackRange(v) : null);
    },
    [vessels],
  );
  const onFilters = useCallback((f: VesselFilters) => setFilters(f), []);
  const total = columns.data?.total ?? 0;

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
              dense={dense}
              lines={lines}
              height="calc(100vh - 300px)"
              onViewChange={setBounds}
              onPointClick={(id) => select(Number(id))}
              testId="vessel-map"
            />
            <VesselMapLegend categories={categories} />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card
            size="small"
            title={
              <Space>
                <span data-testid="vessel-in-view">{t('vessel.in-view', { total })}</span>
                {columns.data?.truncated && (
                  <Typography.Text type="warning" data-testid="vessel-capped">
                    {t('vessel.capped', { shown: columns.data.mmsi.length })}
                  </Typography.Text>
                )}
              </Space>
            }
          >
            <VesselList
              vessels={vessels}
              page={page}
              pageSize={TABLE_PAGE_SIZE}
              total={query.data?.total ?? 0}
              onPage={setPage}
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
        range={trackRange}
        onRangeChange={setRange}
        trackPoints={track.data ? track.data.items.length : null}
        trackLoading={track.isFetching}
      />
    </>
  );
}
