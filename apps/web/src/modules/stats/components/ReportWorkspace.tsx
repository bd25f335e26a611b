import { Alert, App, Card, Col, Row, Segmented, Spin, Tabs, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { describeError } from '../../../api/error-message.ts';
import { useT } from '../../../i18n/useT.ts';
import { useMe } from '../../auth/hooks/useMe.ts';
import { useDraft } from '../hooks/useDraft.ts';
import { useReport, useTimeline } from '../hooks/useStats.ts';
import { parseCellInput } from '../model/cell-input.ts';
import { buildGrid, type GridCell } from '../model/layout.ts';
import type { ReportRef, ReportView } from '../model/types.ts';
import { CellPanel } from './CellPanel.tsx';
import { DrillDownCard } from './DrillDownCard.tsx';
import { ExcelCard } from './ExcelCard.tsx';
import { FillGrid } from './FillGrid.tsx';
import { ReportActions } from './ReportActions.tsx';
import { ReportHeader } from './ReportHeader.tsx';
import { ReportTimeline } from './ReportTimeline.tsx';
import { RulePanel } from './RulePanel.tsx';

/** One report (form × unit × period): filling, reviewing, or reading an aggregate. */
export function ReportWorkspace({ reportRef }: { reportRef: ReportRef }) {
  const t = useT();
  const query = useReport(reportRef);
  if (query.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (query.isError) return <Alert type="error" showIcon title={describeError(t, query.error)} />;
  return <Workspace reportRef={reportRef} view={query.data} />;
}

function Workspace({ reportRef, view }: { reportRef: ReportRef; view: ReportView }) {
  const t = useT();
  const me = useMe();
  const { message } = App.useApp();
  const grid = useMemo(() => buildGrid(view.layout), [view.layout]);
  const fills = me.orgUnitId === view.orgUnit.id && me.permissions.includes('stats.fill');
  const editable = fills && view.kind === 'filled' && !view.locked;
  const draft = useDraft(reportRef, grid, view, editable);
  const [active, setActive] = useState<string | null>(null);
  const [explanations, setExplanations] = useState<Record<string, string>>(view.explanations);
  const [figure, setFigure] = useState<'working' | 'approved'>('working');
  const timeline = useTimeline(reportRef);
  useEffect(() => setExplanations((e) => ({ ...view.explanations, ...e })), [view.explanations]);

  const pendingUnlock = useMemo(() => {
    const unlocks = (timeline.data?.items ?? []).filter((e) => e.kind === 'unlockRequest');
    return unlocks.some((e) => e.action === 'pending');
  }, [timeline.data]);

  const drift = useMemo(() => new Map(view.drift.map((d) => [d.cellKey, d])), [view.drift]);
  const failuresByCell = useMemo(() => {
    const m = new Map<string, string[]>();
    for (const f of view.ruleFailures) for (const c of f.cells) m.set(c, [...(m.get(c) ?? []), f.message]);
    return m;
  }, [view.ruleFailures]);
  const marks = useMemo(
    () => ({
      invalid: new Set(draft.invalid.keys()),
      hard: new Set(view.ruleFailures.filter((f) => f.importance === 'hard').flatMap((f) => f.cells)),
      soft: new Set(view.ruleFailures.filter((f) => f.importance === 'soft').flatMap((f) => f.cells)),
      comments: new Set(view.comments.filter((c) => c.kind === 'comment').map((c) => c.cellKey)),
      annotations: new Set(view.comments.filter((c) => c.kind === 'annotation').map((c) => c.cellKey)),
      dirty: draft.dirty,
      drifted: new Set(figure === 'working' ? drift.keys() : []),
    }),
    [draft.invalid, draft.dirty, view, drift, figure],
  );

  const cellError = useCallback(
    (cell: GridCell) => {
      const p = draft.invalid.get(cell.key);
      return p
        ? `${cell.address} ${cell.indicator.name}：${t(`stats.cell-error.${p.code}`, p.params)}`
        : undefined;
    },
    [draft.invalid, t],
  );
  const titleOf = (cell: GridCell) => cellError(cell) ?? failuresByCell.get(cell.key)?.join('；');
  const textOf = (cell: GridCell) => {
    if (figure === 'approved' && drift.has(cell.key)) return drift.get(cell.key)?.approved ?? '';
    return draft.textOf(cell);
  };

  const onPaste = (at: GridCell, block: string[][]) => {
    const edits: { key: string; text: string }[] = [];
    let skipped = 0;
    block.forEach((line, i) => {
      line.forEach((text, j) => {
        const cell = grid.cells[at.row + i]?.[at.column + j];
        if (!cell) skipped++;
        else if (cell.kind !== 'entry') {
          if (text.trim() !== '' && parseCellInput(cell, text).ok === false) skipped++;
        } else edits.push({ key: cell.key, text });
      });
    });
    draft.edit(edits);
    void message.info(t('stats.paste.done', { n: edits.length, skipped }));
  };

  const hard = view.ruleFailures.filter((f) => f.importance === 'hard');
  const unexplained = view.ruleFailures.filter(
    (f) => f.importance === 'soft' && !explanations[f.ruleId]?.trim(),
  );
  const submitBlocker =
    draft.invalid.size > 0
      ? t('stats.submit.blocked-invalid', { n: draft.invalid.size })
      : draft.status === 'pending' || draft.status === 'saving'
        ? t('stats.submit.blocked-unsaved')
        : hard.length > 0
          ? t('stats.submit.blocked-hard', { n: hard.length })
          : unexplained.length > 0
            ? t('stats.submit.blocked-soft', { n: unexplained.length })
            : null;

  const activeCell = active ? (grid.byKey.get(active) ?? null) : null;
  const annotations = view.comments.filter((c) => c.kind === 'annotation');
  const explainable = fills && (view.state === 'draft' || view.state === 'returned');

  return (
    <div data-testid="report-workspace" data-kind={view.kind}>
      <ReportHeader view={view} save={editable ? draft.status : null} savedAt={draft.savedAt} />
      {view.returnReason && (view.state === 'returned' || view.state === 'draft') && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="return-reason-banner"
          title={t('stats.report.returned-because', { reason: view.returnReason })}
          description={
            annotations.length > 0 && (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {annotations.map((a) => (
                  <li key={a.id}>
                    <Typography.Link onClick={() => setActive(a.cellKey)}>
                      {grid.byKey.get(a.cellKey)?.address ?? a.cellKey}
                    </Typography.Link>{' '}
                    {a.body}
                  </li>
                ))}
              </ul>
            )
          }
        />
      )}
      {view.locked && view.kind === 'filled' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="lock-banner"
          title={
            view.state === 'submitted'
              ? t('stats.lock.submitted')
              : view.state === 'approved'
                ? t('stats.lock.approved')
                : t('stats.report.locked', { reason: view.lockReason ?? '' })
          }
        />
      )}
      {view.kind === 'aggregate' && view.children && (
        <Alert
          type={view.children.approved === view.children.total ? 'success' : 'warning'}
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="children-status"
          title={t('stats.report.children', { approved: view.children.approved, total: view.children.total })}
        />
      )}
      <ReportActions
        reportRef={reportRef}
        view={view}
        grid={grid}
        explanations={explanations}
        submitBlocker={submitBlocker}
        activeCell={active}
        pendingUnlock={pendingUnlock}
      />
      {(view.drift.length > 0 || (view.kind === 'aggregate' && view.state === 'approved')) && (
        <Segmented
          style={{ marginBottom: 8 }}
          data-testid="figure-switch"
          value={figure}
          onChange={(v) => setFigure(v as 'working' | 'approved')}
          options={[
            { value: 'working', label: t('stats.figure.working') },
            { value: 'approved', label: t('stats.figure.approved') },
          ]}
        />
      )}
      {view.drift.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          data-testid="drift-banner"
          title={t('stats.drift.count', { n: view.drift.length })}
        />
      )}
      <Row gutter={12}>
        <Col xs={24} xl={16}>
          <FillGrid
            grid={grid}
            textOf={textOf}
            editable={editable && figure === 'working'}
            marks={marks}
            active={active}
            onActivate={setActive}
            onEdit={draft.edit}
            onPaste={onPaste}
            titleOf={titleOf}
          />
          {(draft.invalid.size > 0 || draft.serverErrors.length > 0) && (
            <Alert
              type="error"
              showIcon
              style={{ marginTop: 8 }}
              data-testid="cell-errors"
              title={t('stats.cell-error.title')}
              description={
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {grid.cells.flat().flatMap((c) => {
                    const e = cellError(c);
                    return e ? [<li key={c.key}>{e}</li>] : [];
                  })}
                  {draft.serverErrors.map((e) => (
                    <li key={`s-${e.cellKey}`}>{e.message}</li>
                  ))}
                </ul>
              }
            />
          )}
          <div style={{ marginTop: 12 }}>
            <RulePanel
              failures={view.ruleFailures}
              grid={grid}
              explanations={explanations}
              onExplain={
                explainable ? (id, text) => setExplanations((e) => ({ ...e, [id]: text })) : undefined
              }
              onShowCell={setActive}
            />
          </div>
        </Col>
        <Col xs={24} xl={8}>
          <Tabs
            size="small"
            defaultActiveKey={view.kind === 'aggregate' ? 'drill' : 'cell'}
            items={[
              ...(view.kind === 'aggregate'
                ? [
                    {
                      key: 'drill',
                      label: t('stats.tab.drill'),
                      children: (
                        <DrillDownCard
                          reportRef={reportRef}
                          grid={grid}
                          cellKey={active}
                          total={activeCell ? draft.textOf(activeCell) || null : null}
                        />
                      ),
                    },
                  ]
                : []),
              {
                key: 'cell',
                label: t('stats.tab.cell'),
                children: (
                  <CellPanel
                    reportRef={reportRef}
                    cell={activeCell}
                    comments={view.comments}
                    canComment={
                      me.permissions.includes('stats.fill') || me.permissions.includes('stats.review')
                    }
                  />
                ),
              },
              {
                key: 'timeline',
                label: t('stats.tab.timeline'),
                children: <ReportTimeline reportRef={reportRef} />,
              },
              {
                key: 'excel',
                label: t('stats.tab.excel'),
                children: <ExcelCard reportRef={reportRef} canUpload={editable} />,
              },
              ...(view.drift.length > 0
                ? [
                    {
                      key: 'drift',
                      label: t('stats.tab.drift'),
                      children: (
                        <Card size="small">
                          {view.drift.map((d) => (
                            <div key={d.cellKey}>
                              <Typography.Link onClick={() => setActive(d.cellKey)}>
                                {grid.byKey.get(d.cellKey)?.address ?? d.cellKey}
                              </Typography.Link>{' '}
                              {d.approved ?? '—'} →{' '}
                              <Typography.Text strong>{d.current ?? '—'}</Typography.Text>
                            </div>
                          ))}
                        </Card>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </Col>
      </Row>
    </div>
  );
}
