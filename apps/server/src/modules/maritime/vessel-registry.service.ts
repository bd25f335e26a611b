// The MMSI/vessel registry. Contacts (owner, operator, emergency contact) are personal data: no
// list and no plain read carries them, the audit log records only that they changed, and every
// read of them (maritime.contacts.read) appends an audit entry in the read's transaction.
import { type AuditContext, recordAudit } from '../../platform/audit/audit.service.ts';
import type { Executor } from '../../platform/db/database.ts';
import { badRequest, conflict, notFound } from '../../platform/http/errors.ts';
import { offsetOf, type PageResult, toPage } from '../../platform/http/pagination.ts';
import type { Actor } from '../../platform/identity/actor.ts';
import { flagOfMid, MID_REGIONS, type MmsiProblem, validateMmsi } from './mid.ts';
import { assertOrgInScope } from './org-scope.ts';
import type { VesselRegistryTable } from './sar.tables.ts';
import { categoryOfShipType, shipTypeName } from './ship-types.ts';
import {
  type ContactsRow,
  deleteEntry,
  findContactsInScope,
  findEntryInScope,
  insertEntry,
  listEntries,
  mmsiRegistered,
  type RegistryRow,
  updateEntry,
} from './vessel-registry.repository.ts';
import type {
  CreateRegistryBody,
  MmsiInfoDto,
  PatchRegistryBody,
  RegistryContactsDto,
  RegistryEntryDto,
  RegistryQuery,
  VesselContacts,
} from './vessel-registry.schemas.ts';

const zhNames = new Intl.DisplayNames(['zh-CN'], { type: 'region' });
const enNames = new Intl.DisplayNames(['en'], { type: 'region' });

function flagName(code: string | null) {
  if (!code) return null;
  // A MID's own name first (中国台湾 and the like), else CLDR's.
  for (const [mid, c] of MID_REGIONS) {
    if (c === code) {
      const f = flagOfMid(mid);
      if (f) return { zh: f.nameZh, en: f.nameEn };
    }
  }
  return { zh: zhNames.of(code) ?? code, en: enNames.of(code) ?? code };
}

