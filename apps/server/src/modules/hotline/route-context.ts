import type { FastifyInstance, FastifyRequest } from 'fastify';
import { auditContextOf, requireActor } from '../../platform/identity/actor.ts';
import { type HotlineDeps, hotlineCalendar } from './tickets.service.ts';

/** The transition context of an authenticated request. */
export function ctxOf(request: FastifyRequest, now: Date) {
  return { audit: auditContextOf(request), actor: requireActor(request), now };
}

export async function depsOf(app: FastifyInstance): Promise<HotlineDeps> {
  const now = app.platform.clock.now();
  return {
    secretBox: app.platform.secretBox,
    calendar: await hotlineCalendar(app.platform.db, now.getTime()),
    now,
  };
}
