import { useQueries } from '@tanstack/react-query';
import { Alert, Card, Col, Empty, Row, Segmented, Select, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useT } from '../../../i18n/useT.ts';
import { EChart } from '../../../ui/charts/EChart.tsx';
import type { ChartOption } from '../../../ui/charts/echarts.ts';
import { useMe } from '../../auth/hooks/useMe.ts';
import { fetchDrillDown, fetchReport, statsKeys } from '../api/stats.ts';
import { buildGrid, computeAll, type Grid } from '../model/layout.ts';
import { formatPeriodId, parsePeriodId, periodLabel, shiftPeriod } from '../model/periods.ts';
import type { DrillDown, ReportView } from '../model/types.ts';
import { percent } from './format.ts';

const PER_YEAR = { month: 12, quarter: 4, halfYear: 2, year: 1 } as const;

const yearBefore = (id: string) => {
  const p = parsePeriodId(id);
  return p ? formatPeriodId(shiftPeriod(p, -PER_YEAR[p.kind])) : id;
};

/** The published figure: what the last approval froze, or nothing before an approval. */
function published(view: ReportView | undefined, key: string): string | null {
  // A snapshot exists once a report was approved: it is approved now, or it drifted since.
  if (!view || (view.state !== 'approved' && view.drift.length === 0)) return null;
  const drifted = view.drift.find((d) => d.cellKey === key);
  return drifted ? drifted.approved : (view.values[key] ?? view.computed[key] ?? null);
}

/** A figure to the indicator's decimals, as the grid shows it. */
function fixed(grid: Grid | null, key: string, value: string | null): string | null {
  const ind = grid?.byKey.get(key)?.indicator;
  if (value === null || !ind || ind.valueType === 'text' || ind.valueType === 'boolean') return value;
  const n = Number(value);
  return Number.isFinite(n) ? n.toFixed(ind.valueType === 'integer' ? 0 : ind.decimals) : value;
}

const working = (view: ReportView | undefined, key: string) =>
  view?.values[key] ?? view?.computed[key] ?? null;

function childValue(grid: Grid, child: DrillDown['children'][number], key: string): string | null {
  if (grid.byKey.get(key)?.kind !== 'computed') return child.values[key] ?? null;
  const numbers = new Map<string, number>();
  for (const [k, v] of Object.entries(child.values)) if (v !== null) numbers.set(k, Number(v));
  return computeAll(grid, numbers).get(key) ?? null;
}

const change = (now: string | null, before: string | null) =>
  now !== null && before !== null && Number(before) !== 0
    ? (Number(now) - Number(before)) / Math.abs(Number(before))
    : null;

