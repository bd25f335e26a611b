import type { CustomSeriesOption, LinesSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import type { GeoComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { mercator } from './projection.ts';
import type { DenseLayer, GeoBounds, LatLon, MapLayers, MapPoint, PointSymbol } from './types.ts';

export type MapOption = ComposeOption<
  GeoComponentOption | TooltipComponentOption | ScatterSeriesOption | LinesSeriesOption | CustomSeriesOption
>;

const SYMBOLS: Record<PointSymbol, string> = {
  // An arrowhead pointing up (north before rotation), the usual AIS target.
  arrow: 'path://M0,-12L7,9L0,5L-7,9Z',
  circle: 'circle',
  diamond: 'diamond',
  pin: 'pin',
  triangle: 'triangle',
  rect: 'rect',
};

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
export const tooltipHtml = (lines: readonly string[] | undefined) =>
  lines && lines.length > 0 ? lines.map(escapeHtml).join('<br/>') : '';

const xy = (p: LatLon): [number, number] => [p.lon, p.lat];

export const LAND = '#f3f0e8';
export const NEIGHBOUR_LAND = '#e4e2dc';
export const SEA = '#cfe2f3';

export function geoOption(bounds: GeoBounds, neighbours: readonly string[], map: string): GeoComponentOption {
  return {
    map,
    projection: mercator,
    roam: true,
    scaleLimit: { min: 0.5, max: 400 },
    boundingCoords: [
      [bounds.west, bounds.north],
      [bounds.east, bounds.south],
    ],
    // The center and zoom the user reached by roaming are reset by a new fit.
    center: undefined,
    zoom: 1,
    left: 0,
    right: 0,
    top: 0,
    bottom: 0,
    silent: true,
    label: { show: true, fontSize: 10, color: '#9a9588' },
    itemStyle: { areaColor: LAND, borderColor: '#b9b3a3', borderWidth: 0.6 },
    regions: neighbours.map((name) => ({ name, itemStyle: { areaColor: NEIGHBOUR_LAND } })),
  };
}

const rotationOf = (p: MapPoint) =>
  p.symbol === 'arrow' && p.rotation !== null && p.rotation !== undefined ? -p.rotation : 0;

/** The basemap's boundary lines: each dash a short solid line, the gaps between them the source's. */
export function boundarySeries(
  boundaries: readonly { name: string; dashes: readonly (readonly [number, number])[][] }[],
): LinesSeriesOption {
  return {
    id: 'basemap-boundaries',
    type: 'lines',
    coordinateSystem: 'geo',
    polyline: true,
    silent: true,
    z: 1,
    data: boundaries.flatMap((b) => b.dashes.map((d) => ({ name: b.name, coords: d.map((p) => [...p]) }))),
    lineStyle: { color: '#6b6457', width: 1.6, opacity: 1, type: 'solid' },
  };
}

/** Beyond this many points in a colour group, ECharts' large mode draws them (dots, no rotation). */
export const LARGE_THRESHOLD = 2000;
export const DENSE_SERIES_PREFIX = 'dense-';

type DenseDatum = [lon: number, lat: number, rotation: number | null, index: number];

/** One scatter series per colour group of the dense layer; the datum's 4th value is its index. */
export function denseSeries(dense: DenseLayer | undefined): ScatterSeriesOption[] {
  if (!dense) return [];
  const groups = dense.colors.map((): DenseDatum[] => []);
  for (let i = 0; i < dense.ids.length; i++)
    groups[dense.group[i]!]?.push([dense.lon[i]!, dense.lat[i]!, dense.rotation[i] ?? null, i]);
  return groups.flatMap((data, g): ScatterSeriesOption[] => {
    if (data.length === 0) return [];
    const large = data.length > LARGE_THRESHOLD;
    const common: ScatterSeriesOption = {
      id: `${DENSE_SERIES_PREFIX}${g}`,
      type: 'scatter',
      coordinateSystem: 'geo',
      data: data as ScatterSeriesOption['data'],
      itemStyle: { color: dense.colors[g], borderColor: '#1f2d3d', borderWidth: large ? 0 : 0.5 },
      emphasis: { scale: false },
    };
    return [
      large
        ? {
            ...common,
            large: true,
            largeThreshold: LARGE_THRESHOLD,
            progressive: 5000,
            symbol: 'circle',
            symbolSize: 4,
          }
        : {
            ...common,
            large: false,
            symbol: (v: DenseDatum) => (v[2] === null ? 'circle' : SYMBOLS.arrow),
            symbolSize: (v: DenseDatum) => (v[2] === null ? 6 : 11),
            symbolRotate: (v: DenseDatum) => (v[2] === null ? 0 : -v[2]),
          },
    ];
  });
}

/** The dense layer's index of a clicked or hovered datum, or null for another series. */
export function denseIndexOf(event: { seriesId?: string | null; value?: unknown }): number | null {
  if (!event.seriesId?.startsWith(DENSE_SERIES_PREFIX) || !Array.isArray(event.value)) return null;
  const index = event.value[3];
  return typeof index === 'number' ? index : null;
}

export function seriesOption(layers: MapLayers): MapOption['series'] {
  const polygons = layers.polygons ?? [];
  return [
    ...denseSeries(layers.dense),
    {
      id: 'polygons',
      type: 'custom',
      coordinateSystem: 'geo',
      silent: false,
      data: polygons.map((p, i) => ({ value: i, tooltipHtml: tooltipHtml(p.tooltip) })),
      renderItem: (params, api) => {
        const polygon = polygons[params.dataIndex];
        if (!polygon) return null;
        return {
          type: 'polygon',
          shape: { points: polygon.ring.map((p) => api.coord(xy(p))) },
          style: {
            fill: polygon.color,
            opacity: 1,
            stroke: polygon.color,
            lineWidth: 1.5,
            fillOpacity: polygon.fillOpacity ?? 0.15,
          },
        };
      },
    } as CustomSeriesOption,
    {
      id: 'lines',
      type: 'lines',
      coordinateSystem: 'geo',
      polyline: true,
      data: (layers.lines ?? []).map((l) => ({
        name: l.id,
        coords: l.path.map(xy),
        tooltipHtml: tooltipHtml(l.tooltip),
        lineStyle: { color: l.color, width: l.width ?? 2, type: l.dashed ? 'dashed' : 'solid', opacity: 0.9 },
      })),
    },
    {
      id: 'points',
      type: 'scatter',
      coordinateSystem: 'geo',
      large: false,
      data: (layers.points ?? []).map((p) => ({
        name: p.id,
        value: [p.lon, p.lat],
        symbol: SYMBOLS[p.symbol ?? 'circle'],
        symbolSize: p.size ?? 10,
        symbolRotate: rotationOf(p),
        tooltipHtml: tooltipHtml(p.tooltip),
        itemStyle: { color: p.color, borderColor: '#1f2d3d', borderWidth: 0.6 },
        label: p.label
          ? { show: true, formatter: p.label, position: 'right', fontSize: 11, color: '#1f2d3d' }
          : undefined,
      })),
    },
  ];
}

/** Tooltips of the points, lines and polygons; those of the dense layer read the current one. */
export const tooltipOption = (dense: () => DenseLayer | undefined): TooltipComponentOption => ({
  trigger: 'item',
  confine: true,
  formatter: (params) => {
    const one = Array.isArray(params) ? params[0] : params;
    const index = one ? denseIndexOf(one) : null;
    if (index !== null) return tooltipHtml(dense()?.tooltip?.(index));
    const data = one?.data as { tooltipHtml?: string } | undefined;
    return data?.tooltipHtml ?? '';
  },
});
