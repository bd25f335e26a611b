import { defineWorkflow, type WorkflowActor } from '../../platform/workflow/index.ts';

/** What the guards of a report's transitions look at; built by the review service. */
export interface ReportSubject {
  readonly unitPath: string;
  /** The reviewing unit's path; null for the owning unit's own aggregate, which it publishes. */
  readonly reviewerPath: string | null;
  readonly submittedBy: number | null;
  /** Reports of units reviewed by this one that are not approved yet (aggregates only). */
  readonly childrenPending: number;
  readonly hardFailures: number;
  readonly softUnexplained: number;
  readonly windowOpen: boolean;
  readonly pendingUnlockBy: number | null;
}

type Refusal =
  | 'not_own_unit'
  | 'not_reviewer'
  | 'own_submission'
  | 'own_request'
  | 'top_publishes'
  | 'not_top'
  | 'children_not_approved'
  | 'hard_rule_failed'
  | 'soft_rule_unexplained'
  | 'window_closed'
  | 'no_unlock_request';

const ownUnit = (a: WorkflowActor, s: ReportSubject) => a.orgPath === s.unitPath;
const reviews = (a: WorkflowActor, s: ReportSubject) => a.orgPath === (s.reviewerPath ?? s.unitPath);

const readyToLeave = (s: ReportSubject): true | Refusal => {
  if (s.childrenPending > 0) return 'children_not_approved';
  if (s.hardFailures > 0) return 'hard_rule_failed';
  if (s.softUnexplained > 0) return 'soft_rule_unexplained';
  return true;
};

/**
 * A report of (form, unit, period): filled (or aggregated) by its unit, submitted to the unit
 * that reviews it, approved or returned there. The owning unit publishes its own aggregate.
 * Approved reports are locked until an unlock request is granted by someone other than its
 * requester. Nobody approves their own unit's data or their own submission (separation of duties).
 */
export const reportWorkflow = defineWorkflow({
  name: 'stats.report',
  states: ['draft', 'submitted', 'returned', 'approved'],
  initial: 'draft',
  transitions: {
    submit: {
      from: ['draft', 'returned'],
      to: 'submitted',
      permission: 'stats.fill',
      guard: (a: WorkflowActor, s: ReportSubject): true | Refusal => {
        if (!ownUnit(a, s)) return 'not_own_unit';
        if (s.reviewerPath === null) return 'top_publishes';
        if (!s.windowOpen) return 'window_closed';
        return readyToLeave(s);
      },
    },
    withdraw: {
      from: ['submitted'],
      to: 'draft',
      permission: 'stats.fill',
      guard: (a: WorkflowActor, s: ReportSubject): true | Refusal => (ownUnit(a, s) ? true : 'not_own_unit'),
    },
    approve: {
      from: ['submitted'],
      to: 'approved',
      permission: 'stats.review',
      guard: (a: WorkflowActor, s: ReportSubject): true | Refusal => {
        if (s.reviewerPath === null || a.orgPath !== s.reviewerPath) return 'not_reviewer';
        if (a.userId !== null && a.userId === s.submittedBy) return 'own_submission';
        return true;
      },
    },
    publish: {
      from: ['draft', 'returned'],
      to: 'approved',
      permission: 'stats.review',
      guard: (a: WorkflowActor, s: ReportSubject): true | Refusal => {
        if (s.reviewerPath !== null) return 'not_top';
        if (!ownUnit(a, s)) return 'not_own_unit';
        if (s.childrenPending > 0) return 'children_not_approved';
        return s.hardFailures > 0 ? 'hard_rule_failed' : true;
      },
    },
    return: {
      from: ['submitted'],
      to: 'returned',
      permission: 'stats.review',
      guard: (a: WorkflowActor, s: ReportSubject): true | Refusal =>
        s.reviewerPath !== null && a.orgPath === s.reviewerPath ? true : 'not_reviewer',
    },
    reopen: {
      from: ['approved'],
      to: 'returned',
      permission: 'stats.review',
      guard: (a: WorkflowActor, s: ReportSubject): true | Refusal => {
        if (s.pendingUnlockBy === null) return 'no_unlock_request';
        if (!reviews(a, s)) return 'not_reviewer';
        return a.userId === s.pendingUnlockBy ? 'own_request' : true;
      },
    },
  },
});

export type ReportAction = keyof typeof reportWorkflow.transitions;
