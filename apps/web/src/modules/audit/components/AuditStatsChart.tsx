import { Card } from 'antd';
import { useMemo } from 'react';
import { useT } from '../../../i18n/useT.ts';
import { EChart } from '../../../ui/charts/EChart.tsx';
import type { ChartOption } from '../../../ui/charts/echarts.ts';
import { useAuditStats } from '../hooks/useAudit.ts';

export interface AuditStatsChartProps {
  from: string;
  to: string;
}

/** Events per day, split by outcome; loaded in its own chunk so ECharts never delays the table. */
export function AuditStatsChart({ from, to }: AuditStatsChartProps) {
  const t = useT();
  const stats = useAuditStats(from, to);
  const days = stats.data?.days;

  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 32, bottom: 24 },
      xAxis: { type: 'category', data: (days ?? []).map((d) => d.day.slice(5)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: t('audit.outcome.success'),
          type: 'bar',
          stack: 'events',
          data: (days ?? []).map((d) => d.success),
          color: '#52c41a',
        },
        {
          name: t('audit.outcome.failure'),
          type: 'bar',
          stack: 'events',
          data: (days ?? []).map((d) => d.failure),
          color: '#ff4d4f',
        },
      ],
    }),
    [days, t],
  );

  if (stats.isError) return null;
  return (
    <Card size="small" title={t('audit.stats.title')} style={{ marginBottom: 16 }} loading={stats.isPending}>
      <EChart option={option} height={200} testId="audit-stats-chart" />
    </Card>
  );
}