export function toRegistryEntryDto(row: RegistryRow): RegistryEntryDto {
  return {
    id: row.id,
    mmsi: row.mmsi,
    mmsiKind: row.mmsi_kind as RegistryEntryDto['mmsiKind'],
    imo: row.imo,
    callSign: row.call_sign,
    name: row.name,
    flag: row.flag,
    flagName: flagName(row.flag),
    shipType: row.ship_type,
    shipTypeName: shipTypeName(row.ship_type),
    category: categoryOfShipType(row.ship_type),
    lengthM: row.length_m,
    grossTonnage: row.gross_tonnage,
    notes: row.notes,
    hasContacts: row.has_contacts,
    orgUnitId: row.org_unit_id,
    orgName: row.org_name,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

const party = (name: string | null, phone: string | null, email: string | null) =>
  name === null ? null : { name, phone, email };

export const contactsOf = (r: ContactsRow): VesselContacts => ({
  owner: party(r.owner_name, r.owner_phone, r.owner_email),
  operator: party(r.operator_name, r.operator_phone, r.operator_email),
  emergency: party(r.emergency_name, r.emergency_phone, r.emergency_email),
});

function contactColumns(c: VesselContacts | undefined) {
  if (c === undefined) return {};
  return {
    owner_name: c.owner?.name ?? null,
    owner_phone: c.owner?.phone ?? null,
    owner_email: c.owner?.email ?? null,
    operator_name: c.operator?.name ?? null,
    operator_phone: c.operator?.phone ?? null,
    operator_email: c.operator?.email ?? null,
    emergency_name: c.emergency?.name ?? null,
    emergency_phone: c.emergency?.phone ?? null,
    emergency_email: c.emergency?.email ?? null,
  };
}

const PROBLEM_TEXT: Record<MmsiProblem, string> = {
  unknownFormat:
    'is not a ship, coast, group, SAR aircraft, craft, AtoN, SART, MOB, EPIRB or handheld number',
  unallocatedMid: 'carries a MID that ITU has not allocated',
  manufacturerId: 'has manufacturer id 00 (AIS-SART, MOB and EPIRB-AIS numbers carry 01-99)',
};

export function mmsiInfo(mmsi: number): MmsiInfoDto {
  const v = validateMmsi(mmsi);
  return {
    mmsi,
    valid: v.problem === null,
    kind: v.kind,
    mid: v.mid,
    flag: v.mid === null ? null : flagOfMid(v.mid),
    problem: v.problem,
  };
}

/** IMO numbers: the 7th digit is Σ dᵢ·(8−i) for i = 1…6, mod 10 (SOLAS XI-1/3, IMO res. A.1117(30)). */
export function imoCheckDigitValid(imo: number): boolean {
  const s = String(imo);
  if (!/^\d{7}$/.test(s)) return false;
  let sum = 0;
  for (let i = 0; i < 6; i++) sum += Number(s[i]) * (7 - i);
  return sum % 10 === Number(s[6]);
}

function assertIdentity(body: { imo?: number | null | undefined }) {
  if (body.imo != null && !imoCheckDigitValid(body.imo))
    throw badRequest(`IMO ${body.imo}: wrong check digit`);
}

/** What the audit log keeps: the entry without its contacts, and whether there are any. */
const auditView = (r: RegistryRow) => ({
  mmsi: r.mmsi,
  imo: r.imo,
  callSign: r.call_sign,
  name: r.name,
  flag: r.flag,
  shipType: r.ship_type,
  orgUnitId: r.org_unit_id,
  hasContacts: r.has_contacts,
});

export async function entryPage(
  db: Executor,
  actor: Actor,
  q: RegistryQuery,
): Promise<PageResult<RegistryEntryDto>> {
  const result = await listEntries(db, actor.orgPath, q, q.pageSize, offsetOf(q));
  return toPage(result, q, toRegistryEntryDto);
}

export async function entryInScope(db: Executor, actor: Actor, id: number): Promise<RegistryRow> {
  const row = await findEntryInScope(db, id, actor.orgPath);
  if (!row) throw notFound(`registry entry ${id}`);
  return row;
}

export async function createEntry(
  trx: Executor,
  ctx: AuditContext,
  actor: Actor,
  body: CreateRegistryBody,
  now: Date,
): Promise<RegistryRow> {
  await assertOrgInScope(trx, actor, body.orgUnitId);
  const v = validateMmsi(body.mmsi);
  if (v.problem) throw badRequest(`MMSI ${body.mmsi} ${PROBLEM_TEXT[v.problem]}`);
  assertIdentity(body);
  if (await mmsiRegistered(trx, body.mmsi)) throw conflict(`MMSI ${body.mmsi} is already in the registry`);
  const row: Omit<VesselRegistryTable, 'id' | 'created_at'> & { created_at: Date } = {
    mmsi: body.mmsi,
    mmsi_kind: v.kind,
    imo: body.imo ?? null,
    call_sign: body.callSign ?? null,
    name: body.name,
    flag: body.flag !== undefined ? body.flag : v.mid === null ? null : (MID_REGIONS.get(v.mid) ?? null),
    ship_type: body.shipType ?? null,
    length_m: body.lengthM ?? null,
    gross_tonnage: body.grossTonnage ?? null,
    notes: body.notes ?? null,
    owner_name: null,
    owner_phone: null,
    owner_email: null,
    operator_name: null,
    operator_phone: null,
    operator_email: null,
    emergency_name: null,
    emergency_phone: null,
    emergency_email: null,
    ...contactColumns(body.contacts),
    org_unit_id: body.orgUnitId,
    created_at: now,
    updated_at: now,
  };
  const id = await insertEntry(trx, row);
  const created = (await findEntryInScope(trx, id, actor.orgPath)) as RegistryRow;
  await recordAudit(trx, ctx, {
    action: 'maritime.registry.create',
    objectType: 'vessel_registry',
    objectId: id,
    after: auditView(created),
    orgUnitId: created.org_unit_id,
    orgPath: created.org_path,
  });
  return created;
}

export async function changeEntry(
  trx: Executor,
  ctx: AuditContext,
  actor: Actor,
  id: number,
  patch: PatchRegistryBody,
  now: Date,
): Promise<RegistryRow> {
  const before = await entryInScope(trx, actor, id);
  if (patch.orgUnitId !== undefined) await assertOrgInScope(trx, actor, patch.orgUnitId);
  assertIdentity(patch);
  await updateEntry(trx, id, {
    ...(patch.imo !== undefined && { imo: patch.imo }),
    ...(patch.callSign !== undefined && { call_sign: patch.callSign }),
    ...(patch.name !== undefined && { name: patch.name }),
    ...(patch.flag !== undefined && { flag: patch.flag }),
    ...(patch.shipType !== undefined && { ship_type: patch.shipType }),
    ...(patch.lengthM !== undefined && { length_m: patch.lengthM }),
    ...(patch.grossTonnage !== undefined && { gross_tonnage: patch.grossTonnage }),
    ...(patch.notes !== undefined && { notes: patch.notes }),
    ...(patch.orgUnitId !== undefined && { org_unit_id: patch.orgUnitId }),
    ...contactColumns(patch.contacts),
    updated_at: now,
  });
  const after = (await findEntryInScope(trx, id, actor.orgPath)) as RegistryRow;
  await recordAudit(trx, ctx, {
    action: 'maritime.registry.update',
    objectType: 'vessel_registry',
    objectId: id,
    before: auditView(before),
    after: { ...auditView(after), contactsChanged: patch.contacts !== undefined },
    orgUnitId: after.org_unit_id,
    orgPath: after.org_path,
  });
  return after;
}

export async function removeEntry(trx: Executor, ctx: AuditContext, actor: Actor, id: number): Promise<void> {
  const before = await entryInScope(trx, actor, id);
  await deleteEntry(trx, id);
  await recordAudit(trx, ctx, {
    action: 'maritime.registry.delete',
    objectType: 'vessel_registry',
    objectId: id,
    before: auditView(before),
    orgUnitId: before.org_unit_id,
    orgPath: before.org_path,
  });
}

/** The audit entry of a contacts read: who read whose contacts, and in which incident if any. */
export async function auditContactsRead(
  trx: Executor,
  ctx: AuditContext,
  row: ContactsRow,
  incident?: { id: number; orgUnitId: number; orgPath: string },
): Promise<void> {
  await recordAudit(trx, ctx, {
    action: 'maritime.registry.contacts.read',
    objectType: 'vessel_registry',
    objectId: row.id,
    after: { mmsi: row.mmsi, ...(incident && { incidentId: incident.id }) },
    orgUnitId: incident?.orgUnitId ?? row.org_unit_id,
    orgPath: incident?.orgPath ?? row.org_path,
  });
}

export async function readContacts(
  trx: Executor,
  ctx: AuditContext,
  actor: Actor,
  id: number,
): Promise<RegistryContactsDto> {
  const row = await findContactsInScope(trx, id, actor.orgPath);
  if (!row) throw notFound(`registry entry ${id}`);
  await auditContactsRead(trx, ctx, row);
  return { id: row.id, mmsi: row.mmsi, name: row.name, contacts: contactsOf(row) };
}
