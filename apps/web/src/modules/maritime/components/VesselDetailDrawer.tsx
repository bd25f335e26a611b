import { Alert, DatePicker, Descriptions, Drawer, Empty, Space, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { formatDateTime } from '../../../i18n/format.ts';
import { useI18n } from '../../../i18n/useT.ts';
import { useVessel } from '../hooks/useVessels.ts';
import type { Vessel } from '../types/vessels.ts';
import { formatLatLon } from './geo-format.ts';
import { flagName, shipTypeText, vesselName } from './vessel-style.ts';

export interface TrackRange {
  from: string;
  to: string;
}

export interface VesselDetailDrawerProps {
  mmsi: number | null;
  onClose: () => void;
  range: TrackRange | null;
  onRangeChange: (range: TrackRange) => void;
  trackPoints: number | null;
  trackLoading: boolean;
}

/** The six hours before the vessel was last heard: the server's clock, not the browser's. */
export const defaultTrackRange = (v: Vessel): TrackRange => {
  const end = dayjs(v.lastHeard ?? v.position?.at ?? undefined).add(1, 'minute');
  return { from: end.subtract(6, 'hour').toISOString(), to: end.toISOString() };
};

const orDash = (v: string | number | null | undefined) =>
  v === null || v === undefined || v === '' ? '—' : v;

function StaticData({ v }: { v: Vessel }) {
  const { t, locale } = useI18n();
  const s = v.static;
  const d = s?.dimensions;
  const length = d && d.toBow !== null && d.toStern !== null ? d.toBow + d.toStern : null;
  const beam = d && d.toPort !== null && d.toStarboard !== null ? d.toPort + d.toStarboard : null;
  return (
    <Descriptions size="small" column={1} bordered data-testid="vessel-detail-static">
      <Descriptions.Item label={t('vessel.field.mmsi')}>{v.mmsi}</Descriptions.Item>
      <Descriptions.Item label={t('vessel.field.category')}>
        {t(`maritime.category.${v.category}`)}
      </Descriptions.Item>
      <Descriptions.Item label={t('vessel.field.flag')}>{orDash(flagName(v, locale))}</Descriptions.Item>
      <Descriptions.Item label={t('vessel.field.ship-type')}>
        {orDash(shipTypeText(v, locale))}
      </Descriptions.Item>
      <Descriptions.Item label={t('vessel.field.call-sign')}>{orDash(s?.callSign)}</Descriptions.Item>
      <Descriptions.Item label={t('vessel.field.imo')}>{orDash(s?.imo)}</Descriptions.Item>
      <Descriptions.Item label={t('vessel.field.dimensions')}>
        {length === null || beam === null ? '—' : `${length} m × ${beam} m`}
      </Descriptions.Item>
      <Descriptions.Item label={t('vessel.field.draught')}>
        {s?.draught ? `${s.draught} m` : '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('vessel.field.destination')}>{orDash(s?.destination)}</Descriptions.Item>
      <Descriptions.Item label={t('vessel.field.eta')}>
        {s?.eta ? formatDateTime(s.eta) : '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('vessel.field.position')}>
        {v.position ? formatLatLon(v.position) : '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('vessel.field.speed')}>
        {v.position?.speed === null || !v.position ? '—' : `${v.position.speed.toFixed(1)} kn`}
      </Descriptions.Item>
      <Descriptions.Item label={t('vessel.field.course')}>
        {v.position?.course === null || !v.position ? '—' : `${v.position.course.toFixed(1)}°`}
      </Descriptions.Item>
      <Descriptions.Item label={t('vessel.field.heading')}>
        {v.position?.heading === null || !v.position ? '—' : `${v.position.heading}°`}
      </Descriptions.Item>
      <Descriptions.Item label={t('vessel.field.last-heard')}>
        {formatDateTime(v.lastHeard)}
      </Descriptions.Item>
    </Descriptions>
  );
}

export function VesselDetailDrawer(props: VesselDetailDrawerProps) {
  const { mmsi, onClose, range, onRangeChange, trackPoints, trackLoading } = props;
  const { t } = useI18n();
  const vessel = useVessel(mmsi);
  const v = vessel.data;
  return (
    <Drawer
      open={mmsi !== null}
      onClose={onClose}
      mask={false}
      size={400}
      title={v ? `${vesselName(v)}` : t('vessel.detail.title')}
      data-testid="vessel-detail"
    >
      {vessel.isPending && <Spin />}
      {v && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          {v.lastHeard === null && <Alert type="info" showIcon title={t('vessel.detail.not-in-picture')} />}
          {!v.static && <Alert type="info" showIcon title={t('vessel.detail.no-static')} />}
          <StaticData v={v} />
          <div>
            <Typography.Title level={5}>{t('vessel.detail.track')}</Typography.Title>
            <DatePicker.RangePicker
              showTime
              style={{ width: '100%' }}
              placeholder={[t('vessel.detail.track-range'), t('vessel.detail.track-range')]}
              value={range ? [dayjs(range.from), dayjs(range.to)] : null}
              onChange={(values) => {
                const [from, to] = values ?? [];
                if (from && to) onRangeChange({ from: from.toISOString(), to: to.toISOString() });
              }}
            />
            <div style={{ marginTop: 8 }} data-testid="vessel-track-count">
              {trackLoading ? (
                <Spin size="small" />
              ) : trackPoints === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('vessel.detail.no-track')} />
              ) : trackPoints !== null ? (
                <Typography.Text type="secondary">
                  {t('vessel.detail.track-points', { count: trackPoints })}
                </Typography.Text>
              ) : null}
            </div>
          </div>
        </Space>
      )}
    </Drawer>
  );
}
