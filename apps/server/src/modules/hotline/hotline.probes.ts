import assert from 'node:assert/strict';
import type { Session, TestApp } from '../../../test/harness.ts';
import { SYSTEM_CONTEXT } from '../../platform/audit/audit.service.ts';
import { PERMISSIONS } from '../../platform/identity/permissions.ts';
import { dispatchTicket } from './dispatch.service.ts';
import { createTicket, hotlineCalendar } from './tickets.service.ts';

/**
 * Jurisdiction probes of the hotline module, used by src/jurisdiction.test.ts: a 玄武区 user
 * holding every permission against tickets of 鼓楼区 (a sibling county) and of 南京 city that
 * were dispatched to 鼓楼区 only.
 */
export interface HotlineProbeWorld {
  t: TestApp;
  county: Session;
  hotline: ForeignHotline;
}

export interface ForeignHotline {
  /** Owned by 鼓楼区, dispatched nowhere. */
  ticketId: number;
  ticketNo: string;
  queryCode: string;
  /** A routing rule of 鼓楼区. */
  ruleId: number;
  glOrgId: number;
  /** Owned by 南京 city, dispatched to 鼓楼区 only: 玄武区 must not see it either. */
  cityTicketId: number;
  cityTicketNo: string;
}

export const HOTLINE_MARKER = '鼓楼工单探针';

