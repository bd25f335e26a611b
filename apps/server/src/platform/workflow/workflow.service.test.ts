import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DB_KINDS, openTestDatabase } from '../../../test/databases.ts';
import { SYSTEM_CONTEXT } from '../audit/audit.service.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { AppError } from '../http/errors.ts';
import { historyOf, type TransitionContext, transition } from './workflow.service.ts';
import type { WorkflowActor } from './workflow.ts';
import { defineWorkflow } from './workflow.ts';

const ticketWorkflow = defineWorkflow({
  name: 'ticket',
  states: ['open', 'assigned', 'closed'] as const,
  initial: 'open',
  transitions: {
    assign: { from: ['open'], to: 'assigned', permission: 'org.manage' },
    close: {
      from: ['assigned'],
      to: 'closed',
      guard: (_actor, ticket: { answered: boolean }) => (ticket.answered ? true : 'unanswered'),
    },
    reopen: { from: ['closed'], to: 'open' },
  },
});

const actor: WorkflowActor = {
  userId: null,
  username: 'system',
  orgPath: '/1/',
  permissions: new Set(['org.manage']),
};
const ctx: TransitionContext = { audit: SYSTEM_CONTEXT, actor, now: new Date('2026-11-27T01:00:00Z') };

for (const kind of DB_KINDS) {
  describe(`workflow history on ${kind}`, () => {
    let handle: DatabaseHandle;
    before(async () => {
      handle = await openTestDatabase(kind);
    });
    after(() => handle.close());

    test('a transition records history and audit in the caller transaction', async () => {
      const subject = { type: 'ticket', id: 42, orgPath: '/1/11/', entity: { answered: true } };
      const to = await handle.db
        .transaction()
        .execute((trx) =>
          transition(trx, ctx, ticketWorkflow, { ...subject, state: 'open' }, 'assign', { to: 'nj' }),
        );
      assert.equal(to, 'assigned');
      await handle.db
        .transaction()
        .execute((trx) => transition(trx, ctx, ticketWorkflow, { ...subject, state: to }, 'close'));

      const history = await historyOf(handle.db, 'ticket', 42, { page: 1, pageSize: 20 });
      assert.equal(history.total, 2);
      assert.deepEqual(
        history.items.map((e) => [e.action, e.fromState, e.toState, e.note]),
        [
          ['assign', 'open', 'assigned', { to: 'nj' }],
          ['close', 'assigned', 'closed', null],
        ],
      );
      assert.equal(history.items[0]?.at, '2026-11-27T01:00:00.000Z');
      assert.equal(history.items[0]?.actorUsername, 'system');
      const row = await handle.db
        .selectFrom('workflow_event')
        .select('org_path')
        .where('entity_id', '=', '42')
        .executeTakeFirstOrThrow();
      assert.equal(row.org_path, '/1/11/');

      const audits = await handle.db
        .selectFrom('audit_event')
        .select(['action', 'object_id', 'before', 'after'])
        .where('object_type', '=', 'ticket')
        .orderBy('seq')
        .execute();
      assert.deepEqual(
        audits.map((a) => [a.action, a.object_id, a.before, a.after]),
        [
          ['ticket.assign', '42', { state: 'open' }, { state: 'assigned', note: { to: 'nj' } }],
          ['ticket.close', '42', { state: 'assigned' }, { state: 'closed', note: null }],
        ],
      );
    });

    test('a refusal throws and writes nothing; a rolled-back transaction leaves no history', async () => {
      const subject = { type: 'ticket', id: 'T-7', orgPath: '/1/', state: 'assigned' as const };
      await assert.rejects(
        handle.db
          .transaction()
          .execute((trx) =>
            transition(trx, ctx, ticketWorkflow, { ...subject, entity: { answered: false } }, 'close'),
          ),
        (err: unknown) =>
          err instanceof AppError &&
          err.status === 409 &&
          JSON.stringify(err.details) === '{"reason":"unanswered"}',
      );
      const clerk = { ...ctx, actor: { ...actor, permissions: new Set<never>() } };
      await assert.rejects(
        handle.db
          .transaction()
          .execute((trx) => transition(trx, clerk, ticketWorkflow, { ...subject, state: 'open' }, 'assign')),
        (err: unknown) => err instanceof AppError && err.status === 403,
      );
      await assert.rejects(
        handle.db.transaction().execute(async (trx) => {
          await transition(trx, ctx, ticketWorkflow, { ...subject, state: 'open' }, 'assign');
          throw new Error('the caller failed to save its entity');
        }),
        /failed to save/,
      );
      assert.equal((await historyOf(handle.db, 'ticket', 'T-7', { page: 1, pageSize: 20 })).total, 0);
    });

    test('history pages in order', async () => {
      let state: 'open' | 'assigned' | 'closed' = 'open';
      for (let i = 0; i < 5; i += 1) {
        for (const action of ['assign', 'close', 'reopen'] as const) {
          state = await handle.db
            .transaction()
            .execute((trx) =>
              transition(
                trx,
                ctx,
                ticketWorkflow,
                { type: 'ticket', id: 99, orgPath: '/1/', state, entity: { answered: true } },
                action,
              ),
            );
        }
      }
      const page2 = await historyOf(handle.db, 'ticket', 99, { page: 2, pageSize: 4 });
      assert.equal(page2.total, 15);
      assert.deepEqual(
        page2.items.map((e) => e.action),
        ['close', 'reopen', 'assign', 'close'],
      );
      assert.ok(page2.items[0] && page2.items[1] && page2.items[0].id < page2.items[1].id);
    });
  });
}
