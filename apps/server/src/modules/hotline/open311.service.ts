import { randomBytes } from 'node:crypto';
import type { AuditContext } from '../../platform/audit/audit.service.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { beijingDateOf } from '../../platform/calendar/index.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError, badRequest, notFound } from '../../platform/http/errors.ts';
import { sm3Hex } from '../../platform/identity/secrets.ts';
import { findTokenCredential } from '../../platform/identity/sessions.repository.ts';
import { enqueue } from '../../platform/jobs/jobs.service.ts';
import { findCurrentCategory, listCategories } from './categories.repository.ts';
import type { CategoryField } from './hotline.tables.ts';
import { insertRequest, serviceTypes } from './open311.repository.ts';
import type { Open311ServiceType } from './open311.tables.ts';
import { type DecodedRequest, Open311List, type Open311Object } from './open311-format.ts';
import { DOMAINS } from './reference-data.ts';
import { validateFields } from './ticket.ts';
import { countHit } from './tickets.repository.ts';
import { createTicket, type HotlineDeps, type NewTicket } from './tickets.service.ts';

export const OPEN311_CREATE_JOB = 'hotline.open311.create';
/** POSTs per API key and minute. */
export const OPEN311_RATE_PER_MINUTE = 120;

const REQUEST_TYPES = [
  { key: 'complaint', name: '投诉举报' },
  { key: 'inquiry', name: '信息咨询' },
  { key: 'suggestion', name: '意见建议' },
  { key: 'helpRequest', name: '求助' },
] as const;
/** Offered on passenger-transport services: what the complaint is about (several may apply). */
const ISSUES = ['拒载', '绕路', '议价', '甩客', '服务态度', '车辆卫生', '安全隐患', '其他'] as const;
const ISSUE_DOMAINS = new Set(['roadTransport', 'urbanPassenger']);

const domainName = (key: string) => DOMAINS.find((d) => d.key === key)?.name ?? key;

const DATATYPE: Record<CategoryField['type'], string> = {
  text: 'string',
  plateNo: 'string',
  shipName: 'string',
  busLine: 'string',
  number: 'number',
  choice: 'singlevaluelist',
};
const DATATYPE_DESCRIPTION: Partial<Record<CategoryField['type'], string>> = {
  plateNo: '车牌号码，如 苏A12345',
  shipName: '船名',
  busLine: '线路名称或编号',
};

interface ServiceCategory {
  code: string;
  name: string;
  domain: string;
  fields: readonly CategoryField[];
}

/** The attributes of a service: the category's fields, then the request type and (some) issues. */
export function attributesOf(c: ServiceCategory): Open311Object[] {
  const attrs: Open311Object[] = c.fields.map((f) => ({
    variable: true,
    code: f.key,
    datatype: DATATYPE[f.type],
    required: f.required,
    datatype_description: DATATYPE_DESCRIPTION[f.type] ?? null,
    order: 0,
    description: f.label,
    values: new Open311List(
      'value',
      (f.choices ?? []).map((v) => ({ key: v, name: v })),
    ),
  }));
  attrs.push({
    variable: true,
    code: 'request_type',
    datatype: 'singlevaluelist',
    required: false,
    datatype_description: '诉求类型，默认投诉举报',
    order: 0,
    description: '诉求类型',
    values: new Open311List(
      'value',
      REQUEST_TYPES.map((t) => ({ key: t.key, name: t.name })),
    ),
  });
  if (ISSUE_DOMAINS.has(c.domain))
    attrs.push({
      variable: true,
      code: 'issues',
      datatype: 'multivaluelist',
      required: false,
      datatype_description: '可多选',
      order: 0,
      description: '涉及问题',
      values: new Open311List(
        'value',
        ISSUES.map((v) => ({ key: v, name: v })),
      ),
    });
  return attrs.map((a, i) => ({ ...a, order: i + 1 }));
}

export async function serviceList(db: Executor, now: Date): Promise<Open311List> {
  const [categories, types] = await Promise.all([listCategories(db, beijingDateOf(now)), serviceTypes(db)]);
  return new Open311List(
    'service',
    categories.map((c) => ({
      service_code: c.code,
      service_name: c.name,
      description: `${domainName(c.domain)}：${c.name}`,
      metadata: true,
      type: types.get(c.code) ?? 'realtime',
      keywords: [domainName(c.domain), c.name, ...c.fields.map((f) => f.label)].join(','),
      group: domainName(c.domain),
    })),
  );
}

