import { Alert, Button, Card, Flex, Input, Modal, Select, Space, Tooltip } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../../api/client.ts';
import { describeError } from '../../../api/error-message.ts';
import { isMessageKey, useT } from '../../../i18n/useT.ts';
import { useMe } from '../../auth/hooks/useMe.ts';
import { useReportAction, useUnlockDecision, useUnlockRequest } from '../hooks/useStats.ts';
import type { Grid } from '../model/layout.ts';
import type { ReportRef, ReportView } from '../model/types.ts';

export interface ReportActionsProps {
  reportRef: ReportRef;
  view: ReportView;
  grid: Grid;
  /** Soft-rule explanations typed in the rule panel, sent with a submission. */
  explanations: Record<string, string>;
  /** Why submitting cannot work yet (unsaved or invalid cells, hard failures, missing explanations). */
  submitBlocker: string | null;
  activeCell: string | null;
  pendingUnlock: boolean;
}

/**
 * The workflow buttons a person may press on this report, by unit, role and state. The server
 * decides; its refusal (separation of duties, children not approved, window closed, …) is shown
 * here in words, not as a code.
 */
export function ReportActions({
  reportRef,
  view,
  grid,
  explanations,
  submitBlocker,
  activeCell,
  pendingUnlock,
}: ReportActionsProps) {
  const t = useT();
  const me = useMe();
  const act = useReportAction(reportRef);
  const unlock = useUnlockRequest(reportRef);
  const decide = useUnlockDecision(reportRef);
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const [annotations, setAnnotations] = useState<{ cellKey: string; body: string }[]>([]);
  const [unlocking, setUnlocking] = useState(false);
  const [unlockReason, setUnlockReason] = useState('');

  const can = (p: string) => me.permissions.includes(p);
  const ownUnit = me.orgUnitId === view.orgUnit.id;
  const reviewer =
    view.reviewerOrgUnitId !== null && me.orgUnitId === view.reviewerOrgUnitId && can('stats.review');
  const open = view.state === 'draft' || view.state === 'returned';
  const showSubmit = open && ownUnit && can('stats.fill') && view.reviewerOrgUnitId !== null;
  const showPublish = open && ownUnit && can('stats.review') && view.reviewerOrgUnitId === null;
  const showWithdraw = view.state === 'submitted' && ownUnit && can('stats.fill');
  const showReview = view.state === 'submitted' && reviewer;
  const showUnlock =
    view.state === 'approved' &&
    !pendingUnlock &&
    (ownUnit || reviewer) &&
    (can('stats.fill') || can('stats.review'));
  const showDecide =
    view.state === 'approved' &&
    pendingUnlock &&
    (reviewer || (view.reviewerOrgUnitId === null && ownUnit && can('stats.review')));

  const error = act.error ?? unlock.error ?? decide.error;
  const refusal = (() => {
    if (!error) return null;
    const reason = isApiError(error) ? (error.details as { reason?: string } | undefined)?.reason : undefined;
    const key = `stats.refusal.${reason}`;
    return reason && isMessageKey(key) ? t(key) : describeError(t, error);
  })();

  const run = (action: string, body?: unknown, done?: () => void) =>
    act.mutate({ action, body }, { onSuccess: done });
  const cellOptions = grid.cells
    .flat()
    .map((c) => ({ value: c.key, label: `${c.address} ${c.indicator.name} · ${c.key}` }));

  const anything =
    showSubmit || showPublish || showWithdraw || showReview || showUnlock || showDecide || refusal;
  if (!anything) return null;
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="report-actions">
      <Flex gap={8} wrap align="center">
        {showSubmit && (
          <Tooltip title={submitBlocker}>
            <Button
              type="primary"
              data-testid="action-submit"
              disabled={submitBlocker !== null}
              loading={act.isPending}
              onClick={() => run('submit', { explanations })}
            >
              {t('stats.action.submit')}
            </Button>
          </Tooltip>
        )}
        {showPublish && (
          <Button
            type="primary"
            data-testid="action-publish"
            loading={act.isPending}
            onClick={() => run('publish')}
          >
            {t('stats.action.publish')}
          </Button>
        )}
        {showWithdraw && (
          <Button data-testid="action-withdraw" loading={act.isPending} onClick={() => run('withdraw')}>
            {t('stats.action.withdraw')}
          </Button>
        )}
        {showReview && (
          <Space>
            <Button
              type="primary"
              data-testid="action-approve"
              loading={act.isPending}
              onClick={() => run('approve')}
            >
              {t('stats.action.approve')}
            </Button>
            <Button
              danger
              data-testid="action-return"
              onClick={() => {
                setAnnotations(activeCell ? [{ cellKey: activeCell, body: '' }] : []);
                setReturning(true);
              }}
            >
              {t('stats.action.return')}
            </Button>
          </Space>
        )}
        {showUnlock && (
          <Button data-testid="action-unlock" onClick={() => setUnlocking(true)}>
            {t('stats.action.request-unlock')}
          </Button>
        )}
        {showDecide && (
          <Space>
            <Button data-testid="action-unlock-grant" onClick={() => decide.mutate({ grant: true })}>
              {t('stats.action.unlock-grant')}
            </Button>
            <Button data-testid="action-unlock-refuse" onClick={() => decide.mutate({ grant: false })}>
              {t('stats.action.unlock-refuse')}
            </Button>
          </Space>
        )}
      </Flex>
      {refusal && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 8 }}
          data-testid="action-refusal"
          title={refusal}
          closable
          onClose={() => {
            act.reset();
            unlock.reset();
            decide.reset();
          }}
        />
      )}

      <Modal
        open={returning}
        title={t('stats.return.title')}
        okText={t('stats.action.return')}
        okButtonProps={
          { danger: true, disabled: reason.trim() === '', 'data-testid': 'return-confirm' } as never
        }
        confirmLoading={act.isPending}
        onCancel={() => setReturning(false)}
        onOk={() =>
          run(
            'return',
            { reason: reason.trim(), annotations: annotations.filter((a) => a.body.trim() !== '') },
            () => {
              setReturning(false);
              setReason('');
            },
          )
        }
      >
        <Input.TextArea
          data-testid="return-reason"
          rows={3}
          maxLength={2000}
          value={reason}
          placeholder={t('stats.return.reason-placeholder')}
          onChange={(e) => setReason(e.target.value)}
        />
        <div style={{ margin: '12px 0 4px' }}>{t('stats.return.annotations')}</div>
        {annotations.map((a, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
          <Flex key={i} gap={8} style={{ marginBottom: 8 }}>
            <Select
              showSearch
              style={{ width: 260 }}
              options={cellOptions}
              value={a.cellKey}
              optionFilterProp="label"
              onChange={(cellKey) =>
                setAnnotations((xs) => xs.map((x, j) => (j === i ? { ...x, cellKey } : x)))
              }
            />
            <Input
              data-testid={`annotation-${i}`}
              value={a.body}
              maxLength={2000}
              placeholder={t('stats.return.annotation-placeholder')}
              onChange={(e) =>
                setAnnotations((xs) => xs.map((x, j) => (j === i ? { ...x, body: e.target.value } : x)))
              }
            />
          </Flex>
        ))}
        <Button
          size="small"
          onClick={() =>
            setAnnotations((xs) => [
              ...xs,
              { cellKey: activeCell ?? grid.cells[0]?.[0]?.key ?? '', body: '' },
            ])
          }
        >
          {t('stats.return.add-annotation')}
        </Button>
      </Modal>

      <Modal
        open={unlocking}
        title={t('stats.unlock.title')}
        okButtonProps={{ disabled: unlockReason.trim() === '' }}
        confirmLoading={unlock.isPending}
        onCancel={() => setUnlocking(false)}
        onOk={() => unlock.mutate(unlockReason.trim(), { onSuccess: () => setUnlocking(false) })}
      >
        <Input.TextArea
          rows={3}
          value={unlockReason}
          maxLength={2000}
          placeholder={t('stats.unlock.reason-placeholder')}
          onChange={(e) => setUnlockReason(e.target.value)}
        />
      </Modal>
    </Card>
  );
}
