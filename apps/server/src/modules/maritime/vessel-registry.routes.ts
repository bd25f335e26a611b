import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Page } from '../../platform/http/pagination.ts';
import { commonErrors, IdParams } from '../../platform/http/schemas.ts';
import { auditContextOf, requireActor } from '../../platform/identity/actor.ts';
import { MmsiParams } from './maritime.schemas.ts';
import {
  CreateRegistryBody,
  MmsiInfoDto,
  PatchRegistryBody,
  RegistryContactsDto,
  RegistryEntryDto,
  RegistryQuery,
} from './vessel-registry.schemas.ts';
import {
  changeEntry,
  createEntry,
  entryInScope,
  entryPage,
  mmsiInfo,
  readContacts,
  removeEntry,
  toRegistryEntryDto,
} from './vessel-registry.service.ts';

const tags = ['maritime'];

export const registryRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db, clock } = app.platform;

  app.get(
    '/maritime/mmsi/:mmsi',
    {
      config: { auth: 'maritime.read' },
      schema: {
        tags,
        summary: 'What an MMSI names (ITU-R M.585): station kind, MID, flag, and whether it is valid',
        params: MmsiParams,
        response: { 200: MmsiInfoDto, ...commonErrors },
      },
    },
    async (request) => mmsiInfo(request.params.mmsi),
  );

  app.get(
    '/maritime/registry',
    {
      config: { auth: 'maritime.read' },
      schema: {
        tags,
        summary: 'Vessel registry entries in your jurisdiction (never their contacts)',
        querystring: RegistryQuery,
        response: { 200: Page(RegistryEntryDto), ...commonErrors },
      },
    },
    async (request) => entryPage(db, requireActor(request), request.query),
  );

  app.get(
    '/maritime/registry/:id',
    {
      config: { auth: 'maritime.read' },
      schema: {
        tags,
        summary: 'A registry entry without its contacts',
        params: IdParams,
        response: { 200: RegistryEntryDto, ...commonErrors },
      },
    },
    async (request) => toRegistryEntryDto(await entryInScope(db, requireActor(request), request.params.id)),
  );

  app.get(
    '/maritime/registry/:id/contacts',
    {
      config: { auth: 'maritime.contacts.read' },
      schema: {
        tags,
        summary: "A registry entry's owner, operator and emergency contact; every read is audited",
        params: IdParams,
        response: { 200: RegistryContactsDto, ...commonErrors },
      },
    },
    async (request) =>
      db
        .transaction()
        .execute((trx) =>
          readContacts(trx, auditContextOf(request), requireActor(request), request.params.id),
        ),
  );

  app.post(
    '/maritime/registry',
    {
      config: { auth: 'maritime.manage' },
      schema: {
        tags,
        summary: 'Register a vessel (or other station) by MMSI',
        body: CreateRegistryBody,
        response: { 200: RegistryEntryDto, ...commonErrors },
      },
    },
    async (request) => {
      const row = await db
        .transaction()
        .execute((trx) =>
          createEntry(trx, auditContextOf(request), requireActor(request), request.body, clock.now()),
        );
      return toRegistryEntryDto(row);
    },
  );

  app.patch(
    '/maritime/registry/:id',
    {
      config: { auth: 'maritime.manage' },
      schema: {
        tags,
        summary: 'Change a registry entry (contacts, when given, replace the ones on file)',
        params: IdParams,
        body: PatchRegistryBody,
        response: { 200: RegistryEntryDto, ...commonErrors },
      },
    },
    async (request) => {
      const row = await db
        .transaction()
        .execute((trx) =>
          changeEntry(
            trx,
            auditContextOf(request),
            requireActor(request),
            request.params.id,
            request.body,
            clock.now(),
          ),
        );
      return toRegistryEntryDto(row);
    },
  );

  app.delete(
    '/maritime/registry/:id',
    {
      config: { auth: 'maritime.manage' },
      schema: {
        tags,
        summary: 'Remove a registry entry',
        params: IdParams,
        response: { 200: Type.Object({ ok: Type.Literal(true) }), ...commonErrors },
      },
    },
    async (request) => {
      await db
        .transaction()
        .execute((trx) =>
          removeEntry(trx, auditContextOf(request), requireActor(request), request.params.id),
        );
      return { ok: true as const };
    },
  );
};
