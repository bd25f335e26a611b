import { createHash } from 'node:crypto';

/** Hash of the (virtual) entry before the first: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedFields {
  seq: number;
  at: string;
  actorUserId: number | null;
  actorUsername: string | null;
  orgUnitId: number | null;
  orgPath: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  outcome: 'success' | 'failure';
  before: unknown;
  after: unknown;
  ip: string | null;
  requestId: string | null;
}

/** JSON with object keys sorted at every depth, so jsonb's key reordering cannot change a hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** Plain JSON data as jsonb will return it (Dates become strings, undefined disappears). */
export const toJsonValue = (value: unknown): unknown =>
  value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown);

/** SM3 (GB/T 32905) over the previous hash and the canonical entry. */
export function chainHash(prevHash: string, fields: ChainedFields): string {
  return createHash('sm3').update(prevHash).update('\n').update(canonicalJson(fields)).digest('hex');
}
