import type { FastifyPluginAsync } from 'fastify';
import type { CredentialRow } from './sessions.repository.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set on the routes of the parts that own credential data (see credentialWriting). */
    credentialWrites?: boolean;
  }
}

// Credentials resolved in the last few seconds, so that a burst of requests costs one lookup.
// A process forgets them all after a write request of a part that owns credential data (logout,
// revocation, disabling a user, changing roles or org units, lockouts), so there a change applies
// at once; another process of the same instance sees it within CACHE_TTL_MS.
const CACHE_TTL_MS = 5_000;
const CACHE_MAX = 10_000;

export class CredentialCache {
  readonly #entries = new Map<string, { row: CredentialRow; at: number }>();
  get(hash: string, now: number): CredentialRow | undefined {
    const entry = this.#entries.get(hash);
    return entry && now - entry.at >= 0 && now - entry.at < CACHE_TTL_MS ? entry.row : undefined;
  }
  set(hash: string, row: CredentialRow, now: number): void {
    if (this.#entries.size >= CACHE_MAX) this.#entries.clear();
    this.#entries.set(hash, { row, at: now });
  }
  clear(): void {
    this.#entries.clear();
  }
}

/**
 * The routes of a part whose writes may change what a credential resolves to — its sessions,
 * tokens, user, roles or org unit (identity, orgs). A write request to one of them empties the
 * credential cache once it has answered (after its transaction committed); writes elsewhere (a
 * ticket, a vehicle) keep it, so that a gateway posting thousands of tickets is not looked up
 * again for each.
 */
export const credentialWriting =
  (routes: FastifyPluginAsync): FastifyPluginAsync =>
  async (app, options) => {
    app.addHook('onRoute', (route) => {
      route.config = { ...(route.config as object), credentialWrites: true } as typeof route.config;
    });
    await routes(app, options);
  };
