import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/app.ts';
import type { Config } from '../src/config.ts';
import { SYSTEM_CONTEXT } from '../src/platform/audit/audit.service.ts';
import type { DatabaseHandle, DbKind } from '../src/platform/db/database.ts';
import type { Clock } from '../src/platform/http/platform.ts';
import { SecretBox } from '../src/platform/identity/secrets.ts';
import { createUser } from '../src/platform/identity/users.service.ts';
import { findOrgUnitByCode } from '../src/platform/orgs/orgs.repository.ts';
import { openTestDatabase, testConfig } from './databases.ts';

/** A clock tests move by hand (idle timeouts, lockouts, deadlines). */
export class TestClock implements Clock {
  #now: number;
  constructor(start = Date.parse('2026-11-27T09:00:00+08:00')) {
    this.#now = start;
  }
  now(): Date {
    return new Date(this.#now);
  }
  advance(ms: number): void {
    this.#now += ms;
  }
}

export const TEST_PASSWORD = 'Test@jtgov2026';

export interface Session {
  token: string;
  csrfToken: string;
  cookie: string;
  userId: number;
}

export interface TestApp {
  app: FastifyInstance;
  handle: DatabaseHandle;
  config: Config;
  clock: TestClock;
  /** A user at the org unit with this code (GB/T 2260 region code or 'MOT'), with these roles. */
  createUser(
    username: string,
    orgCode: string,
    roles: string[],
    opts?: { mustChangePassword?: boolean },
  ): Promise<number>;
  /** Logs in through the API; throws with the response body when login fails. */
  login(username: string, password?: string): Promise<Session>;
  /** An injected request authenticated by bearer token. */
  as(session: Session, method: string, url: string, body?: unknown): Promise<LightMyRequestResponse>;
  orgId(code: string): Promise<number>;
  close(): Promise<void>;
}

/**
 * `clockStart` defaults to a fixed day so deadlines and expiries are reproducible; a browser test
 * passes the wall time, because the browser drops cookies whose expiry the server dated in its past.
 */
export async function startTestApp(
  kind: DbKind,
  env: Record<string, string> = {},
  { clockStart }: { clockStart?: number } = {},
): Promise<TestApp> {
  const handle = await openTestDatabase(kind);
  const config = testConfig(env);
  const clock = new TestClock(clockStart);
  const app = await buildApp({
    config,
    db: handle.db,
    dbKind: handle.kind,
    clock,
    // Unexpected 500s print their cause; nothing else is logged.
    logger: { level: 'error' },
    secretBox: new SecretBox('00112233445566778899aabbccddeeff'),
  });
  await app.ready();
  const orgId = async (code: string) => {
    const org = await findOrgUnitByCode(handle.db, code);
    if (!org) throw new Error(`no org unit ${code}`);
    return org.id;
  };
  return {
    app,
    handle,
    config,
    clock,
    orgId,
    async createUser(username, orgCode, roles, opts = {}) {
      const orgUnitId = await orgId(orgCode);
      const { user } = await handle.db.transaction().execute((trx) =>
        createUser(
          trx,
          SYSTEM_CONTEXT,
          null,
          { username, displayName: username, orgUnitId, roles, password: TEST_PASSWORD },
          {
            config,
            now: clock.now(),
            mustChangePassword: opts.mustChangePassword ?? false,
          },
        ),
      );
      return user.id;
    },
    async login(username, password = TEST_PASSWORD) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password },
      });
      if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
      const body = res.json() as { token: string; csrfToken: string; user: { id: number } };
      return {
        token: body.token,
        csrfToken: body.csrfToken,
        cookie: `jtgov_session=${body.token}`,
        userId: body.user.id,
      };
    },
    as(session, method, url, body) {
      return app.inject({
        method: method as 'GET',
        url,
        headers: { authorization: `Bearer ${session.token}` },
        ...(body !== undefined && { payload: body as object }),
      });
    },
    async close() {
      await app.close();
      await handle.close();
    },
  };
}
