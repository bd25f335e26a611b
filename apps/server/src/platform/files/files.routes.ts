import { join } from 'node:path';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { badRequest } from '../http/errors.ts';
import { commonErrors, ErrorResponse } from '../http/schemas.ts';
import { auditContextOf, requireActor } from '../identity/actor.ts';
import { Ok } from '../identity/auth.schemas.ts';
import { DiskFileStore } from './file-store.ts';
import { FileDto, FileIdParams } from './files.schemas.ts';
import {
  contentDisposition,
  deleteFile,
  type FileStorage,
  fileMetadata,
  openFileContent,
  recordUpload,
  storeUpload,
} from './files.service.ts';

const tags = ['files'];

export const filesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db, clock, config } = app.platform;
  const storage: FileStorage = {
    store: new DiskFileStore(config.files.dir),
    tmpDir: join(config.files.dir, 'tmp'),
    maxBytes: config.files.maxBytes,
  };

  app.post(
    '/files',
    {
      config: { auth: 'file.upload' },
      schema: {
        tags,
        summary: 'Upload one attachment (multipart/form-data); its type is detected from its content',
        consumes: ['multipart/form-data'],
        response: { 201: FileDto, ...commonErrors, 413: ErrorResponse, 415: ErrorResponse },
      },
    },
    async (request, reply) => {
      const part = await request.file();
      if (!part) throw badRequest('no file in the request');
      const stored = await storeUpload(storage, {
        filename: part.filename,
        content: part.file,
        truncated: () => part.file.truncated,
      });
      const actor = requireActor(request);
      const dto = await db
        .transaction()
        .execute((trx) => recordUpload(trx, auditContextOf(request), actor, stored))
        .catch(async (err: unknown) => {
          await storage.store.remove(stored.id);
          throw err;
        });
      return reply.status(201).send(dto);
    },
  );

  app.get(
    '/files/:id',
    {
      schema: {
        tags,
        summary: 'Metadata of a file in my jurisdiction',
        params: FileIdParams,
        response: { 200: FileDto, ...commonErrors },
      },
    },
    async (request) => fileMetadata(db, requireActor(request), request.params.id),
  );

  app.get(
    '/files/:id/content',
    {
      schema: {
        tags,
        summary: 'Download a file in my jurisdiction',
        params: FileIdParams,
      },
    },
    async (request, reply) => {
      const { row, content } = await openFileContent(
        db,
        storage.store,
        requireActor(request),
        request.params.id,
      );
      return reply
        .type(row.mime)
        .header('content-length', row.size)
        .header('content-disposition', contentDisposition(row.filename))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .send(content);
    },
  );

  app.delete(
    '/files/:id',
    {
      schema: {
        tags,
        summary: 'Delete a file (the uploader, or an administrator of its unit)',
        params: FileIdParams,
        response: { 200: Ok, ...commonErrors },
      },
    },
    async (request) => {
      await db
        .transaction()
        .execute((trx) =>
          deleteFile(trx, auditContextOf(request), requireActor(request), request.params.id, clock.now()),
        );
      return { ok: true as const };
    },
  );
};
