import { Card } from 'antd';
import { useMemo } from 'react';
import { useT } from '../../../i18n/useT.ts';
import { EChart } from '../../../ui/charts/EChart.tsx';
import type { ChartOption } from '../../../ui/charts/echarts.ts';
import { ALARM_LEVELS, type AlarmCounts } from '../types.ts';

const LEVEL_BAR_COLORS = { low: '#1677ff', medium: '#fa8c16', high: '#f5222d' };

/** Alarms by kind, stacked by level, for the filters of the board (kind excepted). */
export function AlarmCountsChart({
  counts,
  kindLabel,
}: {
  counts: AlarmCounts | undefined;
  kindLabel: (kind: string) => string;
}) {
  const t = useT();
  const option = useMemo<ChartOption>(() => {
    const kinds = [...new Set((counts?.byKind ?? []).map((r) => r.kind))];
    const count = (kind: string, level: string) =>
      counts?.byKind.find((r) => r.kind === kind && r.level === level)?.count ?? 0;
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 32, bottom: 28 },
      xAxis: { type: 'category', data: kinds.map(kindLabel) },
      yAxis: { type: 'value', minInterval: 1 },
      series: ALARM_LEVELS.map((level) => ({
        name: t(`valarm.level.${level}`),
        type: 'bar',
        stack: 'level',
        barMaxWidth: 48,
        color: LEVEL_BAR_COLORS[level],
        data: kinds.map((k) => count(k, level)),
      })),
    };
  }, [counts, kindLabel, t]);
  return (
    <Card
      size="small"
      title={t('valarm.counts.title')}
      extra={
        <span data-testid="alarm-count-total">{t('valarm.counts.total', { total: counts?.total ?? 0 })}</span>
      }
      style={{ marginBottom: 16 }}
    >
      <EChart option={option} height={200} testId="alarm-counts-chart" />
    </Card>
  );
}
