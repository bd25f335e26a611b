import { type AuditContext, type AuditEntry, recordAudit } from '../audit/audit.service.ts';
import type { Executor } from '../db/database.ts';
import { AppError } from '../http/errors.ts';
import type { PageQuery, PageResult } from '../http/pagination.ts';
import { listHistory, recordTransition, type WorkflowEventRow } from './workflow.repository.ts';
import { apply, type WorkflowActor, type WorkflowDefinition } from './workflow.ts';

export interface TransitionContext {
  readonly audit: AuditContext;
  readonly actor: WorkflowActor;
  readonly now: Date;
}

/** The entity a transition moves: the caller loaded it (ideally `for update`) and will save it. */
export interface WorkflowSubject<S extends string, E> {
  readonly type: string;
  readonly id: string | number;
  readonly state: S;
  /** The entity's org path; its history is filed under it. */
  readonly orgPath: string | null;
  readonly entity?: E;
}

/**
 * Takes one transition inside the caller's transaction: decides it, records the history row and
 * the audit entry, and returns the new state for the caller to write to its own row. A refusal
 * throws: 409 for a transition that does not exist or a guard that says no (the reason in
 * `details`), 403 for a missing permission. With `deferAudit`, the audit entry is appended to that
 * list instead, for the caller to record (recordAudits) later in the same transaction.
 */
export async function transition<S extends string, A extends string, E, R extends string>(
  trx: Executor,
  ctx: TransitionContext,
  def: WorkflowDefinition<S, A, E, R>,
  subject: WorkflowSubject<S, E>,
  action: A,
  note?: unknown,
  options: { deferAudit?: AuditEntry[] } = {},
): Promise<S> {
  const result = apply(def, { state: subject.state, action, actor: ctx.actor, entity: subject.entity as E });
  if (!result.ok) {
    if (result.reason === 'not_permitted')
      throw new AppError(403, 'forbidden', `${def.name}: not permitted to ${action}`, {
        reason: result.reason,
      });
    const message =
      result.reason === 'no_such_transition'
        ? `${def.name}: cannot ${action} from state ${subject.state}`
        : `${def.name}: ${action} refused (${result.reason})`;
    throw new AppError(409, 'conflict', message, { reason: result.reason });
  }
  await recordTransition(trx, {
    entity_type: subject.type,
    entity_id: String(subject.id),
    workflow: def.name,
    from_state: result.from,
    to_state: result.to,
    action,
    actor_user_id: ctx.actor.userId,
    actor_username: ctx.actor.username,
    org_path: subject.orgPath ?? ctx.actor.orgPath,
    at: ctx.now,
    note: note ?? null,
  });
  const entry: AuditEntry = {
    action: `${def.name}.${action}`,
    objectType: subject.type,
    objectId: subject.id,
    before: { state: result.from },
    after: { state: result.to, note: note ?? null },
  };
  if (options.deferAudit) options.deferAudit.push(entry);
  else await recordAudit(trx, ctx.audit, entry);
  return result.to;
}

export interface WorkflowEvent {
  readonly id: number;
  readonly workflow: string;
  readonly fromState: string;
  readonly toState: string;
  readonly action: string;
  readonly actorUserId: number | null;
  readonly actorUsername: string | null;
  readonly at: string;
  readonly note: unknown;
}

export const toWorkflowEvent = (row: WorkflowEventRow): WorkflowEvent => ({
  id: row.id,
  workflow: row.workflow,
  fromState: row.from_state,
  toState: row.to_state,
  action: row.action,
  actorUserId: row.actor_user_id,
  actorUsername: row.actor_username,
  at: row.at.toISOString(),
  note: row.note,
});

/** The entity's history for display; the caller has already checked the entity is in jurisdiction. */
export async function historyOf(
  db: Executor,
  entityType: string,
  entityId: string | number,
  page: PageQuery,
): Promise<PageResult<WorkflowEvent>> {
  const result = await listHistory(db, entityType, entityId, page);
  return { ...result, items: result.items.map(toWorkflowEvent) };
}
