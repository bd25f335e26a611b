import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { notFound } from '../http/errors.ts';
import { offsetOf, Page, PageQuery, toPage } from '../http/pagination.ts';
import { commonErrors, IdParams } from '../http/schemas.ts';
import { auditContextOf, requireActor } from '../identity/actor.ts';
import { findDivision, listDivisions } from './divisions.repository.ts';
import { listChildrenAsOf, listVersions } from './org-versions.repository.ts';
import { findAncestors, listActiveChildren, searchOrgUnits } from './orgs.repository.ts';
import {
  ChildrenQuery,
  CloseOrgBody,
  CreateOrgBody,
  DivisionDto,
  DivisionQuery,
  MergeOrgBody,
  OrgChild,
  OrgDetail,
  OrgDto,
  OrgHistoryEntry,
  OrgSearchHit,
  OrgSearchQuery,
  RenameOrgBody,
} from './orgs.schemas.ts';
import {
  closeOrgUnit,
  createOrgUnit,
  findOrgOrThrow,
  mergeOrgUnit,
  type OrgChange,
  renameOrgUnit,
  toDivisionDto,
  toOrgChildDto,
  toOrgDto,
  toOrgHistoryEntryDto,
  toOrgSearchHitDto,
} from './orgs.service.ts';

const tags = ['orgs'];

export const orgsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db, clock } = app.platform;
  // The edge owns the transaction of every change.
  const change = <T>(request: FastifyRequest, fn: (c: OrgChange) => Promise<T>): Promise<T> => {
    const actor = requireActor(request);
    const ctx = auditContextOf(request);
    const now = clock.now();
    return db.transaction().execute((trx) => fn({ trx, ctx, actor, now }));
  };

  app.get(
    '/orgs/root',
    {
      config: { auth: 'org.read' },
      schema: { tags, summary: 'The unit I act for', response: { 200: OrgDto, ...commonErrors } },
    },
    async (request) => {
      const actor = requireActor(request);
      return toOrgDto(await findOrgOrThrow(db, actor, actor.orgUnitId));
    },
  );

  app.get(
    '/orgs/:id',
    {
      config: { auth: 'org.read' },
      schema: {
        tags,
        summary: 'One unit of my jurisdiction, with the names of the units above it',
        params: IdParams,
        response: { 200: OrgDetail, ...commonErrors },
      },
    },
    async (request) => {
      const unit = await findOrgOrThrow(db, requireActor(request), request.params.id);
      return { ...toOrgDto(unit), ancestors: await findAncestors(db, unit.path) };
    },
  );

  app.get(
    '/orgs/:id/children',
    {
      config: { auth: 'org.read' },
      schema: {
        tags,
        summary: 'Active children of a unit, now or as the tree stood on a day',
        params: IdParams,
        querystring: ChildrenQuery,
        response: { 200: Page(OrgChild), ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { pageSize, asOf } = request.query;
      const unit = await findOrgOrThrow(db, actor, request.params.id);
      const offset = offsetOf(request.query);
      const result = asOf
        ? await listChildrenAsOf(db, unit.id, asOf, actor.orgPath, pageSize, offset)
        : await listActiveChildren(db, unit.id, pageSize, offset);
      return toPage(result, request.query, toOrgChildDto);
    },
  );

  app.get(
    '/orgs',
    {
      config: { auth: 'org.read' },
      schema: {
        tags,
        summary: 'Search my jurisdiction by name or code',
        querystring: OrgSearchQuery,
        response: { 200: Page(OrgSearchHit), ...commonErrors },
      },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      const scopePath = requireActor(request).orgPath;
      const result = await searchOrgUnits(db, { ...filter, scopePath }, pageSize, offsetOf(request.query));
      return toPage(result, request.query, toOrgSearchHitDto);
    },
  );

  app.get(
    '/orgs/:id/history',
    {
      config: { auth: 'org.read' },
      schema: {
        tags,
        summary: 'Every name and place a unit has had, newest first',
        params: IdParams,
        querystring: PageQuery,
        response: { 200: Page(OrgHistoryEntry), ...commonErrors },
      },
    },
    async (request) => {
      const { pageSize } = request.query;
      const unit = await findOrgOrThrow(db, requireActor(request), request.params.id);
      const result = await listVersions(db, unit.id, pageSize, offsetOf(request.query));
      return toPage(result, request.query, toOrgHistoryEntryDto);
    },
  );

  app.post(
    '/orgs',
    {
      config: { auth: 'org.manage' },
      schema: {
        tags,
        summary: 'Add a unit under a unit of my jurisdiction',
        body: CreateOrgBody,
        response: { 201: OrgDto, ...commonErrors },
      },
    },
    async (request, reply) => {
      const created = await change(request, (c) => createOrgUnit(c, request.body));
      return reply.status(201).send(toOrgDto(created));
    },
  );

  app.post(
    '/orgs/:id/rename',
    {
      config: { auth: 'org.manage' },
      schema: {
        tags,
        summary: 'Rename a unit from a day on',
        params: IdParams,
        body: RenameOrgBody,
        response: { 200: OrgDto, ...commonErrors },
      },
    },
    async (request) =>
      toOrgDto(await change(request, (c) => renameOrgUnit(c, request.params.id, request.body))),
  );

  app.post(
    '/orgs/:id/merge',
    {
      config: { auth: 'org.manage' },
      schema: {
        tags,
        summary: 'Merge a unit into another; its children and users move to the target',
        params: IdParams,
        body: MergeOrgBody,
        response: { 200: OrgDto, ...commonErrors },
      },
    },
    async (request) =>
      toOrgDto(await change(request, (c) => mergeOrgUnit(c, request.params.id, request.body))),
  );

  app.post(
    '/orgs/:id/close',
    {
      config: { auth: 'org.manage' },
      schema: {
        tags,
        summary: 'Close a unit without active children or users',
        params: IdParams,
        body: CloseOrgBody,
        response: { 200: OrgDto, ...commonErrors },
      },
    },
    async (request) =>
      toOrgDto(await change(request, (c) => closeOrgUnit(c, request.params.id, request.body))),
  );

  app.get(
    '/divisions',
    {
      config: { auth: 'authenticated' },
      schema: {
        tags,
        summary: 'GB/T 2260 divisions under a code, or the provinces',
        querystring: DivisionQuery,
        response: { 200: Page(DivisionDto), ...commonErrors },
      },
    },
    async (request) => {
      const { pageSize, parentCode } = request.query;
      if (parentCode && !(await findDivision(db, parentCode))) throw notFound(`division ${parentCode}`);
      const result = await listDivisions(db, parentCode ?? null, pageSize, offsetOf(request.query));
      return toPage(result, request.query, toDivisionDto);
    },
  );
};
