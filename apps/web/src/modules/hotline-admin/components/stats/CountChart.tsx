import { Card, Empty } from 'antd';
import { useMemo } from 'react';
import { EChart } from '../../../../ui/charts/EChart.tsx';
import type { ChartOption } from '../../../../ui/charts/echarts.ts';
import type { CountItem } from '../../types.ts';

/** One breakdown of the received tickets (by channel, type, domain or region) as bars. */
export function CountChart({
  title,
  items,
  label,
  color,
  testId,
}: {
  title: string;
  items: CountItem[];
  label: (item: CountItem) => string;
  color: string;
  testId: string;
}) {
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 48, right: 16, top: 16, bottom: 48 },
      xAxis: {
        type: 'category',
        data: items.map(label),
        axisLabel: { interval: 0, rotate: items.length > 6 ? 30 : 0 },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ name: title, type: 'bar', data: items.map((i) => i.count), color, barMaxWidth: 36 }],
    }),
    [items, label, title, color],
  );
  return (
    <Card size="small" title={title}>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} style={{ height: 220 }} />
      ) : (
        <div
          data-testid={testId}
          data-bars={items.length}
          data-total={items.reduce((s, i) => s + i.count, 0)}
        >
          <EChart option={option} height={220} />
        </div>
      )}
    </Card>
  );
}
