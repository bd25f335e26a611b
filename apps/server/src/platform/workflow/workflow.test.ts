import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { Permission } from '../identity/permissions.ts';
import {
  type ActionOf,
  apply,
  availableActions,
  defineWorkflow,
  type StateOf,
  type WorkflowActor,
} from './workflow.ts';

interface Report {
  readonly hasData: boolean;
}

const reportWorkflow = defineWorkflow({
  name: 'report',
  states: ['draft', 'submitted', 'returned', 'approved'] as const,
  initial: 'draft',
  transitions: {
    submit: {
      from: ['draft', 'returned'],
      to: 'submitted',
      guard: (_actor, report: Report) => (report.hasData ? true : 'empty_report'),
    },
    return: { from: ['submitted'], to: 'returned', permission: 'org.manage' },
    approve: { from: ['submitted'], to: 'approved', permission: 'org.manage' },
  },
});

const actorWith = (...permissions: Permission[]): WorkflowActor => ({
  userId: 7,
  username: 'nj.clerk',
  orgPath: '/1/11/',
  permissions: new Set(permissions),
});
const clerk = actorWith();
const reviewer = actorWith('org.manage');
const full: Report = { hasData: true };

describe('workflow definitions', () => {
  test('state and action names are inferred as literal unions', () => {
    const state: StateOf<typeof reportWorkflow> = 'returned';
    const action: ActionOf<typeof reportWorkflow> = 'approve';
    // @ts-expect-error not a declared state
    const wrongState: StateOf<typeof reportWorkflow> = 'archived';
    // @ts-expect-error not a declared action
    const wrongAction: ActionOf<typeof reportWorkflow> = 'archive';
    assert.deepEqual(
      [state, action, wrongState, wrongAction],
      ['returned', 'approve', 'archived', 'archive'],
    );
  });

  test('transitions must name declared states (checked by the compiler and at run time)', () => {
    assert.throws(
      () =>
        defineWorkflow({
          name: 'broken',
          states: ['a', 'b'],
          initial: 'a',
          // @ts-expect-error 'c' is not a state
          transitions: { go: { from: ['c'], to: 'b' } },
        }),
      /unknown state c/,
    );
    assert.throws(
      // @ts-expect-error 'z' is not a state
      () => defineWorkflow({ name: 'broken', states: ['a'], initial: 'z', transitions: {} }),
      /unknown initial state/,
    );
    assert.throws(
      () => defineWorkflow({ name: 'dup', states: ['a', 'a'], initial: 'a', transitions: {} }),
      /duplicate state/,
    );
  });
});

describe('apply', () => {
  test('an allowed transition reports from and to', () => {
    assert.deepEqual(
      apply(reportWorkflow, { state: 'draft', action: 'submit', actor: clerk, entity: full }),
      {
        ok: true,
        from: 'draft',
        to: 'submitted',
      },
    );
  });

  test('refusals: no such transition, not permitted, then the guard reason', () => {
    const refuse = (
      state: StateOf<typeof reportWorkflow>,
      action: ActionOf<typeof reportWorkflow>,
      actor: WorkflowActor,
      entity: Report,
    ) => apply(reportWorkflow, { state, action, actor, entity });
    assert.deepEqual(refuse('approved', 'submit', clerk, full), { ok: false, reason: 'no_such_transition' });
    assert.deepEqual(refuse('submitted', 'approve', clerk, full), { ok: false, reason: 'not_permitted' });
    assert.deepEqual(refuse('draft', 'submit', clerk, { hasData: false }), {
      ok: false,
      reason: 'empty_report',
    });
    const result = refuse('draft', 'submit', clerk, { hasData: false });
    if (!result.ok) {
      const reason: 'no_such_transition' | 'not_permitted' | 'empty_report' = result.reason;
      assert.equal(reason, 'empty_report');
    }
  });

  test('names from requests and rows are checked at run time, prototype keys included', () => {
    for (const action of ['archive', 'toString', '__proto__', 'constructor']) {
      const result = apply(reportWorkflow, {
        state: 'draft',
        action: action as ActionOf<typeof reportWorkflow>,
        actor: reviewer,
        entity: full,
      });
      assert.deepEqual(result, { ok: false, reason: 'no_such_transition' });
    }
  });

  test('available actions follow state, permission and (given an entity) guards', () => {
    assert.deepEqual(availableActions(reportWorkflow, 'submitted', clerk), []);
    assert.deepEqual(availableActions(reportWorkflow, 'submitted', reviewer), ['return', 'approve']);
    assert.deepEqual(availableActions(reportWorkflow, 'returned', clerk), ['submit']);
    assert.deepEqual(availableActions(reportWorkflow, 'returned', clerk, { hasData: false }), []);
  });
});

