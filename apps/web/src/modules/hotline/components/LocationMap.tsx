import { Button, Space, Typography } from 'antd';
import { useMemo } from 'react';
import { useT } from '../../../i18n/useT.ts';
import { MapView } from '../../../ui/map/MapView.tsx';
import type { GeoBounds, LatLon, MapPoint } from '../../../ui/map/types.ts';

// Mainland China and its coasts: where a 12328 matter happens when nothing narrower is known.
const CHINA: GeoBounds = { west: 73, south: 17, east: 135, north: 54 };
// The basemap draws provinces and coasts: a place is shown with its surroundings, not a street.
const AROUND = 1.5;

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

export interface LocationMapProps {
  value?: LatLon | null;
  /** Given: the map picks a place where it is clicked. Absent: it only shows the place. */
  onChange?: (at: LatLon | null) => void;
  height?: number;
  testId: string;
}

/**
 * The place of the matter on the bundled offline basemap (no tile server): a pin where the
 * citizen or agent clicked, or where the ticket says it happened.
 */
export function LocationMap({ value, onChange, height = 280, testId }: LocationMapProps) {
  const t = useT();
  const points = useMemo<MapPoint[]>(
    () =>
      value
        ? [
            {
              id: 'place',
              lat: value.lat,
              lon: value.lon,
              color: '#cf1322',
              symbol: 'pin',
              size: 22,
              tooltip: [`${value.lat.toFixed(5)}, ${value.lon.toFixed(5)}`],
            },
          ]
        : [],
    [value],
  );
  // A shown place is centred; while picking, the view stays where the user has moved it (the
  // map refits only when the bounds' values change).
  const fit: GeoBounds =
    value && !onChange
      ? {
          west: value.lon - AROUND,
          east: value.lon + AROUND,
          south: value.lat - AROUND,
          north: value.lat + AROUND,
        }
      : CHINA;
  return (
    <Space direction="vertical" size={4} style={{ width: '100%' }}>
      <MapView
        points={points}
        fit={fit}
        height={height}
        testId={testId}
        {...(onChange && {
          onMapClick: (at: LatLon) => onChange({ lat: round6(at.lat), lon: round6(at.lon) }),
        })}
      />
      {onChange && (
        <Space wrap size={8}>
          <Typography.Text type="secondary" data-testid={`${testId}-coords`}>
            {value ? `${value.lat}, ${value.lon}` : t('hotline.map.click-to-pick')}
          </Typography.Text>
          {value && (
            <Button size="small" onClick={() => onChange(null)}>
              {t('hotline.map.clear')}
            </Button>
          )}
        </Space>
      )}
    </Space>
  );
}
