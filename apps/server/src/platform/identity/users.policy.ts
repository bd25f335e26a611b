import { AppError, forbidden } from '../http/errors.ts';
import type { Actor } from './actor.ts';

/**
 * Who may manage whom. Jurisdiction (the target's org lies in the actor's subtree) is enforced
 * by the repositories' scoped queries; these are the rules on top of it.
 */
export const usersPolicy = {
  /** No one changes their own roles or status: an administrator cannot raise or hide themselves. */
  assertNotSelf(actor: Actor, targetUserId: number, what: string): void {
    if (actor.userId === targetUserId) throw forbidden(`you cannot ${what} your own account`);
  },
  /** A role may be granted only by someone who holds every permission it carries. */
  assertCanGrant(actor: Actor, roles: readonly { code: string; permissions: readonly string[] }[]): void {
    for (const role of roles) {
      const missing = role.permissions.filter((p) => !(actor.permissions as ReadonlySet<string>).has(p));
      if (missing.length > 0) {
        throw new AppError(
          403,
          'forbidden',
          `cannot grant role ${role.code}: you lack ${missing.join(', ')}`,
        );
      }
    }
  },
};