/** Pivot of one indicator cell × my unit and its children × recent periods, with MoM/YoY and a chart. */
export function AnalyticsView({ formId, periods }: { formId: number; periods: readonly string[] }) {
  const t = useT();
  const me = useMe();
  const [cellKey, setCellKey] = useState<string | null>(null);
  const [figure, setFigure] = useState<'working' | 'published'>('working');
  const chronological = useMemo(() => [...periods].reverse(), [periods]);
  const lastYear = useMemo(() => chronological.map(yearBefore), [chronological]);
  const wanted = useMemo(() => [...new Set([...chronological, ...lastYear])], [chronological, lastYear]);
  const reports = useQueries({
    queries: wanted.map((p) => ({
      queryKey: statsKeys.report({ formId, orgUnitId: me.orgUnitId, period: p }),
      queryFn: () => fetchReport({ formId, orgUnitId: me.orgUnitId, period: p }),
      retry: false,
    })),
  });
  const byPeriod = new Map(wanted.map((p, i) => [p, reports[i]?.data]));
  const latestView = reports.find((r) => r.data)?.data;
  const isAggregate = latestView?.kind === 'aggregate';
  const drills = useQueries({
    queries: chronological.map((p) => ({
      queryKey: statsKeys.drill({ formId, orgUnitId: me.orgUnitId, period: p }),
      queryFn: () => fetchDrillDown({ formId, orgUnitId: me.orgUnitId, period: p }),
      enabled: isAggregate,
    })),
  });
  const grid = useMemo(() => (latestView ? buildGrid(latestView.layout) : null), [latestView]);
  const key = cellKey ?? grid?.cells[0]?.[0]?.key ?? null;
  const cell = key && grid ? grid.byKey.get(key) : undefined;

  const figureOf = (p: string) => {
    const v = byPeriod.get(p);
    return key ? (figure === 'working' ? working(v, key) : published(v, key)) : null;
  };

  const pivot = (() => {
    if (!grid || !key) return [];
    const rows: { id: string; name: string; values: Record<string, string | null> }[] = [
      {
        id: 'self',
        name: latestView?.orgUnit.name ?? '',
        values: Object.fromEntries(chronological.map((p) => [p, figureOf(p)])),
      },
    ];
    const children = new Map<number, { id: string; name: string; values: Record<string, string | null> }>();
    drills.forEach((d, i) => {
      const p = chronological[i];
      if (!p) return;
      for (const c of d.data?.children ?? []) {
        let row = children.get(c.orgUnitId);
        if (!row) {
          row = { id: String(c.orgUnitId), name: c.name, values: {} };
          children.set(c.orgUnitId, row);
        }
        row.values[p] = childValue(grid, c, key);
      }
    });
    return [...rows, ...children.values()];
  })();

  const latest = chronological[chronological.length - 1];
  const previous = chronological[chronological.length - 2];
  const option: ChartOption = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 64, right: 16, top: 32, bottom: 28 },
    xAxis: { type: 'category', data: chronological.map((p) => periodLabel(t, p)) },
    yAxis: { type: 'value', name: cell?.indicator.unit },
    series: [
      {
        name: figure === 'working' ? t('stats.figure.working') : t('stats.figure.approved'),
        type: 'bar',
        color: '#1677ff',
        data: chronological.map((p) => (figureOf(p) === null ? null : Number(figureOf(p)))),
      },
      {
        name: t('stats.analytics.last-year'),
        type: 'bar',
        color: '#bfbfbf',
        data: lastYear.map((p) => {
          const v = key ? working(byPeriod.get(p), key) : null;
          return v === null ? null : Number(v);
        }),
      },
    ],
  };

  const failed = reports.every((r) => r.isError);
  if (failed && reports.length > 0)
    return <Alert type="warning" showIcon title={t('stats.analytics.no-report')} />;
  if (!grid || !key) return <Empty />;

  const cellOptions = grid.cells
    .flat()
    .filter((c) => c.kind !== 'disabled')
    .map((c) => ({
      value: c.key,
      label: `${c.indicator.name} · ${grid.columns[c.column]?.labels.join(' / ') || t('stats.analytics.value')}`,
    }));
  const mom = latest && previous ? change(figureOf(latest), figureOf(previous)) : null;
  const yoy = latest
    ? change(figureOf(latest), key ? working(byPeriod.get(yearBefore(latest)), key) : null)
    : null;

  return (
    <div data-testid="analytics">
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          data-testid="analytics-cell"
          showSearch
          optionFilterProp="label"
          style={{ width: 380 }}
          value={key}
          options={cellOptions}
          onChange={setCellKey}
        />
        <Segmented
          value={figure}
          onChange={(v) => setFigure(v as 'working' | 'published')}
          options={[
            { value: 'working', label: t('stats.figure.working') },
            { value: 'published', label: t('stats.figure.approved') },
          ]}
        />
      </Space>
      <Row gutter={12} style={{ marginBottom: 12 }}>
        <Col xs={24} md={8}>
          <Card size="small">
            <Typography.Text type="secondary">{latest && periodLabel(t, latest)}</Typography.Text>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="analytics-latest">
              {(latest && fixed(grid, key, figureOf(latest))) ?? '—'}{' '}
              <Typography.Text type="secondary">{cell?.indicator.unit}</Typography.Text>
            </Typography.Title>
          </Card>
        </Col>
        <Col xs={12} md={8}>
          <Card size="small">
            <Typography.Text type="secondary">{t('stats.analytics.mom')}</Typography.Text>
            <Typography.Title level={3} style={{ margin: 0, color: (mom ?? 0) < 0 ? '#cf1322' : '#389e0d' }}>
              {mom === null ? '—' : percent(mom)}
            </Typography.Title>
          </Card>
        </Col>
        <Col xs={12} md={8}>
          <Card size="small">
            <Typography.Text type="secondary">{t('stats.analytics.yoy')}</Typography.Text>
            <Typography.Title level={3} style={{ margin: 0, color: (yoy ?? 0) < 0 ? '#cf1322' : '#389e0d' }}>
              {yoy === null ? '—' : percent(yoy)}
            </Typography.Title>
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('stats.analytics.chart')} style={{ marginBottom: 12 }}>
        <EChart option={option} height={260} testId="analytics-chart" />
      </Card>
      <div data-testid="analytics-pivot">
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={pivot}
          columns={[
            {
              title: t('stats.field.org'),
              dataIndex: 'name',
              fixed: 'left',
              render: (name: string, r) =>
                r.id === 'self' ? <Typography.Text strong>{name}</Typography.Text> : name,
            },
            ...chronological.map((p) => ({
              title: periodLabel(t, p),
              key: p,
              align: 'right' as const,
              render: (_: unknown, r: (typeof pivot)[number]) =>
                (key && fixed(grid, key, r.values[p] ?? null)) ?? '—',
            })),
            {
              title: t('stats.analytics.mom'),
              key: 'mom',
              align: 'right' as const,
              render: (_: unknown, r: (typeof pivot)[number]) => {
                const c =
                  latest && previous ? change(r.values[latest] ?? null, r.values[previous] ?? null) : null;
                return c === null ? '—' : percent(c);
              },
            },
          ]}
        />
      </div>
    </div>
  );
}
