import type { Executor } from '../../platform/db/database.ts';
import { conflict, notFound } from '../../platform/http/errors.ts';
import { enqueue } from '../../platform/jobs/jobs.service.ts';
import { findOrgUnitInScope, idsOnPath } from '../../platform/orgs/orgs.repository.ts';
import type { TransitionContext } from '../../platform/workflow/index.ts';
import type { Ctx } from './dispatch.service.ts';
import { noticeUnits } from './notices.ts';
import { insertTransfer, lockTransfer, setTransferState } from './routing.repository.ts';
import {
  addTicketOrg,
  findTicketById,
  lockTicket,
  type TicketRow,
  updateTicket,
} from './tickets.repository.ts';
import { assertCentre, type HotlineDeps, lockTicketInScope, move } from './tickets.service.ts';

export const TRANSFER_JOB = 'hotline.transfer-deliver';

/** The lowest common ancestor of two paths: the hub that switches a transfer between them. */
export function hubOf(fromPath: string, toPath: string): number {
  const a = idsOnPath(fromPath);
  const b = idsOnPath(toPath);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  if (i === 0) throw new Error('paths share no root');
  return a[i - 1] as number;
}

/**
 * 跨市/跨省转办: to a centre outside this centre's area, switched by the province (same
 * province) or the ministry. The transfer is queued (ready to send) and delivered by a job.
 */
export async function transferTicket(
  trx: Executor,
  ctx: Ctx,
  id: number,
  input: { targetOrgId: number; note?: string | undefined },
) {
  const row = await lockTicketInScope(trx, ctx.actor.orgPath, id);
  assertCentre(ctx.actor.orgPath, row);
  const target = await findOrgUnitInScope(trx, input.targetOrgId, '/');
  if (target?.kind !== 'authority') throw notFound(`hotline centre ${input.targetOrgId}`);
  if (target.path.startsWith(row.centre_path))
    throw conflict(`${target.name} is in the centre's own area: dispatch instead`);
  const hubId = hubOf(row.centre_path, target.path);
  const hub = await findOrgUnitInScope(trx, hubId, '/');
  const route = hub?.level === 'ministry' ? 'ministry' : 'province';
  await move(trx, ctx, row, 'transferOut', { targetOrgId: target.id, route, note: input.note ?? null });
  const transfer = await insertTransfer(trx, {
    ticket_id: row.id,
    from_org_id: row.centre_org_id,
    to_org_id: target.id,
    hub_org_id: hubId,
    route,
    state: 'readyToSend',
    note: input.note ?? null,
    created_at: ctx.now,
    updated_at: ctx.now,
  });
  await addTicketOrg(trx, { ticket_id: row.id, org_unit_id: hubId, role: 'hub', since: ctx.now });
  await queueDelivery(trx, ctx, row.id, transfer.id);
  return transfer;
}

async function queueDelivery(trx: Executor, ctx: Ctx, ticketId: number, transferId: number) {
  await updateTicket(trx, ticketId, { handling_org_id: null, updated_at: ctx.now });
  await enqueue(trx, TRANSFER_JOB, { transferId }, { uniqueKey: `hotline.transfer:${transferId}` });
}

/**
 * Sends a failed transfer again (once the receiving centre is back): the sending centre takes its
 * ticket out of its dispatch queue again and the transfer is ready to send. The ticket must still
 * be waiting for dispatch there (the transfer guard), not dispatched or transferred meanwhile.
 */
export async function resendTransfer(trx: Executor, ctx: Ctx, transferId: number) {
  const transfer = await lockTransfer(trx, transferId);
  if (!transfer) throw notFound(`transfer ${transferId}`);
  const row = await lockTicketInScope(trx, ctx.actor.orgPath, transfer.ticket_id);
  assertCentre(ctx.actor.orgPath, row);
  if (transfer.state !== 'sendFailed')
    throw conflict(`transfer ${transferId} is ${transfer.state}, not failed`);
  if (row.centre_org_id !== transfer.from_org_id) throw conflict('the ticket has changed centre since');
  await move(trx, ctx, row, 'transferOut', {
    targetOrgId: transfer.to_org_id,
    route: transfer.route,
    transferId,
  });
  await setTransferState(trx, transferId, { state: 'readyToSend', updated_at: ctx.now });
  await queueDelivery(trx, ctx, row.id, transferId);
}

/**
 * Delivers one transfer. The receiving centre is on this instance today, so delivery hands the
 * ticket over (sent; done elsewhere once that centre closes it). A closed or merged target fails
 * the send and the ticket returns to the sender's dispatch queue. Idempotent: only a transfer
 * still ready to send is delivered.
 */
export async function deliverTransfer(trx: Executor, deps: HotlineDeps, transferId: number): Promise<string> {
  const transfer = await lockTransfer(trx, transferId);
  if (transfer?.state !== 'readyToSend') return transfer?.state ?? 'missing';
  await lockTicket(trx, transfer.ticket_id);
  const row = (await findTicketById(trx, transfer.ticket_id)) as TicketRow;
  const target = await findOrgUnitInScope(trx, transfer.to_org_id, '/');
  const system = (orgPath: string): TransitionContext => ({
    audit: {
      userId: null,
      username: 'hotline.exchange',
      orgUnitId: null,
      orgPath,
      ip: null,
      requestId: null,
    },
    actor: { userId: null, username: 'hotline.exchange', orgPath, permissions: new Set() },
    now: deps.now,
  });
  const attempts = transfer.attempts + 1;
  if (target?.status !== 'active') {
    await move(trx, system(row.centre_path), row, 'transferFailed', {
      transferId,
      reason: 'target_inactive',
    });
    await setTransferState(trx, transferId, {
      state: 'sendFailed',
      attempts,
      last_error: 'the receiving centre is not active',
      updated_at: deps.now,
    });
    return 'sendFailed';
  }
  await addTicketOrg(trx, { ticket_id: row.id, org_unit_id: target.id, role: 'centre', since: deps.now });
  await updateTicket(trx, row.id, { centre_org_id: target.id, updated_at: deps.now });
  const moved = (await findTicketById(trx, row.id)) as TicketRow;
  await move(trx, system(target.path), moved, 'transferReceived', { transferId, from: transfer.from_org_id });
  await setTransferState(trx, transferId, {
    state: 'sent',
    attempts,
    last_error: null,
    updated_at: deps.now,
  });
  await noticeUnits(
    trx,
    [target.id],
    {
      ticketId: row.id,
      ticketNo: row.ticket_no,
      title: `收到转来的12328工单：${row.ticket_no}`,
      body: row.description.slice(0, 100),
      category: 'hotline.ticket.transferred',
    },
    deps.now,
  );
  return 'sent';
}
