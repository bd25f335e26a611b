import { Alert, Button, Card, Empty, Progress, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../../../i18n/useT.ts';
import { usePagination } from '../../../ui/usePagination.ts';
import { useCan } from '../../auth/hooks/useMe.ts';
import { useRuleFailures, useRuleRun, useRuleRuns, useStartRuleRun } from '../hooks/useFlow.ts';
import { useCompleteness } from '../hooks/useStats.ts';
import type { RuleRunFailure } from '../model/flow-types.ts';

const STATE_COLOR = { queued: 'default', running: 'processing', done: 'success', failed: 'error' } as const;

/** 批量审核: start a run over my jurisdiction or a unit below, watch its progress, page its failures. */
export function RuleRunView({ formId, period }: { formId: number; period: string }) {
  const t = useT();
  const canRun = useCan('stats.review');
  const expected = useCompleteness(formId, period, 1, 200);
  const runs = useRuleRuns(formId, period);
  const start = useStartRuleRun(formId, period);
  const [scope, setScope] = useState<number | undefined>(undefined);
  const [runId, setRunId] = useState<number | undefined>(undefined);
  const latestId = runs.data?.items[0]?.id;
  const run = useRuleRun(runId ?? latestId);
  const done = run.data?.state === 'done';
  const [importance, setImportance] = useState<'all' | 'hard' | 'soft'>('all');
  const [unit, setUnit] = useState<number | undefined>(undefined);
  const pagination = usePagination(20);
  const failures = useRuleFailures(
    run.data?.id,
    done,
    { importance: importance === 'all' ? undefined : importance, orgUnitId: unit },
    pagination.params.page,
    pagination.params.pageSize,
  );
  const units = useMemo(
    () => (expected.data?.rows ?? []).map((r) => ({ value: r.orgUnitId, label: r.name, kind: r.kind })),
    [expected.data],
  );
  const r = run.data;
  const percent =
    r && r.unitsTotal > 0 ? Math.round((r.unitsDone / r.unitsTotal) * 100) : r?.state === 'done' ? 100 : 0;

  return (
    <div data-testid="rule-runs">
      {canRun && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            allowClear
            data-testid="rule-run-scope"
            style={{ width: 260 }}
            placeholder={t('stats.rule-runs.scope')}
            value={scope}
            onChange={setScope}
            options={units.filter((u) => u.kind === 'aggregate')}
          />
          <Button
            type="primary"
            data-testid="rule-run-start"
            loading={start.isPending}
            onClick={() => start.mutate(scope, { onSuccess: (created) => setRunId(created.id) })}
          >
            {t('stats.rule-runs.start')}
          </Button>
        </Space>
      )}
      {!r ? (
        <Empty description={t('stats.rule-runs.none')} />
      ) : (
        <Card
          size="small"
          style={{ marginBottom: 12 }}
          title={
            <Space>
              {r.scopeName}
              <Tag color={STATE_COLOR[r.state]} data-testid="rule-run-state">
                {t(`stats.rule-runs.state.${r.state}`)}
              </Tag>
            </Space>
          }
        >
          <Progress percent={percent} status={r.state === 'failed' ? 'exception' : undefined} />
          <Space wrap>
            <Typography.Text type="secondary">
              {t('stats.rule-runs.progress', { done: r.unitsDone, total: r.unitsTotal })}
            </Typography.Text>
            <Typography.Text data-testid="rule-run-summary">
              {t('stats.rule-runs.summary', { hard: r.hardFailures, soft: r.softFailures })}
            </Typography.Text>
          </Space>
          {r.error && <Alert type="error" showIcon title={r.error} style={{ marginTop: 8 }} />}
        </Card>
      )}
      {done && (
        <>
          <Space wrap style={{ marginBottom: 12 }}>
            <Segmented
              value={importance}
              onChange={(v) => {
                setImportance(v as typeof importance);
                pagination.reset();
              }}
              options={[
                { value: 'all', label: t('stats.rule-runs.all-importance') },
                { value: 'hard', label: t('stats.rule-runs.hard') },
                { value: 'soft', label: t('stats.rule-runs.soft') },
              ]}
            />
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              data-testid="rule-run-unit"
              style={{ width: 260 }}
              placeholder={t('stats.rule-runs.unit-filter')}
              value={unit}
              onChange={(v: number | undefined) => {
                setUnit(v);
                pagination.reset();
              }}
              options={units}
            />
          </Space>
          <Table<RuleRunFailure>
            size="small"
            data-testid="rule-run-failures"
            rowKey={(f) => `${f.orgUnitId}-${f.ruleCode}-${f.cells.join(',')}`}
            loading={failures.isFetching}
            dataSource={failures.data?.items ?? []}
            scroll={{ x: 'max-content' }}
            pagination={{
              current: pagination.params.page,
              pageSize: pagination.params.pageSize,
              total: failures.data?.total ?? 0,
              showSizeChanger: true,
              onChange: pagination.onChange,
            }}
            columns={[
              { title: t('stats.field.org'), dataIndex: 'orgName' },
              { title: t('stats.rule-runs.rule'), dataIndex: 'ruleCode' },
              {
                title: t('stats.rule-runs.importance'),
                dataIndex: 'importance',
                render: (v: 'hard' | 'soft') => (
                  <Tag color={v === 'hard' ? 'red' : 'gold'}>{t(`stats.rule-runs.${v}`)}</Tag>
                ),
              },
              {
                title: t('stats.rule-runs.left'),
                dataIndex: 'left',
                align: 'right',
                render: (v) => v ?? '—',
              },
              {
                title: t('stats.rule-runs.right'),
                dataIndex: 'right',
                align: 'right',
                render: (v) => v ?? '—',
              },
              { title: t('stats.rule-runs.message'), dataIndex: 'message' },
              {
                title: t('stats.rule-runs.cells'),
                dataIndex: 'cells',
                render: (cells: string[]) => <Typography.Text code>{cells.join(', ')}</Typography.Text>,
              },
              {
                key: 'open',
                render: (_: unknown, f) => (
                  <Link to={`/stats/reports/${formId}/${f.orgUnitId}/${period}`}>
                    {t('stats.rule-runs.open')}
                  </Link>
                ),
              },
            ]}
          />
        </>
      )}
    </div>
  );
}
