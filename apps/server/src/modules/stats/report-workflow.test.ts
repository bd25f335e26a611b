import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Permission } from '../../platform/identity/permissions.ts';
import { apply, type WorkflowActor } from '../../platform/workflow/index.ts';
import { type ReportAction, type ReportSubject, reportWorkflow } from './report-workflow.ts';

const COUNTY = '/1/11/12/13/';
const CITY = '/1/11/12/';
const actor = (orgPath: string, userId: number, ...permissions: Permission[]): WorkflowActor => ({
  userId,
  username: `u${userId}`,
  orgPath,
  permissions: new Set(permissions),
});
const filler = actor(COUNTY, 1, 'stats.fill');
const reviewer = actor(CITY, 2, 'stats.review');
const subject = (over: Partial<ReportSubject> = {}): ReportSubject => ({
  unitPath: COUNTY,
  reviewerPath: CITY,
  submittedBy: 1,
  childrenPending: 0,
  hardFailures: 0,
  softUnexplained: 0,
  windowOpen: true,
  pendingUnlockBy: null,
  ...over,
});
const run = (
  state: 'draft' | 'submitted' | 'returned' | 'approved',
  action: ReportAction,
  a: WorkflowActor,
  s = subject(),
) => {
  const r = apply(reportWorkflow, { state, action, actor: a, entity: s });
  return r.ok ? r.to : r.reason;
};

test('the happy paths: submit, withdraw, return, resubmit, approve, reopen', () => {
  assert.equal(run('draft', 'submit', filler), 'submitted');
  assert.equal(run('submitted', 'withdraw', filler), 'draft');
  assert.equal(run('submitted', 'return', reviewer), 'returned');
  assert.equal(run('returned', 'submit', filler), 'submitted');
  assert.equal(run('submitted', 'approve', reviewer), 'approved');
  assert.equal(run('approved', 'reopen', reviewer, subject({ pendingUnlockBy: 1 })), 'returned');
  const top = subject({ unitPath: CITY, reviewerPath: null });
  assert.equal(run('draft', 'publish', actor(CITY, 3, 'stats.review'), top), 'approved');
});

test('every guard refuses with its reason', () => {
  assert.equal(run('draft', 'submit', actor(CITY, 5, 'stats.fill')), 'not_own_unit');
  assert.equal(run('draft', 'submit', filler, subject({ reviewerPath: null })), 'top_publishes');
  assert.equal(run('draft', 'submit', filler, subject({ windowOpen: false })), 'window_closed');
  assert.equal(run('draft', 'submit', filler, subject({ childrenPending: 2 })), 'children_not_approved');
  assert.equal(run('draft', 'submit', filler, subject({ hardFailures: 1 })), 'hard_rule_failed');
  assert.equal(run('draft', 'submit', filler, subject({ softUnexplained: 1 })), 'soft_rule_unexplained');
  assert.equal(run('submitted', 'withdraw', actor(CITY, 5, 'stats.fill')), 'not_own_unit');
  assert.equal(run('submitted', 'approve', actor('/1/11/', 6, 'stats.review')), 'not_reviewer');
  assert.equal(run('submitted', 'approve', actor(CITY, 1, 'stats.review')), 'own_submission');
  assert.equal(run('submitted', 'return', actor(COUNTY, 7, 'stats.review')), 'not_reviewer');
  assert.equal(run('draft', 'publish', reviewer), 'not_top');
  const top = subject({ unitPath: CITY, reviewerPath: null });
  assert.equal(run('draft', 'publish', actor('/1/11/', 8, 'stats.review'), top), 'not_own_unit');
  assert.equal(run('draft', 'publish', reviewer, { ...top, childrenPending: 1 }), 'children_not_approved');
  assert.equal(run('draft', 'publish', reviewer, { ...top, hardFailures: 1 }), 'hard_rule_failed');
  assert.equal(run('approved', 'reopen', reviewer), 'no_unlock_request');
  assert.equal(run('approved', 'reopen', reviewer, subject({ pendingUnlockBy: 2 })), 'own_request');
  assert.equal(
    run('approved', 'reopen', actor('/1/11/', 9, 'stats.review'), subject({ pendingUnlockBy: 1 })),
    'not_reviewer',
  );
});

test('permissions and states: no transition out of its states, none without its permission', () => {
  assert.equal(run('approved', 'submit', filler), 'no_such_transition');
  assert.equal(run('submitted', 'submit', filler), 'no_such_transition');
  assert.equal(run('approved', 'return', reviewer), 'no_such_transition');
  assert.equal(run('draft', 'approve', reviewer), 'no_such_transition');
  assert.equal(run('draft', 'submit', actor(COUNTY, 1, 'stats.review')), 'not_permitted');
  assert.equal(run('submitted', 'approve', actor(CITY, 2, 'stats.fill')), 'not_permitted');
});