export async function seedForeignHotline(t: TestApp): Promise<ForeignHotline> {
  const gl = await t.orgId('320106');
  const glOrg = await t.handle.db
    .selectFrom('org_unit')
    .select('path')
    .where('id', '=', gl)
    .executeTakeFirstOrThrow();
  const now = t.clock.now();
  const created = await t.handle.db.transaction().execute(async (trx) =>
    createTicket(
      trx,
      {
        audit: SYSTEM_CONTEXT,
        actor: { userId: null, username: 'probe', orgPath: glOrg.path, permissions: new Set(PERMISSIONS) },
        now,
      },
      { secretBox: t.app.platform.secretBox, calendar: await hotlineCalendar(trx), now },
      {
        channel: 'phone',
        requestType: 'complaint',
        categoryCode: '0301',
        fields: { plateNo: '苏A9G106' },
        description: `${HOTLINE_MARKER}：出租车绕路`,
        requesterPhone: '13900000106',
        centreOrgId: gl,
        regionOrgId: gl,
      },
    ),
  );
  const rule = await t.handle.db
    .insertInto('hotline_routing_rule')
    .values({ owner_org_id: gl, handling_org_id: gl, category_prefix: '04', created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  const nj = await t.orgId('320100');
  const city = await t.handle.db.transaction().execute(async (trx) => {
    const ctx = {
      audit: SYSTEM_CONTEXT,
      actor: { userId: null, username: 'probe', orgPath: '/', permissions: new Set(PERMISSIONS) },
      now,
    };
    const deps = { secretBox: t.app.platform.secretBox, calendar: await hotlineCalendar(trx), now };
    const c = await createTicket(trx, ctx, deps, {
      channel: 'phone',
      requestType: 'complaint',
      categoryCode: '0401',
      fields: { busLine: '鼓楼探针线' },
      description: `${HOTLINE_MARKER}：公交甩站`,
      requesterPhone: '13900000106',
      centreOrgId: nj,
    });
    await dispatchTicket(trx, ctx, deps, c.ticket.id, { handlingOrgId: gl });
    await trx
      .insertInto('hotline_urge')
      .values({
        ticket_id: c.ticket.id,
        kind: 'urge',
        issuer_org_id: nj,
        target_org_id: gl,
        demand: HOTLINE_MARKER,
        issued_at: now,
      })
      .execute();
    await trx
      .insertInto('hotline_extension')
      .values({
        ticket_id: c.ticket.id,
        org_unit_id: gl,
        days: 3,
        reason: HOTLINE_MARKER,
        legal_basis: HOTLINE_MARKER,
        requested_at: now,
      })
      .execute();
    // A callback owed on the sibling's ticket (as if it had been closed and sampled).
    await trx
      .insertInto('hotline_callback')
      .values({
        ticket_id: created.ticket.id,
        caller_ticket_id: created.ticket.id,
        round: 1,
        due_at: now,
        state: 'pending',
      })
      .execute();
    return { id: c.ticket.id, no: c.ticket.ticket_no };
  });
  return {
    ticketId: created.ticket.id,
    ticketNo: created.ticket.ticket_no,
    queryCode: created.queryCode,
    ruleId: rule.id,
    glOrgId: gl,
    cityTicketId: city.id,
    cityTicketNo: city.no,
  };
}

async function denied(w: HotlineProbeWorld, method: string, url: string, body?: unknown) {
  const res = await w.t.as(w.county, method, url, body);
  assert.ok([403, 404].includes(res.statusCode), `${method} ${url} answered ${res.statusCode}: ${res.body}`);
}

async function noForeign(w: HotlineProbeWorld, url: string) {
  const res = await w.t.as(w.county, 'GET', url);
  assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
  for (const marker of [
    HOTLINE_MARKER,
    '鼓楼区交通运输局',
    '13900000106',
    w.hotline.ticketNo,
    w.hotline.cityTicketNo,
  ])
    assert.ok(!res.body.includes(marker), `${url} leaks ${marker}`);
}

const tk = (w: HotlineProbeWorld) => `/api/hotline/tickets/${w.hotline.ticketId}`;
const city = (w: HotlineProbeWorld) => `/api/hotline/tickets/${w.hotline.cityTicketId}`;

/** Both foreign tickets: the sibling's own, and the city's one dispatched to the sibling. */
async function deniedOnBoth(w: HotlineProbeWorld, action: string, body?: unknown) {
  await denied(w, 'POST', `${tk(w)}/${action}`, body);
  await denied(w, 'POST', `${city(w)}/${action}`, body);
}

export const HOTLINE_PROBES: Record<string, (w: HotlineProbeWorld) => Promise<void>> = {
  'GET /api/hotline/tickets': (w) => noForeign(w, '/api/hotline/tickets?pageSize=200'),
  'GET /api/hotline/tickets/{id}/replies': async (w) => {
    await denied(w, 'GET', `${tk(w)}/replies`);
    await denied(w, 'GET', `${city(w)}/replies`);
  },
  'GET /api/hotline/tickets/{id}': async (w) => {
    await denied(w, 'GET', tk(w));
    await denied(w, 'GET', city(w));
  },
  // The code table is instance-wide: only the root of the tree publishes a version.
  'POST /api/hotline/categories': (w) =>
    denied(w, 'POST', '/api/hotline/categories', {
      code: '0301',
      domain: 'roadTransport',
      name: '越权',
      fields: [],
      validFrom: '2027-01-01',
    }),
  'GET /api/hotline/routing-rules': (w) => noForeign(w, '/api/hotline/routing-rules?pageSize=200'),
  'POST /api/hotline/routing-rules': (w) =>
    denied(w, 'POST', '/api/hotline/routing-rules', { handlingOrgId: w.hotline.glOrgId }),
  'DELETE /api/hotline/routing-rules/{id}': (w) =>
    denied(w, 'DELETE', `/api/hotline/routing-rules/${w.hotline.ruleId}`),
  'POST /api/hotline/routing/preview': async (w) => {
    const res = await w.t.as(w.county, 'POST', '/api/hotline/routing/preview', {
      requestType: 'complaint',
      categoryCode: '0401',
      regionOrgId: w.hotline.glOrgId,
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().source, 'none', 'neither the sibling’s rules nor its area route a county ticket');
  },
  'GET /api/hotline/transfers': (w) => noForeign(w, '/api/hotline/transfers?pageSize=200'),
  'POST /api/hotline/transfers/{id}/resend': async (w) => {
    const db = w.t.handle.db;
    const ticket = await db
      .selectFrom('hotline_ticket')
      .select('centre_org_id')
      .where('id', '=', w.hotline.ticketId)
      .executeTakeFirstOrThrow();
    const failed = await db
      .insertInto('hotline_transfer')
      .values({
        ticket_id: w.hotline.ticketId,
        from_org_id: ticket.centre_org_id,
        to_org_id: await w.t.orgId('320500'),
        hub_org_id: await w.t.orgId('320000'),
        route: 'province',
        state: 'sendFailed',
        created_at: new Date(),
        updated_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await denied(w, 'POST', `/api/hotline/transfers/${failed.id}/resend`);
  },
  'POST /api/hotline/tickets/{id}/extensions': (w) =>
    deniedOnBoth(w, 'extensions', { days: 1, reason: '越权', legalBasis: '越权' }),
  'POST /api/hotline/tickets/{id}/extensions/{extensionId}/decision': async (w) => {
    const ext = await w.t.handle.db
      .selectFrom('hotline_extension')
      .select('id')
      .where('ticket_id', '=', w.hotline.cityTicketId)
      .executeTakeFirstOrThrow();
    await denied(w, 'POST', `${city(w)}/extensions/${ext.id}/decision`, { approve: true });
  },
  'GET /api/hotline/extensions': (w) => noForeign(w, '/api/hotline/extensions?pageSize=200'),
  'POST /api/hotline/tickets/{id}/citizen-requests': (w) =>
    deniedOnBoth(w, 'citizen-requests', { question: '越权' }),
  'GET /api/hotline/tickets/{id}/citizen-requests': async (w) => {
    await denied(w, 'GET', `${tk(w)}/citizen-requests`);
    await denied(w, 'GET', `${city(w)}/citizen-requests`);
  },
  'POST /api/hotline/tickets/{id}/citizen-answer': (w) =>
    deniedOnBoth(w, 'citizen-answer', { answer: '越权' }),
  'POST /api/hotline/tickets/{id}/urges': (w) =>
    deniedOnBoth(w, 'urges', { kind: 'supervision', demand: '越权' }),
  'POST /api/hotline/tickets/{id}/urges/{urgeId}/answer': async (w) => {
    const urge = await w.t.handle.db
      .selectFrom('hotline_urge')
      .select('id')
      .where('ticket_id', '=', w.hotline.cityTicketId)
      .executeTakeFirstOrThrow();
    await denied(w, 'POST', `${city(w)}/urges/${urge.id}/answer`, { answer: '越权' });
  },
  'GET /api/hotline/urges': (w) => noForeign(w, '/api/hotline/urges?pageSize=200'),
  'GET /api/hotline/cards/by-unit': async (w) => {
    // Supervised for the probe, so that a leak would show 鼓楼's row.
    const ids = [w.hotline.ticketId, w.hotline.cityTicketId];
    const supervise = (supervised: boolean) =>
      w.t.handle.db.updateTable('hotline_ticket').set({ supervised }).where('id', 'in', ids).execute();
    await supervise(true);
    try {
      await noForeign(w, '/api/hotline/cards/by-unit?pageSize=200');
    } finally {
      await supervise(false);
    }
  },
  'POST /api/hotline/tickets/{id}/reply': (w) =>
    deniedOnBoth(w, 'reply', { facts: '越权', handling: '越权', legalBasis: '越权' }),
  'POST /api/hotline/tickets/{id}/review': (w) => deniedOnBoth(w, 'review', { approve: true }),
  'POST /api/hotline/tickets/{id}/merge': async (w) => {
    await deniedOnBoth(w, 'merge', { targetId: w.hotline.cityTicketId });
    const xw = await w.t.orgId('320102');
    const now = w.t.clock.now();
    const own = await w.t.handle.db.transaction().execute(async (trx) =>
      createTicket(
        trx,
        {
          audit: SYSTEM_CONTEXT,
          actor: { userId: null, username: 'probe', orgPath: '/', permissions: new Set(PERMISSIONS) },
          now,
        },
        { secretBox: w.t.app.platform.secretBox, calendar: await hotlineCalendar(trx), now },
        {
          channel: 'phone',
          requestType: 'inquiry',
          categoryCode: '0801',
          description: '玄武探针',
          centreOrgId: xw,
        },
      ),
    );
    await denied(w, 'POST', `/api/hotline/tickets/${own.ticket.id}/merge`, { targetId: w.hotline.ticketId });
  },
  'POST /api/hotline/tickets/{id}/unmerge': (w) => deniedOnBoth(w, 'unmerge'),
  'POST /api/hotline/tickets/{id}/split': (w) =>
    deniedOnBoth(w, 'split', {
      parts: [{ requestType: 'inquiry', categoryCode: '0801', description: '越权' }],
    }),
  'POST /api/hotline/tickets/{id}/cancel': (w) => deniedOnBoth(w, 'cancel', { reason: '越权' }),
  'POST /api/hotline/tickets/{id}/notes': (w) => deniedOnBoth(w, 'notes', { body: '越权' }),
  'GET /api/hotline/callbacks': (w) => noForeign(w, '/api/hotline/callbacks?pageSize=200'),
  'POST /api/hotline/callbacks/{id}': async (w) => {
    const cb = await w.t.handle.db
      .selectFrom('hotline_callback')
      .select('id')
      .where('ticket_id', '=', w.hotline.ticketId)
      .executeTakeFirstOrThrow();
    await denied(w, 'POST', `/api/hotline/callbacks/${cb.id}`, { satisfaction: 'satisfied' });
  },
  'POST /api/hotline/tickets/{id}/dispatch': (w) => deniedOnBoth(w, 'dispatch', {}),
  'POST /api/hotline/tickets/{id}/reroute': (w) => deniedOnBoth(w, 'reroute', {}),
  'POST /api/hotline/tickets/{id}/sign-for': (w) => deniedOnBoth(w, 'sign-for'),
  'POST /api/hotline/tickets/{id}/send-back': (w) =>
    deniedOnBoth(w, 'send-back', { reasonCode: 'wrongArea' }),
  'POST /api/hotline/tickets/{id}/recategorise': (w) =>
    deniedOnBoth(w, 'recategorise', { categoryCode: '0801' }),
  'POST /api/hotline/tickets/{id}/location': (w) => deniedOnBoth(w, 'location', { locationText: '越权地点' }),
  'POST /api/hotline/tickets/{id}/transfer': (w) =>
    deniedOnBoth(w, 'transfer', { targetOrgId: w.hotline.glOrgId }),
  'GET /api/hotline/tickets/by-no/{ticketNo}': (w) =>
    denied(w, 'GET', `/api/hotline/tickets/by-no/${w.hotline.ticketNo}`),
  'GET /api/hotline/tickets/{id}/history': (w) => denied(w, 'GET', `${tk(w)}/history`),
  'GET /api/hotline/tickets/duplicates': (w) =>
    noForeign(
      w,
      `/api/hotline/tickets/duplicates?phone=13900000106&plateNo=${encodeURIComponent('苏A9G106')}`,
    ),
  'GET /api/hotline/callers/{phone}/tickets': (w) => noForeign(w, '/api/hotline/callers/13900000106/tickets'),
  // Intake always files the ticket under the caller's own centre; a foreign region is only the place.
  'POST /api/hotline/tickets': async (w) => {
    const res = await w.t.as(w.county, 'POST', '/api/hotline/tickets', {
      requestType: 'inquiry',
      categoryCode: '0801',
      description: '探针',
      regionOrgId: 999_999,
    });
    assert.equal(res.statusCode, 400, res.body);
  },
  'POST /api/hotline/intake': async (w) => {
    const res = await w.t.as(w.county, 'POST', '/api/hotline/intake', {
      requestType: 'inquiry',
      categoryCode: '0801',
      description: '探针',
      channel: 'sms',
      externalId: 'probe',
      regionOrgId: 999_999,
    });
    assert.equal(res.statusCode, 400, res.body);
  },
};

export const HOTLINE_EXEMPT: Record<string, string> = {
  'GET /api/hotline/states': 'the constant state catalogue',
  'GET /api/hotline/categories': 'the category code table is national reference data',
  'GET /api/hotline/reasons': 'the reason codes are national reference data',
  'GET /api/hotline/request-types': 'the time limits per type are instance-wide reference data',
  'POST /api/hotline/public/tickets':
    'public: files a ticket with the centre of the place named, nothing else',
  'POST /api/hotline/public/attachments': 'public: an unattached upload only its token can claim',
  'GET /api/hotline/public/attachments/limits': 'public: the upload limits of the instance, no data',
  'GET /api/hotline/public/tickets/{ticketNo}':
    'public: tracking number plus query code, citizen-visible fields only',
  'GET /api/hotline/public/regions': 'public: names and codes of the transport authorities',
  'POST /api/hotline/public/tickets/{ticketNo}/answer':
    'public: tracking number plus query code, and only while the ticket waits for the citizen',
};

/** The foreign ticket is where it was: nothing the prober did moved it. */
export async function assertForeignHotlineUnchanged(w: HotlineProbeWorld): Promise<void> {
  const row = await w.t.handle.db
    .selectFrom('hotline_ticket')
    .select(['state', 'handling_org_id', 'urge_count', 'supervised'])
    .where('id', '=', w.hotline.ticketId)
    .executeTakeFirstOrThrow();
  assert.deepEqual(row, { state: 'dispatching', handling_org_id: null, urge_count: 0, supervised: false });
  const cityRow = await w.t.handle.db
    .selectFrom('hotline_ticket')
    .select(['state', 'handling_org_id', 'category_code'])
    .where('id', '=', w.hotline.cityTicketId)
    .executeTakeFirstOrThrow();
  assert.deepEqual(cityRow, {
    state: 'dispatched',
    handling_org_id: w.hotline.glOrgId,
    category_code: '0401',
  });
  const rule = await w.t.handle.db
    .selectFrom('hotline_routing_rule')
    .select('active')
    .where('id', '=', w.hotline.ruleId)
    .executeTakeFirstOrThrow();
  assert.equal(rule.active, true);
  const open = await w.t.handle.db
    .selectFrom('hotline_urge')
    .select(['answer'])
    .where('ticket_id', '=', w.hotline.cityTicketId)
    .execute();
  assert.deepEqual(open, [{ answer: null }]);
  const ext = await w.t.handle.db
    .selectFrom('hotline_extension')
    .select(['decision'])
    .where('ticket_id', '=', w.hotline.cityTicketId)
    .execute();
  assert.deepEqual(ext, [{ decision: 'pending' }]);
  const cb = await w.t.handle.db
    .selectFrom('hotline_callback')
    .select(['state'])
    .where('ticket_id', '=', w.hotline.ticketId)
    .execute();
  assert.deepEqual(cb, [{ state: 'pending' }]);
  const notes = await w.t.handle.db
    .selectFrom('hotline_ticket_note')
    .select('id')
    .where('ticket_id', 'in', [w.hotline.ticketId, w.hotline.cityTicketId])
    .execute();
  assert.deepEqual(notes, []);
}
