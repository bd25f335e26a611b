import { Descriptions } from 'antd';
import { useT } from '../../../i18n/useT.ts';
import type { PlanResult } from '../types/planning.ts';
import { formatLatLon } from './geo-format.ts';
import { formatBearing, formatNm } from './incident-format.ts';

const kn = (v: number) => `${v.toFixed(2)} kn`;

export function PlanResultCard({ result: r }: { result: PlanResult }) {
  const t = useT();
  return (
    <Descriptions size="small" column={{ xs: 1, xl: 2 }} bordered data-testid="plan-result">
      <Descriptions.Item label={t('planning.elapsed')}>{r.elapsedHours.toFixed(2)} h</Descriptions.Item>
      <Descriptions.Item label={t('planning.twc')}>
        {kn(r.totalWaterCurrent.speedKn)} → {formatBearing(r.totalWaterCurrent.towardsDeg)}
      </Descriptions.Item>
      <Descriptions.Item label={t('planning.leeway')}>
        {kn(r.leeway.speedKn)} → {formatBearing(r.leeway.downwindDeg)} ± {r.leeway.divergenceDeg}°
      </Descriptions.Item>
      <Descriptions.Item label={t('planning.datum')}>
        <span data-testid="plan-datum">{formatLatLon(r.datums.downwind)}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('planning.divergence')}>{formatNm(r.divergenceNm)}</Descriptions.Item>
      <Descriptions.Item label={t('planning.radius')}>
        <span data-testid="plan-radius">{formatNm(r.radiusNm)}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('planning.area')}>
        {formatNm(r.searchArea.lengthNm)} × {formatNm(r.searchArea.widthNm)} ={' '}
        {r.searchArea.areaNm2.toFixed(1)} NM²
      </Descriptions.Item>
      {r.pattern && (
        <Descriptions.Item label={t(`planning.pattern.${r.pattern.type}`)}>
          {t('planning.waypoints', { count: r.pattern.waypoints.length })} · {t('planning.track-length')}{' '}
          {formatNm(r.pattern.trackLengthNm)}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}
