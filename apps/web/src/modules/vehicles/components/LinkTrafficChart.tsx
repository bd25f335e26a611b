import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useT } from '../../../i18n/useT.ts';
import { EChart } from '../../../ui/charts/EChart.tsx';
import type { ChartOption } from '../../../ui/charts/echarts.ts';
import type { TrafficHour } from '../api/platform-links.ts';

/** A link's last 24 hours: frames each way and positions (on their own axis), per hour. */
export function LinkTrafficChart({ hours }: { hours: readonly TrafficHour[] }) {
  const t = useT();
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 56, right: 56, top: 32, bottom: 28 },
      xAxis: { type: 'category', data: hours.map((h) => dayjs(h.hour).format('HH:00')) },
      yAxis: [
        { type: 'value', minInterval: 1, name: t('vlink.traffic.frames') },
        { type: 'value', minInterval: 1, name: t('vlink.traffic.positions') },
      ],
      series: [
        { name: t('vlink.traffic.framesIn'), type: 'bar', data: hours.map((h) => h.framesIn) },
        { name: t('vlink.traffic.framesOut'), type: 'bar', data: hours.map((h) => h.framesOut) },
        {
          name: t('vlink.traffic.positions'),
          type: 'bar',
          yAxisIndex: 1,
          data: hours.map((h) => h.positions),
        },
      ],
    }),
    [hours, t],
  );
  return <EChart option={option} height={240} testId="link-traffic-chart" />;
}
