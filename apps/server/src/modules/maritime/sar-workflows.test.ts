import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { Permission } from '../../platform/identity/permissions.ts';
import { apply, type WorkflowActor } from '../../platform/workflow/index.ts';
import { incidentWorkflow } from './incident-workflow.ts';
import { MID_REGIONS, validateMmsi } from './mid.ts';
import { resourceWorkflow } from './sar-resources.service.ts';

const actor = (...permissions: Permission[]): WorkflowActor => ({
  userId: 1,
  username: 'duty',
  orgPath: '/1/',
  permissions: new Set(permissions),
});
const duty = actor('maritime.read', 'maritime.manage');

test('resource states: every (state, action) pair against the table', () => {
  const table: Record<string, Record<string, string | null>> = {
    available: { task: 'tasked', release: null, maintain: 'maintenance', standDown: 'offDuty', ready: null },
    tasked: { task: null, release: 'available', maintain: null, standDown: null, ready: null },
    maintenance: { task: null, release: null, maintain: null, standDown: 'offDuty', ready: 'available' },
    offDuty: { task: null, release: null, maintain: 'maintenance', standDown: null, ready: 'available' },
  };
  for (const [state, row] of Object.entries(table)) {
    for (const [action, to] of Object.entries(row)) {
      const r = apply(resourceWorkflow, {
        state: state as 'available',
        action: action as 'task',
        actor: duty,
      });
      assert.deepEqual(
        r,
        to === null ? { ok: false, reason: 'no_such_transition' } : { ok: true, from: state, to },
        `${state} ${action}`,
      );
    }
  }
  assert.deepEqual(
    apply(resourceWorkflow, { state: 'available', action: 'maintain', actor: actor('maritime.read') }),
    {
      ok: false,
      reason: 'not_permitted',
    },
  );
});

test('incident states: activate, close and cancel, the guard on tasked resources', () => {
  const go = (
    state: 'open' | 'active' | 'closed',
    action: 'activate' | 'close' | 'cancel',
    openTaskings = 0,
    who = duty,
  ) => apply(incidentWorkflow, { state, action, actor: who, entity: { openTaskings } });
  assert.deepEqual(go('open', 'activate'), { ok: true, from: 'open', to: 'active' });
  assert.deepEqual(go('active', 'activate'), { ok: false, reason: 'no_such_transition' });
  for (const from of ['open', 'active'] as const) {
    for (const action of ['close', 'cancel'] as const) {
      assert.deepEqual(go(from, action), { ok: true, from, to: 'closed' });
      assert.deepEqual(go(from, action, 1), { ok: false, reason: 'resources_tasked' });
    }
  }
  for (const action of ['activate', 'close', 'cancel'] as const)
    assert.deepEqual(go('closed', action), { ok: false, reason: 'no_such_transition' });
  assert.deepEqual(go('open', 'close', 0, actor('maritime.read')), { ok: false, reason: 'not_permitted' });
});

test('MMSI validation never throws; a valid MID-bearing number carries an allocated MID', () => {
  fc.assert(
    fc.property(fc.oneof(fc.integer({ min: 0, max: 999_999_999 }), fc.double(), fc.integer()), (n) => {
      const v = validateMmsi(n);
      const inRange = Number.isInteger(n) && n >= 0 && n <= 999_999_999;
      if (!inRange) return v.kind === 'unknown' && v.problem === 'unknownFormat';
      return v.problem !== null || v.mid === null || MID_REGIONS.has(v.mid);
    }),
  );
});
