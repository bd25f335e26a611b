import { Card, Empty, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { useT } from '../../../i18n/useT.ts';
import { useDrillDown } from '../hooks/useStats.ts';
import { computeAll, type Grid } from '../model/layout.ts';
import type { ReportRef } from '../model/types.ts';
import { percent, reportLink } from './format.ts';

export interface DrillDownCardProps {
  reportRef: ReportRef;
  grid: Grid;
  cellKey: string | null;
  total: string | null;
}

/** An aggregate's figure for one cell, split by the direct child units it rolls up, each a link down. */
export function DrillDownCard({ reportRef, grid, cellKey, total }: DrillDownCardProps) {
  const t = useT();
  const query = useDrillDown(reportRef, true);
  const cell = cellKey ? grid.byKey.get(cellKey) : undefined;
  const rows = useMemo(() => {
    if (!cell || !query.data) return [];
    return query.data.children.map((child) => {
      let value: string | null = child.values[cell.key] ?? null;
      if (cell.kind === 'computed') {
        const numbers = new Map<string, number>();
        for (const [k, v] of Object.entries(child.values)) if (v !== null) numbers.set(k, Number(v));
        value = computeAll(grid, numbers).get(cell.key) ?? null;
      }
      return { ...child, value };
    });
  }, [cell, query.data, grid]);
  const sum = Number(total ?? 0);
  return (
    <Card
      size="small"
      data-testid="drilldown"
      title={
        cell
          ? t('stats.drill.title-cell', { cell: `${cell.address} ${cell.indicator.name}` })
          : t('stats.drill.title')
      }
    >
      {!cell ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('stats.drill.pick')} />
      ) : (
        <Table
          size="small"
          rowKey="orgUnitId"
          loading={query.isFetching}
          pagination={false}
          dataSource={rows}
          columns={[
            {
              title: t('stats.field.org'),
              key: 'name',
              render: (_, r) => (
                <Link to={reportLink(reportRef.formId, r.orgUnitId, reportRef.period)}>{r.name}</Link>
              ),
            },
            {
              title: `${cell.indicator.name}（${cell.indicator.unit}）`,
              key: 'value',
              align: 'right',
              render: (_, r) => r.value ?? '—',
            },
            {
              title: t('stats.drill.share'),
              key: 'share',
              align: 'right',
              render: (_, r) =>
                r.value !== null && sum !== 0 ? (
                  <Typography.Text type="secondary">{percent(Number(r.value) / sum)}</Typography.Text>
                ) : (
                  '—'
                ),
            },
          ]}
        />
      )}
    </Card>
  );
}
