import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { commonErrors } from '../http/schemas.ts';
import { auditContextOf, requireActor } from './actor.ts';
import { actorOfNewSession, CSRF_COOKIE, SESSION_COOKIE } from './auth.hook.ts';
import {
  ChangePasswordBody,
  LoginBody,
  LoginResponse,
  Me,
  MePatch,
  Ok,
  SessionResponse,
  TotpCodeBody,
  TotpDisableBody,
  TotpSetupResponse,
} from './auth.schemas.ts';
import {
  changeOwnPassword,
  confirmTotp,
  csrfTokenOf,
  disableOwnTotp,
  login,
  logout,
  meOf,
  startTotpSetup,
  updateOwnProfile,
} from './auth.service.ts';

const tags = ['auth'];

export const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { platform } = app;
  const setSessionCookies = (reply: FastifyReply, token: string, csrf: string, expires: Date) => {
    const base = { path: '/', sameSite: 'strict' as const, secure: platform.config.cookieSecure, expires };
    reply.setCookie(SESSION_COOKIE, token, { ...base, httpOnly: true });
    reply.setCookie(CSRF_COOKIE, csrf, { ...base, httpOnly: false });
  };

  app.post(
    '/auth/login',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: 'Log in with username and password (and TOTP code)',
        body: LoginBody,
        response: { 200: LoginResponse, ...commonErrors },
      },
    },
    async (request, reply) => {
      const result = await login(
        platform,
        auditContextOf(request),
        request.body,
        request.headers['user-agent'] ?? null,
      );
      setSessionCookies(reply, result.token, result.csrfToken, result.expiresAt);
      // The new session is the caller from here on.
      const actor = await actorOfNewSession(platform, result.token);
      return {
        token: result.token,
        csrfToken: result.csrfToken,
        expiresAt: result.expiresAt.toISOString(),
        user: await meOf(platform.db, actor, platform.clock.now()),
      };
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { auth: 'self' },
      schema: { tags, summary: 'End the session', response: { 200: Ok, ...commonErrors } },
    },
    async (request, reply) => {
      await logout(platform.db, auditContextOf(request), requireActor(request), platform.clock.now());
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      reply.clearCookie(CSRF_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/auth/session',
    {
      config: { auth: 'public' },
      schema: { tags, summary: 'The current user, or null', response: { 200: SessionResponse } },
    },
    async (request) => {
      const actor = request.actor;
      if (!actor) return { user: null, csrfToken: null };
      return {
        user: await meOf(platform.db, actor, platform.clock.now()),
        csrfToken: await csrfTokenOf(platform.db, actor),
      };
    },
  );

  app.patch(
    '/me',
    {
      config: { auth: 'authenticated' },
      schema: { tags, summary: 'Edit own profile', body: MePatch, response: { 200: Me, ...commonErrors } },
    },
    async (request) => {
      const actor = requireActor(request);
      await platform.db
        .transaction()
        .execute((trx) => updateOwnProfile(trx, auditContextOf(request), actor, request.body));
      return meOf(platform.db, actor, platform.clock.now());
    },
  );

  app.post(
    '/me/password',
    {
      config: { auth: 'self' },
      schema: {
        tags,
        summary: 'Change own password',
        body: ChangePasswordBody,
        response: { 200: Ok, ...commonErrors },
      },
    },
    async (request) => {
      await changeOwnPassword(platform, auditContextOf(request), requireActor(request), request.body);
      return { ok: true as const };
    },
  );

  app.post(
    '/me/totp/setup',
    {
      config: { auth: 'self' },
      schema: {
        tags,
        summary: 'Start TOTP enrolment',
        response: { 200: TotpSetupResponse, ...commonErrors },
      },
    },
    async (request) =>
      startTotpSetup(platform.db, platform.secretBox, auditContextOf(request), requireActor(request)),
  );

  app.post(
    '/me/totp/confirm',
    {
      config: { auth: 'self' },
      schema: {
        tags,
        summary: 'Confirm TOTP enrolment with a code',
        body: TotpCodeBody,
        response: { 200: Ok, ...commonErrors },
      },
    },
    async (request) => {
      await confirmTotp(platform, auditContextOf(request), requireActor(request), request.body.code);
      return { ok: true as const };
    },
  );

  app.post(
    '/me/totp/disable',
    {
      config: { auth: 'self' },
      schema: {
        tags,
        summary: 'Disable own TOTP',
        body: TotpDisableBody,
        response: { 200: Ok, ...commonErrors },
      },
    },
    async (request) => {
      await disableOwnTotp(platform, auditContextOf(request), requireActor(request), request.body);
      return { ok: true as const };
    },
  );
};
