import { Card } from 'antd';
import { useMemo } from 'react';
import { useT } from '../../../i18n/useT.ts';
import { EChart } from '../../../ui/charts/EChart.tsx';
import type { ChartOption } from '../../../ui/charts/echarts.ts';
import type { Feed } from '../types/feeds.ts';

/** Sentences, messages and errors of each running feed; redrawn as the list refreshes. */
export function FeedStatsChart({ feeds }: { feeds: readonly Feed[] }) {
  const t = useT();
  const running = feeds.filter((f) => f.stats !== null);
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 56, right: 16, top: 32, bottom: 24 },
      xAxis: { type: 'category', data: running.map((f) => f.name) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: t('feed.field.sentences'),
          type: 'bar',
          data: running.map((f) => f.stats?.sentences ?? 0),
          color: '#1677ff',
        },
        {
          name: t('feed.field.messages'),
          type: 'bar',
          data: running.map((f) => f.stats?.messages ?? 0),
          color: '#52c41a',
        },
        {
          name: t('feed.field.errors'),
          type: 'bar',
          data: running.map((f) => f.stats?.errors ?? 0),
          color: '#ff4d4f',
        },
      ],
    }),
    [running, t],
  );
  if (running.length === 0) return null;
  return (
    <Card size="small" title={t('feed.stats.title')} style={{ marginBottom: 16 }}>
      <EChart option={option} height={220} testId="feed-stats-chart" />
    </Card>
  );
}
