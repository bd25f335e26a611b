import { Alert, Descriptions, Flex, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useT } from '../../../i18n/useT.ts';
import { FillGrid } from '../components/FillGrid.tsx';
import { buildGrid, type Grid, type GridCell } from '../model/layout.ts';
import type { LayoutDef } from '../model/types.ts';

const NO_MARKS = {
  invalid: new Set<string>(),
  hard: new Set<string>(),
  soft: new Set<string>(),
  comments: new Set<string>(),
  annotations: new Set<string>(),
  dirty: new Set<string>(),
  drifted: new Set<string>(),
};

/** The grid of a layout, or why it cannot be drawn (a layout being typed may be half-written). */
export function gridOf(def: LayoutDef): { grid: Grid } | { error: string } {
  try {
    return { grid: buildGrid(def) };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * A layout as the filler will see it: dimensions, indicators with unit, type, precision and
 * aggregation, and a read-only preview of the grid where each cell shows its address (R01C02),
 * the name audit formulas use; computed cells are marked Σ.
 */
export function LayoutView({ def, compact = false }: { def: LayoutDef; compact?: boolean }) {
  const t = useT();
  const built = useMemo(() => gridOf(def), [def]);
  if ('error' in built) return <Alert type="error" showIcon title={built.error} />;
  const { grid } = built;
  const cells = grid.cells.flat();
  const count = (kind: GridCell['kind']) => cells.filter((c) => c.kind === kind).length;
  const rowOf = new Map(def.rows.map((r) => [r.indicator.code, r]));
  return (
    <Flex vertical gap={12} data-testid="layout-view">
      <Descriptions
        size="small"
        column={compact ? 1 : { xs: 1, md: 2, xl: 4 }}
        items={[
          {
            key: 'shape',
            label: t('stats.admin.layout.shape'),
            children: t('stats.admin.layout.shape-value', {
              rows: grid.cells.length,
              columns: grid.columns.length,
            }),
          },
          {
            key: 'cells',
            label: t('stats.admin.layout.cells'),
            children: t('stats.admin.layout.cells-value', {
              entry: count('entry'),
              computed: count('computed'),
              disabled: count('disabled'),
            }),
          },
          {
            key: 'dims',
            label: t('stats.admin.layout.dimensions'),
            children:
              def.dimensions.length === 0
                ? t('stats.admin.layout.no-dimensions')
                : def.dimensions.map((d) => (
                    <Tag key={d.code}>
                      {d.name}：{d.options.map((o) => o.name).join('、')}
                    </Tag>
                  )),
          },
          {
            key: 'totals',
            label: t('stats.admin.layout.totals'),
            children:
              [def.total && t('stats.admin.layout.total'), def.subtotals && t('stats.admin.layout.subtotals')]
                .filter(Boolean)
                .join('、') || '—',
          },
        ]}
      />
      <Table
        size="small"
        pagination={false}
        rowKey={(r) => r.indicator.code}
        dataSource={def.rows as LayoutDef['rows']}
        data-testid="layout-indicators"
        columns={[
          {
            title: t('stats.admin.layout.row'),
            key: 'row',
            width: 60,
            render: (_, __, i) => `R${String(i + 1).padStart(2, '0')}`,
          },
          {
            title: t('stats.grid.code'),
            key: 'code',
            render: (_, r) => (
              <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
                {r.indicator.code}
              </Typography.Text>
            ),
          },
          { title: t('stats.cell.indicator'), key: 'name', render: (_, r) => r.indicator.name },
          { title: t('stats.grid.unit'), key: 'unit', render: (_, r) => r.indicator.unit || '—' },
          {
            title: t('stats.cell.type'),
            key: 'type',
            render: (_, r) => t(`stats.value-type.${r.indicator.valueType}`),
          },
          {
            title: t('stats.admin.layout.decimals'),
            key: 'decimals',
            render: (_, r) => r.indicator.decimals,
          },
          {
            title: t('stats.admin.layout.aggregation'),
            key: 'aggregation',
            render: (_, r) => t(`stats.admin.aggregation.${r.indicator.aggregation}`),
          },
          {
            title: t('stats.admin.layout.sum-of'),
            key: 'sumOf',
            render: (_, r) =>
              r.sumOf?.length ? r.sumOf.map((c) => rowOf.get(c)?.indicator.name ?? c).join(' + ') : '—',
          },
        ]}
      />
      <Typography.Text type="secondary">{t('stats.admin.layout.preview-hint')}</Typography.Text>
      <FillGrid
        grid={grid}
        textOf={(c) => (c.kind === 'computed' ? `Σ ${c.address}` : c.address)}
        editable={false}
        marks={NO_MARKS}
        active={null}
        onActivate={() => {}}
        onEdit={() => {}}
        onPaste={() => {}}
        titleOf={(c) => (c.formula ? `${c.key} = ${c.formula.op}(${c.formula.of.join(', ')})` : c.key)}
      />
    </Flex>
  );
}
