import { useEffect, useRef, useState } from 'react';
import { BASEMAP, BOUNDARIES, init, NEIGHBOURS } from './echarts-geo.ts';
import type { MapViewProps } from './MapView.tsx';
import {
  boundarySeries,
  denseIndexOf,
  geoOption,
  type MapOption,
  SEA,
  seriesOption,
  tooltipOption,
} from './map-option.ts';
import { aspectFit, mercator } from './projection.ts';
import { CHINA_SEAS, type GeoBounds } from './types.ts';

type Chart = ReturnType<typeof init>;
type TooltipOption = ReturnType<typeof tooltipOption>;

const VIEW_REPORT_DELAY_MS = 250;

// ECharts 6 unprojects a pixel before undoing the view transform (the wrong order), so
// convertFromPixel is wrong with a projection. Its convertToPixel is right: two reference points
// give the linear pixel ↔ projected mapping (no rotation), inverted here.
const REF_A = [100, 0];
const REF_B = [140, 60];

function pixelToLonLat(chart: Chart, x: number, y: number): [number, number] | null {
  const a = chart.convertToPixel({ geoIndex: 0 }, REF_A) as number[] | undefined;
  const b = chart.convertToPixel({ geoIndex: 0 }, REF_B) as number[] | undefined;
  if (!a || !b) return null;
  const pa = mercator.project(REF_A);
  const pb = mercator.project(REF_B);
  const sx = (b[0]! - a[0]!) / (pb[0]! - pa[0]!);
  const sy = (b[1]! - a[1]!) / (pb[1]! - pa[1]!);
  if (!Number.isFinite(sx) || !Number.isFinite(sy) || sx === 0 || sy === 0) return null;
  const [lon, lat] = mercator.unproject([pa[0]! + (x - a[0]!) / sx, pa[1]! + (y - a[1]!) / sy]);
  return Number.isFinite(lon) && Number.isFinite(lat) ? [lon!, lat!] : null;
}

function viewBounds(chart: Chart): GeoBounds | null {
  // A timer may fire after the page has left the map.
  if (chart.isDisposed()) return null;
  const nw = pixelToLonLat(chart, 0, 0);
  const se = pixelToLonLat(chart, chart.getWidth(), chart.getHeight());
  if (!nw || !se) return null;
  const clampLat = (v: number) => Math.max(-90, Math.min(90, v));
  return {
    west: Math.max(-180, nw[0]!),
    north: clampLat(nw[1]!),
    east: Math.min(180, se[0]!),
    south: clampLat(se[1]!),
  };
}

/** A whole new option: a new fit also drops the zoom and pan the user made. */
function apply(chart: Chart, bounds: GeoBounds, series: MapOption['series'], tooltip: TooltipOption) {
  const option: MapOption = {
    backgroundColor: SEA,
    animation: false,
    tooltip,
    geo: geoOption(aspectFit(bounds, chart.getWidth(), chart.getHeight()), NEIGHBOURS, BASEMAP),
    series,
  };
  chart.setOption(option, { notMerge: true });
}

/** The ECharts side of MapView; in its own chunk with the basemap. */
export function MapCanvas(props: MapViewProps) {
  const { points, dense, lines, polygons, fit, height = 520, testId } = props;
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<Chart | null>(null);
  // Handlers change on every render of the parent; the chart's listeners read the latest.
  const handlers = useRef(props);
  handlers.current = props;
  const fitKey = JSON.stringify(fit ?? CHINA_SEAS);
  const fittedKey = useRef<string | null>(null);
  const lastSeries = useRef<MapOption['series'] | null>(null);
  // One formatter for the chart's life; it reads the dense layer of the latest render.
  const [tooltip] = useState(() => tooltipOption(() => handlers.current.dense));

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const chart = init(container);
    chartRef.current = chart;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const reportView = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const bounds = viewBounds(chart);
        if (bounds) handlers.current.onViewChange?.(bounds);
      }, VIEW_REPORT_DELAY_MS);
    };
    // ECharts dispatches a point's click before the canvas-wide one: remember it to skip the latter.
    let pointClicked = false;
    chart.on('click', 'series', (event) => {
      if (event.seriesId === 'points') {
        pointClicked = true;
        if (typeof event.name === 'string') handlers.current.onPointClick?.(event.name);
        return;
      }
      const index = denseIndexOf(event);
      const id = index === null ? undefined : handlers.current.dense?.ids[index];
      if (id === undefined) return;
      pointClicked = true;
      handlers.current.onPointClick?.(String(id));
    });
    chart.getZr().on('click', (event) => {
      if (pointClicked) {
        pointClicked = false;
        return;
      }
      const at = pixelToLonLat(chart, event.offsetX, event.offsetY);
      if (at) handlers.current.onMapClick?.({ lon: at[0], lat: at[1] });
    });
    chart.on('georoam', reportView);
    const observer = new ResizeObserver(() => {
      // Keep what is in view, at the new aspect ratio (this drops the zoom level, not the view).
      const inView = viewBounds(chart);
      chart.resize();
      if (inView && lastSeries.current) apply(chart, inView, lastSeries.current, tooltip);
      reportView();
    });
    observer.observe(container);
    return () => {
      clearTimeout(timer);
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
      fittedKey.current = null;
    };
  }, [tooltip]);

  useEffect(() => {
    const chart = chartRef.current;
    if (!chart) return;
    const layers = seriesOption({ points, dense, lines, polygons });
    const series: MapOption['series'] = [
      boundarySeries(BOUNDARIES),
      ...(Array.isArray(layers) ? layers : layers ? [layers] : []),
    ];
    lastSeries.current = series;
    if (fittedKey.current !== fitKey) {
      apply(chart, JSON.parse(fitKey) as GeoBounds, series, tooltip);
      fittedKey.current = fitKey;
      setTimeout(() => {
        const bounds = viewBounds(chart);
        if (bounds) handlers.current.onViewChange?.(bounds);
      }, 0);
    } else {
      chart.setOption({ series }, { replaceMerge: ['series'] });
    }
  }, [points, dense, lines, polygons, fitKey, tooltip]);

  return (
    <div
      ref={containerRef}
      style={{
        width: '100%',
        height,
        cursor: props.onMapClick ? 'crosshair' : undefined,
        borderRadius: 6,
        overflow: 'hidden',
      }}
      data-testid={testId}
      data-points={(points?.length ?? 0) + (dense?.ids.length ?? 0)}
      data-dense={dense?.ids.length ?? 0}
      data-lines={lines?.length ?? 0}
      data-polygons={polygons?.length ?? 0}
    />
  );
}
