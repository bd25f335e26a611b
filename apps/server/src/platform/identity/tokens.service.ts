import { type AuditContext, recordAudit } from '../audit/audit.service.ts';
import type { Executor } from '../db/database.ts';
import { notFound } from '../http/errors.ts';
import type { Actor } from './actor.ts';
import { newToken } from './secrets.ts';
import { insertToken, revokeToken, type TokenRow } from './tokens.repository.ts';

export interface TokenDto {
  id: number;
  name: string;
  prefix: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export const toTokenDto = (row: TokenRow): TokenDto => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  createdAt: row.created_at.toISOString(),
  expiresAt: row.expires_at?.toISOString() ?? null,
  lastUsedAt: row.last_used_at?.toISOString() ?? null,
  revokedAt: row.revoked_at?.toISOString() ?? null,
});

/** Creates an API token for the caller; the token itself is returned this once and stored hashed. */
export async function createToken(
  trx: Executor,
  ctx: AuditContext,
  actor: Actor,
  input: { name: string; expiresInDays?: number | undefined },
  now: Date,
): Promise<{ token: string; item: TokenDto }> {
  const { token, hash } = newToken('jtk');
  const expiresAt = input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000) : null;
  const row = await insertToken(trx, {
    userId: actor.userId,
    name: input.name,
    tokenHash: hash,
    prefix: token.slice(0, 10),
    expiresAt,
    now,
  });
  await recordAudit(trx, ctx, {
    action: 'auth.token.create',
    objectType: 'api_token',
    objectId: row.id,
    after: { name: row.name, prefix: row.prefix, expiresAt },
  });
  return { token, item: toTokenDto(row) };
}

export async function revokeOwnToken(
  trx: Executor,
  ctx: AuditContext,
  actor: Actor,
  id: number,
  now: Date,
): Promise<TokenDto> {
  const row = await revokeToken(trx, actor.userId, id, now);
  if (!row) throw notFound(`token ${id}`);
  await recordAudit(trx, ctx, {
    action: 'auth.token.revoke',
    objectType: 'api_token',
    objectId: id,
    before: { name: row.name, prefix: row.prefix },
  });
  return toTokenDto(row);
}