// Random workflows over a fixed pool of names, and random walks through them.
const STATE_POOL = ['s0', 's1', 's2', 's3', 's4', 's5'] as const;
const ACTION_POOL = ['a0', 'a1', 'a2', 'a3', 'a4', 'toString', 'hasOwnProperty'] as const;
const PERMISSION_POOL: readonly Permission[] = ['org.manage', 'user.manage', 'audit.read'];

const arbWorkflow = fc
  .uniqueArray(fc.constantFrom(...STATE_POOL), { minLength: 1, maxLength: STATE_POOL.length })
  .chain((states) =>
    fc.record({
      states: fc.constant(states),
      initial: fc.constantFrom(...states),
      transitions: fc.dictionary(
        fc.constantFrom('a0', 'a1', 'a2', 'a3', 'a4'),
        fc.record({
          from: fc.uniqueArray(fc.constantFrom(...states), { minLength: 1 }),
          to: fc.constantFrom(...states),
          permission: fc.option(fc.constantFrom(...PERMISSION_POOL), { nil: undefined }),
          refuseWhen: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
        }),
        { maxKeys: 5 },
      ),
    }),
  )
  .map(({ states, initial, transitions }) =>
    defineWorkflow({
      name: 'random',
      states,
      initial,
      transitions: Object.fromEntries(
        Object.entries(transitions).map(([action, t]) => [
          action,
          {
            from: t.from,
            to: t.to,
            ...(t.permission && { permission: t.permission }),
            ...(t.refuseWhen !== undefined && {
              guard: (_actor: WorkflowActor, entity: number) => (entity === t.refuseWhen ? true : 'guarded'),
            }),
          },
        ]),
      ),
    }),
  );

const arbStep = fc.record({
  action: fc.constantFrom(...ACTION_POOL),
  permissions: fc.subarray([...PERMISSION_POOL]),
  entity: fc.integer({ min: 0, max: 3 }),
});

describe('workflow properties', () => {
  test('no sequence of actions leaves the declared states', () => {
    fc.assert(
      fc.property(arbWorkflow, fc.array(arbStep, { maxLength: 40 }), (wf, steps) => {
        let state: string = wf.initial;
        for (const step of steps) {
          const result = apply(wf, {
            state,
            action: step.action,
            actor: actorWith(...step.permissions),
            entity: step.entity,
          });
          if (result.ok) {
            assert.equal(result.from, state);
            state = result.to;
          }
          assert.ok((wf.states as readonly string[]).includes(state));
        }
      }),
    );
  });

  test('apply is deterministic, and allows exactly what availableActions offers', () => {
    fc.assert(
      fc.property(arbWorkflow, fc.constantFrom(...STATE_POOL), arbStep, (wf, state, step) => {
        const input = {
          state,
          action: step.action,
          actor: actorWith(...step.permissions),
          entity: step.entity,
        };
        const first = apply(wf, input);
        assert.deepEqual(apply(wf, input), first);
        const offered = availableActions(wf, state, input.actor, input.entity) as string[];
        assert.equal(first.ok, offered.includes(step.action));
      }),
    );
  });
});
