import { Skeleton } from 'antd';
import { lazy, Suspense } from 'react';
import type { GeoBounds, LatLon, MapLayers } from './types.ts';

export interface MapViewProps extends MapLayers {
  /** The view fits these bounds, again whenever they change; the coastal waters of China by default. */
  fit?: GeoBounds;
  height?: number | string;
  /** A click on the map (not on a point), at the clicked position. */
  onMapClick?: (at: LatLon) => void;
  onPointClick?: (id: string) => void;
  /** The bounds in view after a fit, a zoom, a pan or a resize (debounced). */
  onViewChange?: (bounds: GeoBounds) => void;
  testId?: string;
}

const MapCanvas = lazy(async () => ({ default: (await import('./MapCanvas.tsx')).MapCanvas }));

/**
 * An offline map of China's seas with points, lines and polygons; ECharts and the basemap load
 * with the first map shown. Data attributes on the map element count what is drawn (for tests).
 */
export function MapView(props: MapViewProps) {
  return (
    <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: props.height ?? 520 }} />}>
      <MapCanvas {...props} />
    </Suspense>
  );
}
