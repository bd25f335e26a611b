import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Executor } from '../../platform/db/database.ts';
import { contentDisposition } from '../../platform/files/files.service.ts';
import { AppError, badRequest } from '../../platform/http/errors.ts';
import { commonErrors, ErrorResponse } from '../../platform/http/schemas.ts';
import { auditContextOf, requireActor } from '../../platform/identity/actor.ts';
import { WorkbookUploadQuery, WorkbookUploadResult } from './excel.schemas.ts';
import { exportWorkbook, importWorkbook, XLSX_MIME } from './excel.service.ts';
import { loadReportContext } from './report-context.ts';
import { ReportParams } from './reports.schemas.ts';

const tags = ['stats'];
const BASE = '/stats/forms/:formId/units/:orgUnitId/periods/:period/workbook';
/**
 * ExcelJS reads a whole workbook in memory; a form-shaped sheet of a few thousand cells is well
 * under 100 kB, so 2 MB leaves room for formatting a user adds and keeps memory bounded.
 */
export const WORKBOOK_MAX_BYTES = 2 * 1024 * 1024;
const RAW_TYPES = ['application/octet-stream', XLSX_MIME];

type ReportRequest = FastifyRequest<{ Params: { formId: number; orgUnitId: number; period: string } }>;

/** The uploaded bytes: the one file of a multipart body, or a raw .xlsx body. */
async function uploadOf(request: ReportRequest): Promise<{ bytes: Uint8Array; filename: string | null }> {
  if (request.isMultipart()) {
    const part = await request.file({ limits: { fileSize: WORKBOOK_MAX_BYTES, files: 1 } });
    if (!part) throw badRequest('no file in the request');
    // toBuffer fails with 413 when the file passes the limit.
    return { bytes: await part.toBuffer(), filename: part.filename || null };
  }
  if (Buffer.isBuffer(request.body)) return { bytes: request.body, filename: null };
  throw new AppError(415, 'unsupported_media_type', `send the .xlsx as multipart/form-data or ${XLSX_MIME}`);
}

export const excelRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db, clock } = app.platform;
  app.addContentTypeParser(
    RAW_TYPES,
    { parseAs: 'buffer', bodyLimit: WORKBOOK_MAX_BYTES },
    (_req, body, done) => done(null, body),
  );
  const context = (request: ReportRequest, executor: Executor = db) =>
    loadReportContext(
      executor,
      requireActor(request),
      request.params.formId,
      request.params.orgUnitId,
      request.params.period,
    );

  app.get(
    BASE,
    {
      config: { auth: 'stats.read' },
      schema: {
        tags,
        summary:
          "The report as a form-shaped .xlsx: a filling unit's template pre-filled with its values; an aggregate's roll-up, every cell locked",
        params: ReportParams,
        produces: [XLSX_MIME],
        response: {
          200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: XLSX_MIME }),
          ...commonErrors,
        },
      },
    },
    async (request, reply) => {
      const { filename, content } = await exportWorkbook(db, await context(request));
      return reply.type(XLSX_MIME).header('content-disposition', contentDisposition(filename)).send(content);
    },
  );

  app.post(
    BASE,
    {
      bodyLimit: WORKBOOK_MAX_BYTES,
      config: { auth: 'stats.fill' },
      schema: {
        tags,
        summary:
          'Upload a filled workbook: dryRun shows the diff and per-cell errors (A1 refs); otherwise all cells are saved as online, or none',
        params: ReportParams,
        querystring: WorkbookUploadQuery,
        consumes: ['multipart/form-data', ...RAW_TYPES],
        response: { 200: WorkbookUploadResult, ...commonErrors, 413: ErrorResponse, 415: ErrorResponse },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const upload = await uploadOf(request);
      const { dryRun } = request.query;
      const now = clock.now();
      if (dryRun)
        return importWorkbook(db, auditContextOf(request), actor, await context(request), upload, true, now);
      return db
        .transaction()
        .execute(async (trx) =>
          importWorkbook(
            trx,
            auditContextOf(request),
            actor,
            await context(request, trx),
            upload,
            false,
            now,
          ),
        );
    },
  );
};
