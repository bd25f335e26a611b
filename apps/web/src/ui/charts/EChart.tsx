import type { CSSProperties } from 'react';
import { useEffect, useRef } from 'react';
import { type ChartOption, init } from './echarts.ts';

export interface EChartProps {
  option: ChartOption;
  height?: number;
  style?: CSSProperties;
  testId?: string;
}

/** A chart that follows its container's width; the option is applied whole on every change. */
export function EChart({ option, height = 260, style, testId }: EChartProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ReturnType<typeof init> | null>(null);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const chart = init(container);
    chartRef.current = chart;
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(container);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    chartRef.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={containerRef} style={{ width: '100%', height, ...style }} data-testid={testId} />;
}
