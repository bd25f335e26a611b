import type { Executor } from '../db/database.ts';

const columns = ['id', 'name', 'prefix', 'created_at', 'expires_at', 'last_used_at', 'revoked_at'] as const;

export async function insertToken(
  db: Executor,
  row: { userId: number; name: string; tokenHash: string; prefix: string; expiresAt: Date | null; now: Date },
) {
  return db
    .insertInto('api_token')
    .values({
      user_id: row.userId,
      name: row.name,
      token_hash: row.tokenHash,
      prefix: row.prefix,
      expires_at: row.expiresAt,
      created_at: row.now,
      last_used_at: null,
      revoked_at: null,
    })
    .returning(columns)
    .executeTakeFirstOrThrow();
}

export async function listTokens(db: Executor, userId: number, limit: number, offset: number) {
  const [items, count] = await Promise.all([
    db
      .selectFrom('api_token')
      .select(columns)
      .where('user_id', '=', userId)
      .orderBy('id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    db
      .selectFrom('api_token')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

/** Revokes a token of this user; undefined when the user has no such live token. */
export async function revokeToken(db: Executor, userId: number, id: number, now: Date) {
  return db
    .updateTable('api_token')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .returning(columns)
    .executeTakeFirst();
}

export type TokenRow = Awaited<ReturnType<typeof insertToken>>;
