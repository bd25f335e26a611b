import { CaretRightOutlined, PauseOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  DatePicker,
  Descriptions,
  Drawer,
  Empty,
  Slider,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { formatDateTime } from '../../../i18n/format.ts';
import { useT } from '../../../i18n/useT.ts';
import { useVehicle } from '../hooks/useVehicles.ts';
import type { LatestPosition, TrackPoint, Vehicle } from '../types.ts';
import type { Playback } from './useTrackPlayback.ts';
import { STATE_COLORS, stateOf } from './vehicle-style.ts';

export interface TrackRange {
  from: string;
  to: string;
}

/** The hour before the vehicle was last seen: the server's clock, not the browser's. */
export const defaultTrackRange = (lastSeenAt: string | null | undefined): TrackRange => {
  const end = dayjs(lastSeenAt ?? undefined).add(1, 'minute');
  return { from: end.subtract(1, 'hour').toISOString(), to: end.toISOString() };
};

export interface VehicleDetailDrawerProps {
  vehicleId: number | null;
  position: LatestPosition | undefined;
  inAlarm: boolean;
  onClose: () => void;
  range: TrackRange | null;
  onRangeChange: (range: TrackRange) => void;
  track: readonly TrackPoint[] | null;
  trackLoading: boolean;
  playback: Playback;
}

function Registry({ v, position, inAlarm }: { v: Vehicle; position?: LatestPosition; inAlarm: boolean }) {
  const t = useT();
  const state = stateOf(v.online, inAlarm);
  return (
    <Descriptions size="small" column={1} bordered data-testid="vehicle-detail-registry">
      <Descriptions.Item label={t('vehicle.field.state')}>
        <Tag color={STATE_COLORS[state]}>{t(`vehicle.state.${state}`)}</Tag>
      </Descriptions.Item>
      <Descriptions.Item label={t('vehicle.field.type')}>
        {t(`vehicle.type.${v.vehicleType}`)}
        {v.keyVehicle && <Tag style={{ marginInlineStart: 8 }}>{t('vehicle.type.keyVehicles')}</Tag>}
      </Descriptions.Item>
      <Descriptions.Item label={t('vehicle.field.operator')}>{v.operatorName}</Descriptions.Item>
      <Descriptions.Item label={t('vehicle.field.org')}>{v.orgName}</Descriptions.Item>
      <Descriptions.Item label={t('vehicle.field.terminal-phone')}>
        {v.terminalPhone ?? '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('vehicle.field.terminal-id')}>{v.terminalId ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('vehicle.field.last-seen')}>
        {formatDateTime(v.lastSeenAt)}
      </Descriptions.Item>
      <Descriptions.Item label={t('vehicle.field.position')}>
        {position ? `${position.lat.toFixed(5)}, ${position.lon.toFixed(5)}` : '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('vehicle.field.speed')}>
        {position ? `${position.speed.toFixed(1)} km/h · ${position.direction}°` : '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('vehicle.field.gnss-time')}>
        {formatDateTime(position?.gnssTime)}
      </Descriptions.Item>
    </Descriptions>
  );
}

function TrackControls(
  props: Pick<VehicleDetailDrawerProps, 'range' | 'onRangeChange' | 'track' | 'trackLoading' | 'playback'>,
) {
  const { range, onRangeChange, track, trackLoading, playback } = props;
  const t = useT();
  const current = track?.[playback.index];
  return (
    <div data-testid="vehicle-track">
      <Typography.Title level={5}>{t('vehicle.track.title')}</Typography.Title>
      <DatePicker.RangePicker
        showTime
        style={{ width: '100%' }}
        value={range ? [dayjs(range.from), dayjs(range.to)] : null}
        onChange={(values) => {
          const [from, to] = values ?? [];
          if (from && to) onRangeChange({ from: from.toISOString(), to: to.toISOString() });
        }}
      />
      <div style={{ marginTop: 8 }}>
        {trackLoading && !track ? (
          <Spin size="small" />
        ) : !track || track.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('vehicle.track.none')} />
        ) : (
          <>
            <Space align="center" style={{ width: '100%' }}>
              <Button
                shape="circle"
                icon={playback.playing ? <PauseOutlined /> : <CaretRightOutlined />}
                onClick={playback.toggle}
                aria-label={playback.playing ? t('vehicle.track.pause') : t('vehicle.track.play')}
                data-testid="vehicle-track-play"
              />
              <Typography.Text type="secondary" data-testid="vehicle-track-count">
                {t('vehicle.track.points', { count: track.length })}
              </Typography.Text>
            </Space>
            <Slider
              min={0}
              max={Math.max(0, track.length - 1)}
              value={playback.index}
              onChange={playback.seek}
              tooltip={{ formatter: (i) => (i === undefined ? '' : formatDateTime(track[i]?.gnssTime)) }}
              data-testid="vehicle-track-slider"
            />
            {current && (
              <Typography.Text data-testid="vehicle-track-at">
                {formatDateTime(current.gnssTime)} · {current.speed.toFixed(1)} km/h
              </Typography.Text>
            )}
          </>
        )}
      </div>
    </div>
  );
}

/** Registry data and latest state of one vehicle, with its track played back on the map. */
export function VehicleDetailDrawer(props: VehicleDetailDrawerProps) {
  const { vehicleId, position, inAlarm, onClose } = props;
  const t = useT();
  const vehicle = useVehicle(vehicleId);
  const v = vehicle.data;
  return (
    <Drawer
      open={vehicleId !== null}
      onClose={onClose}
      mask={false}
      size={400}
      title={v ? v.plateNo : t('vehicle.detail.title')}
      data-testid="vehicle-detail"
    >
      {vehicle.isPending && <Spin />}
      {vehicle.isError && <Alert type="error" showIcon title={t('vehicle.detail.unavailable')} />}
      {v && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Registry v={v} position={position} inAlarm={inAlarm} />
          <TrackControls {...props} />
        </Space>
      )}
    </Drawer>
  );
}
