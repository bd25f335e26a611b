import { Alert, Card, Col, Empty, Row, Segmented, Select, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useT } from '../../../i18n/useT.ts';
import { EChart } from '../../../ui/charts/EChart.tsx';
import type { ChartOption } from '../../../ui/charts/echarts.ts';
import { usePagination } from '../../../ui/usePagination.ts';
import { usePivot } from '../hooks/useFlow.ts';
import type { Figure, PivotCell, PivotRow, SkippableLevel } from '../model/flow-types.ts';
import { buildGrid, type Grid } from '../model/layout.ts';
import { periodLabel } from '../model/periods.ts';
import { percent } from './format.ts';

/** A figure to the indicator's decimals, as the grid shows it. */
function fixed(grid: Grid | null, key: string, value: string | null): string | null {
  const ind = grid?.byKey.get(key)?.indicator;
  if (value === null || !ind || ind.valueType === 'text' || ind.valueType === 'boolean') return value;
  const n = Number(value);
  return Number.isFinite(n) ? n.toFixed(ind.valueType === 'integer' ? 0 : ind.decimals) : value;
}

const cellAt = (row: PivotRow | undefined, key: string, period: string): PivotCell | undefined =>
  row?.cells.find((c) => c.cellKey === key && c.period === period);

const num = (v: string | null | undefined) => (v === null || v === undefined ? null : Number(v));

type RowsBy = 'children' | SkippableLevel;

/**
 * Pivot of one indicator cell × my unit and its children (or its units at one level) × recent
 * periods, from the server's pivot (rolled up in SQL, 环比/同比 included), with a chart.
 */
export function AnalyticsView({ formId, periods }: { formId: number; periods: readonly string[] }) {
  const t = useT();
  const [cellKey, setCellKey] = useState<string | null>(null);
  const [figure, setFigure] = useState<Figure>('working');
  const [rowsBy, setRowsBy] = useState<RowsBy>('children');
  const pagination = usePagination(20);
  const chronological = useMemo(() => [...periods].reverse(), [periods]);
  const pivot = usePivot({
    formId,
    cellKeys: cellKey ? [cellKey] : [],
    periods: chronological,
    figure,
    level: rowsBy === 'children' ? undefined : rowsBy,
    ...pagination.params,
  });
  const data = pivot.data;
  const grid = useMemo(() => (data ? buildGrid(data.layout) : null), [data]);
  const key = data?.cellKeys[0] ?? null;
  const cell = key && grid ? grid.byKey.get(key) : undefined;

  if (pivot.isError) return <Alert type="warning" showIcon title={t('stats.analytics.no-report')} />;
  if (!data || !grid || !key) return pivot.isPending ? null : <Empty />;

  const latest = chronological[chronological.length - 1] ?? '';
  const own = cellAt(data.total, key, latest);
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
        data: chronological.map((p) => num(cellAt(data.total, key, p)?.value)),
      },
      {
        name: t('stats.analytics.last-year'),
        type: 'bar',
        color: '#bfbfbf',
        data: chronological.map((p) => num(cellAt(data.total, key, p)?.lastYear)),
      },
    ],
  };
  const cellOptions = grid.cells
    .flat()
    .filter((c) => c.kind !== 'disabled')
    .map((c) => ({
      value: c.key,
      label: `${c.indicator.name} · ${grid.columns[c.column]?.labels.join(' / ') || t('stats.analytics.value')}`,
    }));
  const rate = (v: number | null | undefined) => (v === null || v === undefined ? '—' : percent(v));
  const rows = [data.total, ...data.rows.items];
  const versionOf = new Map(data.periodVersions.map((v) => [v.period, v.versionNo]));
  const versionsDiffer = new Set(versionOf.values()).size > 1;
  const columnTitle = (p: string) =>
    versionsDiffer
      ? `${periodLabel(t, p)} · ${t('stats.analytics.version', { n: versionOf.get(p) ?? 0 })}`
      : periodLabel(t, p);

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
          onChange={(k: string) => {
            setCellKey(k);
            pagination.reset();
          }}
        />
        <Segmented
          value={figure}
          onChange={(v) => setFigure(v as Figure)}
          options={[
            { value: 'working', label: t('stats.figure.working') },
            { value: 'published', label: t('stats.figure.approved') },
          ]}
        />
        <Select
          data-testid="analytics-rows"
          style={{ width: 160 }}
          value={rowsBy}
          onChange={(v: RowsBy) => {
            setRowsBy(v);
            pagination.reset();
          }}
          options={(['children', 'province', 'city', 'county'] as const).map((v) => ({
            value: v,
            label: t(`stats.analytics.rows.${v}`),
          }))}
        />
      </Space>
      <Row gutter={12} style={{ marginBottom: 12 }}>
        <Col xs={24} md={8}>
          <Card size="small">
            <Typography.Text type="secondary">{periodLabel(t, latest)}</Typography.Text>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="analytics-latest">
              {fixed(grid, key, own?.value ?? null) ?? '—'}{' '}
              <Typography.Text type="secondary">{cell?.indicator.unit}</Typography.Text>
            </Typography.Title>
          </Card>
        </Col>
        <Col xs={12} md={8}>
          <Card size="small">
            <Typography.Text type="secondary">{t('stats.analytics.mom')}</Typography.Text>
            <Typography.Title
              level={3}
              style={{ margin: 0, color: (own?.mom ?? 0) < 0 ? '#cf1322' : '#389e0d' }}
              data-testid="analytics-mom"
            >
              {rate(own?.mom)}
            </Typography.Title>
          </Card>
        </Col>
        <Col xs={12} md={8}>
          <Card size="small">
            <Typography.Text type="secondary">{t('stats.analytics.yoy')}</Typography.Text>
            <Typography.Title
              level={3}
              style={{ margin: 0, color: (own?.yoy ?? 0) < 0 ? '#cf1322' : '#389e0d' }}
            >
              {rate(own?.yoy)}
            </Typography.Title>
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('stats.analytics.chart')} style={{ marginBottom: 12 }}>
        <EChart option={option} height={260} testId="analytics-chart" />
      </Card>
      <div data-testid="analytics-pivot">
        <Table<PivotRow>
          size="small"
          rowKey="orgUnitId"
          loading={pivot.isFetching}
          scroll={{ x: 'max-content' }}
          dataSource={rows}
          pagination={{
            current: data.rows.page,
            pageSize: data.rows.pageSize,
            total: data.rows.total,
            showSizeChanger: true,
            onChange: pagination.onChange,
          }}
          columns={[
            {
              title: t('stats.field.org'),
              dataIndex: 'name',
              fixed: 'left',
              render: (name: string, r) =>
                r.orgUnitId === data.total.orgUnitId ? (
                  <Typography.Text strong>{name}</Typography.Text>
                ) : (
                  name
                ),
            },
            ...chronological.map((p) => ({
              title: columnTitle(p),
              key: p,
              align: 'right' as const,
              render: (_: unknown, r: PivotRow) => fixed(grid, key, cellAt(r, key, p)?.value ?? null) ?? '—',
            })),
            {
              title: t('stats.analytics.mom'),
              key: 'mom',
              align: 'right' as const,
              render: (_: unknown, r: PivotRow) => rate(cellAt(r, key, latest)?.mom),
            },
            {
              title: t('stats.analytics.yoy'),
              key: 'yoy',
              align: 'right' as const,
              render: (_: unknown, r: PivotRow) => rate(cellAt(r, key, latest)?.yoy),
            },
          ]}
        />
      </div>
    </div>
  );
}