async function categoryOrNotFound(db: Executor, code: string) {
  const category = await findCurrentCategory(db, code);
  if (!category) throw notFound(`service_code ${code} not found`);
  return category;
}

export async function serviceDefinition(db: Executor, code: string): Promise<Open311Object> {
  const category = await categoryOrNotFound(db, code);
  return { service_code: category.code, attributes: new Open311List('attribute', attributesOf(category)) };
}

/** The caller behind an api_key: a live platform API token of a user who may take tickets. */
export interface Open311Client {
  tokenId: number;
  userId: number;
  username: string;
  orgUnitId: number;
  orgPath: string;
}

const INVALID_KEY = "Invalid api_key received -- can't proceed with create_request.";

export async function open311Client(
  db: Executor,
  apiKey: string | undefined,
  now: Date,
): Promise<Open311Client> {
  const row = apiKey ? await findTokenCredential(db, sm3Hex(apiKey)) : undefined;
  const live =
    row &&
    !row.revoked_at &&
    row.user_status === 'active' &&
    !(row.expires_at && row.expires_at <= now) &&
    row.permissions.includes('hotline.intake');
  if (!row || !live) throw new AppError(403, 'forbidden', INVALID_KEY);
  return {
    tokenId: Number(row.id),
    userId: row.user_id,
    username: row.username,
    orgUnitId: row.org_unit_id,
    orgPath: row.org_path,
  };
}

/** Counts a POST against the key's budget; run in its own transaction so refused calls count too. */
export async function spendRate(trx: Executor, client: Open311Client, now: Date): Promise<void> {
  if ((await countHit(trx, sm3Hex(`open311:${client.tokenId}`), now, 60_000)) > OPEN311_RATE_PER_MINUTE)
    throw new AppError(
      429,
      'rate_limited',
      `more than ${OPEN311_RATE_PER_MINUTE} requests a minute for this api_key`,
    );
}

const MEDIA_URL = /^https?:\/\/[^\s]{1,2000}$/;
/** A POST's arguments as the ticket service takes them; every problem is a 400 or 404. */
export async function ticketInputOf(db: Executor, req: DecodedRequest, client: Open311Client, token: string) {
  const { args, attributes } = req;
  if (!args.service_code) throw badRequest('service_code is required');
  const category = await categoryOrNotFound(db, args.service_code);
  const lat = args.lat === undefined ? undefined : Number(args.lat);
  const lon = args.long === undefined ? undefined : Number(args.long);
  const hasPoint = lat !== undefined && lon !== undefined;
  if (hasPoint && !(Math.abs(lat) <= 90 && Math.abs(lon) <= 180))
    throw badRequest('lat and long must be WGS84 degrees');
  if ((lat === undefined) !== (lon === undefined)) throw badRequest('lat and long go together');
  if (!hasPoint && !args.address_string && !args.address_id)
    throw badRequest('a location is required: lat and long, address_string or address_id');
  if (args.description && args.description.length > 4000)
    throw badRequest('description is longer than 4000 characters');
  if (args.media_url && !MEDIA_URL.test(args.media_url)) throw badRequest('media_url must be an http(s) URL');
  if (args.email && !/^[^\s@]{1,64}@[^\s@]{1,255}$/.test(args.email))
    throw badRequest('email is not an address');
  const { request_type: type = 'complaint', issues, ...fields } = attributes;
  if (typeof type !== 'string' || !REQUEST_TYPES.some((t) => t.key === type))
    throw badRequest(`attribute[request_type] must be one of ${REQUEST_TYPES.map((t) => t.key).join(', ')}`);
  const issueList = issues === undefined ? [] : Array.isArray(issues) ? issues : [issues as string];
  if (issueList.length > 0 && !ISSUE_DOMAINS.has(category.domain))
    throw badRequest('unknown attribute issues');
  const stray = issueList.find((i) => !(ISSUES as readonly string[]).includes(i));
  if (stray) throw badRequest(`attribute[issues]: ${stray} is not one of ${ISSUES.join(', ')}`);
  const multi = Object.entries(fields).find(([, v]) => Array.isArray(v));
  if (multi) throw badRequest(`attribute[${multi[0]}] takes one value`);
  const checked = validateFields(category.fields, fields);
  if (!checked.ok) throw badRequest(`attribute ${checked.problem}`);
  // The spec forbids HTML in descriptions; markup is dropped rather than stored.
  const text = (args.description ?? '').replace(/<[^>]*>/g, '').trim();
  const issuesNote = issueList.length > 0 ? `【涉及：${[...new Set(issueList)].join('、')}】` : '';
  const name = [args.last_name, args.first_name].filter(Boolean).join('') || null;
  const input: NewTicket = {
    channel: 'app',
    externalId: `open311:${token}`,
    requestType: type as NewTicket['requestType'],
    categoryCode: category.code,
    fields: checked.fields,
    description: `${issuesNote}${text || category.name}`,
    locationText: args.address_string ?? (args.address_id ? `地址编号 ${args.address_id}` : null),
    lat: hasPoint ? lat : null,
    lon: hasPoint ? lon : null,
    requesterName: name,
    requesterPhone: args.phone ?? null,
    centreOrgId: client.orgUnitId,
    createdBy: client.userId,
  };
  return { input, mediaUrl: args.media_url ?? null };
}

