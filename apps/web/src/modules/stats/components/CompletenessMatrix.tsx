import { useQueries } from '@tanstack/react-query';
import { Table, Tag, Tooltip } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { useT } from '../../../i18n/useT.ts';
import { fetchCompleteness, statsKeys } from '../api/stats.ts';
import { periodLabel } from '../model/periods.ts';
import type { CompletenessRow } from '../model/types.ts';
import { levelLabel, reportLink, STATE_COLORS } from './format.ts';

interface MatrixRow {
  orgUnitId: number;
  name: string;
  level: string;
  byPeriod: Record<string, CompletenessRow>;
}

/** Units × periods of one form: each report's state, coloured by timeliness (the 催报 overview). */
export function CompletenessMatrix({ formId, periods }: { formId: number; periods: readonly string[] }) {
  const t = useT();
  const results = useQueries({
    queries: periods.map((p) => ({
      queryKey: statsKeys.completeness(formId, p),
      queryFn: () => fetchCompleteness(formId, p),
    })),
  });
  const rows = useMemo(() => {
    const out = new Map<number, MatrixRow>();
    results.forEach((r, i) => {
      const period = periods[i];
      if (!period) return;
      for (const row of r.data?.items ?? []) {
        let m = out.get(row.orgUnitId);
        if (!m) {
          m = { orgUnitId: row.orgUnitId, name: row.name, level: row.level, byPeriod: {} };
          out.set(row.orgUnitId, m);
        }
        m.byPeriod[period] = row;
      }
    });
    return [...out.values()];
  }, [results, periods]);
  return (
    <div data-testid="completeness-matrix">
      <Table<MatrixRow>
        size="small"
        rowKey="orgUnitId"
        loading={results.some((r) => r.isFetching)}
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('stats.field.org'), dataIndex: 'name', fixed: 'left' },
          { title: t('stats.field.level'), key: 'level', render: (_, r) => levelLabel(t, r.level) },
          ...periods.map((p) => ({
            title: periodLabel(t, p),
            key: p,
            render: (_: unknown, r: MatrixRow) => {
              const c = r.byPeriod[p];
              if (!c) return '—';
              return (
                <Tooltip title={t(`stats.timeliness.${c.timeliness}`)}>
                  <Link to={reportLink(formId, r.orgUnitId, p)}>
                    <Tag
                      color={STATE_COLORS[c.state]}
                      style={{
                        borderBottom: `3px solid ${c.timeliness === 'overdue' ? '#ff4d4f' : c.timeliness === 'late' ? '#faad14' : 'transparent'}`,
                      }}
                    >
                      {t(`stats.state.${c.state}`)}
                    </Tag>
                  </Link>
                </Tooltip>
              );
            },
          })),
        ]}
      />
    </div>
  );
}
