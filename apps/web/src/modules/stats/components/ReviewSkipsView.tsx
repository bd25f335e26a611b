import { Alert, Button, Card, Input, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { formatDateTime } from '../../../i18n/format.ts';
import { useT } from '../../../i18n/useT.ts';
import { useCan } from '../../auth/hooks/useMe.ts';
import { OrgSelect } from '../../orgs/components/OrgSelect.tsx';
import { useChangeReviewSkip, useReviewSkips } from '../hooks/useFlow.ts';
import type { ReviewSkip, SkippableLevel } from '../model/flow-types.ts';
import { periodLabel } from '../model/periods.ts';
import type { StatsForm } from '../model/types.ts';

/** The form's skipped review levels in my jurisdiction: set one on a unit, or restore it. */
export function ReviewSkipsView({ form }: { form: StatsForm }) {
  const t = useT();
  const canManage = useCan('stats.chain.manage');
  const skips = useReviewSkips(form.id);
  const change = useChangeReviewSkip(form.id);
  const [orgUnitId, setOrgUnitId] = useState<number | undefined>(undefined);
  const levels = form.chainLevels.filter(
    (l): l is SkippableLevel => l !== form.owningLevel && l !== 'ministry',
  );
  const [level, setLevel] = useState<SkippableLevel | undefined>(levels[0]);
  const [reason, setReason] = useState('');
  const [fromPeriod, setFromPeriod] = useState('');
  const [untilPeriod, setUntilPeriod] = useState('');
  const levelLabel = (l: string) => t(`stats.level.${l as SkippableLevel}`);

  return (
    <div data-testid="review-skips">
      <Alert type="info" showIcon title={t('stats.review-skips.hint')} style={{ marginBottom: 12 }} />
      {canManage && (
        <Card size="small" style={{ marginBottom: 12 }}>
          <Space wrap>
            <div style={{ width: 280 }}>
              <OrgSelect value={orgUnitId} onChange={setOrgUnitId} testId="review-skip-unit" />
            </div>
            <Select
              data-testid="review-skip-level"
              style={{ width: 160 }}
              value={level}
              onChange={setLevel}
              placeholder={t('stats.review-skips.level')}
              options={levels.map((l) => ({ value: l, label: levelLabel(l) }))}
            />
            <Input
              data-testid="review-skip-reason"
              style={{ width: 280 }}
              maxLength={500}
              placeholder={t('stats.review-skips.reason')}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
            <Input
              data-testid="review-skip-from"
              style={{ width: 160 }}
              maxLength={20}
              placeholder={t('stats.review-skips.from')}
              value={fromPeriod}
              onChange={(e) => setFromPeriod(e.target.value.trim())}
            />
            <Input
              data-testid="review-skip-until"
              style={{ width: 160 }}
              maxLength={20}
              placeholder={t('stats.review-skips.until')}
              value={untilPeriod}
              onChange={(e) => setUntilPeriod(e.target.value.trim())}
            />
            <Button
              type="primary"
              data-testid="review-skip-add"
              disabled={orgUnitId === undefined || level === undefined}
              loading={change.isPending}
              onClick={() =>
                orgUnitId !== undefined &&
                level !== undefined &&
                change.mutate(
                  {
                    orgUnitId,
                    level,
                    reason,
                    fromPeriod: fromPeriod || null,
                    untilPeriod: untilPeriod || null,
                  },
                  { onSuccess: () => setReason('') },
                )
              }
            >
              {t('stats.review-skips.add')}
            </Button>
          </Space>
        </Card>
      )}
      <Table<ReviewSkip>
        size="small"
        rowKey={(s) => `${s.orgUnitId}-${s.level}`}
        loading={skips.isFetching}
        dataSource={skips.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('stats.review-skips.empty') }}
        columns={[
          {
            title: t('stats.review-skips.unit'),
            dataIndex: 'orgName',
            render: (name: string, s) => (
              <Space>
                {name}
                <Typography.Text type="secondary">{levelLabel(s.orgLevel)}</Typography.Text>
              </Space>
            ),
          },
          { title: t('stats.review-skips.level'), dataIndex: 'level', render: (l: string) => levelLabel(l) },
          {
            title: t('stats.review-skips.periods'),
            key: 'periods',
            render: (_: unknown, s: ReviewSkip) =>
              `${s.fromPeriod ? periodLabel(t, s.fromPeriod) : t('stats.review-skips.open')} – ${
                s.untilPeriod ? periodLabel(t, s.untilPeriod) : t('stats.review-skips.open')
              }`,
          },
          { title: t('stats.review-skips.reason'), dataIndex: 'reason' },
          {
            title: t('stats.review-skips.set-at'),
            dataIndex: 'createdAt',
            render: (v: string) => formatDateTime(v),
          },
          ...(canManage
            ? [
                {
                  key: 'clear',
                  render: (_: unknown, s: ReviewSkip) => (
                    <Popconfirm
                      title={t('stats.review-skips.clear-confirm')}
                      onConfirm={() => change.mutate({ orgUnitId: s.orgUnitId, level: s.level, clear: true })}
                    >
                      <Button size="small" data-testid={`review-skip-clear-${s.orgUnitId}`}>
                        {t('stats.review-skips.clear')}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
    </div>
  );
}