export const toNewTicket = (payload: Record<string, unknown>): NewTicket => payload as unknown as NewTicket;

/**
 * What the request log keeps once the ticket holds the request: no name, no phone, and no free
 * text (citizens write their numbers into it).
 */
export const withoutPersonal = (input: NewTicket): Record<string, unknown> => {
  const { requesterName: _n, requesterPhone: _p, description: _d, ...rest } = input;
  return rest;
};

const auditOf = (client: Open311Client, ip: string | null, requestId: string | null): AuditContext => ({
  userId: client.userId,
  username: client.username,
  orgUnitId: client.orgUnitId,
  orgPath: client.orgPath,
  ip,
  requestId,
});

/** Builds the context in which an Open311 client creates tickets (its own centre, intake only). */
export const ticketContext = (client: Open311Client, audit: AuditContext, now: Date) => ({
  audit,
  actor: {
    userId: client.userId,
    username: client.username,
    orgPath: client.orgPath,
    permissions: new Set(['hotline.intake' as const]),
  },
  now,
});

/**
 * POST requests: a realtime service creates the ticket now and returns its tracking number; a
 * batch service queues it and returns a token that /tokens/{token} resolves once the job ran.
 */
export async function submitRequest(
  trx: Executor,
  deps: HotlineDeps,
  client: Open311Client,
  req: DecodedRequest,
  meta: { ip: string | null; requestId: string | null },
): Promise<
  { token: string; service_notice: string } | { service_request_id: string; service_notice: string }
> {
  const token = randomBytes(16).toString('hex');
  const { input, mediaUrl } = await ticketInputOf(trx, req, client, token);
  const type: Open311ServiceType = (await serviceTypes(trx)).get(input.categoryCode) ?? 'realtime';
  const audit = auditOf(client, meta.ip, meta.requestId);
  const base = {
    token,
    api_token_id: client.tokenId,
    user_id: client.userId,
    centre_org_id: client.orgUnitId,
    service_code: input.categoryCode,
    media_url: mediaUrl,
    error: null,
    created_at: deps.now,
    updated_at: deps.now,
  };
  if (type === 'batch') {
    const id = await insertRequest(trx, {
      ...base,
      payload: { ...input },
      status: 'pending',
      ticket_id: null,
    });
    await enqueue(trx, OPEN311_CREATE_JOB, { requestId: id });
    await recordAudit(trx, audit, {
      action: 'hotline.open311.request.queue',
      objectType: 'open311_request',
      objectId: id,
      after: { token, serviceCode: input.categoryCode },
    });
    return { token, service_notice: '诉求已收到，工单生成后可凭 token 查询流水号。' };
  }
  const created = await createTicket(trx, ticketContext(client, audit, deps.now), deps, input);
  const id = await insertRequest(trx, {
    ...base,
    payload: withoutPersonal(input),
    status: 'created',
    ticket_id: created.ticket.id,
  });
  await recordAudit(trx, audit, {
    action: 'hotline.open311.request.create',
    objectType: 'open311_request',
    objectId: id,
    after: { token, serviceCode: input.categoryCode, ticketNo: created.ticket.ticket_no },
  });
  return {
    service_request_id: created.ticket.ticket_no,
    service_notice: `流水号 ${created.ticket.ticket_no}，提取码 ${created.queryCode}，可凭此查询办理进度。`,
  };
}
