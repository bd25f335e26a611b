import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { contentDisposition } from '../../platform/files/files.service.ts';
import { AppError } from '../../platform/http/errors.ts';
import { commonErrors } from '../../platform/http/schemas.ts';
import { auditContextOf, requireActor } from '../../platform/identity/actor.ts';
import {
  DataValueSet,
  DownloadContent,
  DownloadQuery,
  ExportDto,
  ExportQuery,
  ImportQuery,
  ImportSummaryDto,
} from './exchange.schemas.ts';
import { downloadText, exportDataValues, resolveExport } from './exchange.service.ts';
import { parseDataValueCsv, writeDataValueCsv } from './exchange-csv.ts';
import { type ImportRequest, type ImportSummary, importDataValues } from './exchange-import.service.ts';

const tags = ['stats'];
// A national period of a 500-cell form is about 1.4 million values: 60 MB of CSV, more as JSON.
const IMPORT_BODY_LIMIT = 256 * 1024 * 1024;

const splitPeriods = (period: string) => period.split(',').map((p) => p.trim());

class DryRunDone extends Error {
  readonly summary: ImportSummary;
  constructor(summary: ImportSummary) {
    super('dry run');
    this.summary = summary;
  }
}

export const exchangeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db, clock } = app.platform;
  app.addContentTypeParser(
    ['text/csv', 'application/csv'],
    { parseAs: 'string', bodyLimit: IMPORT_BODY_LIMIT },
    (_req, body, done) => done(null, body),
  );

  app.get(
    '/stats/dataValueSets',
    {
      config: { auth: 'stats.read' },
      schema: {
        tags,
        summary: 'Export data values (DHIS2 dataValueSets shape) as JSON or CSV',
        querystring: ExportQuery,
        response: { 200: ExportDto, ...commonErrors },
      },
    },
    async (request, reply) => {
      const { period, format, ...rest } = request.query;
      const set = await exportDataValues(db, requireActor(request), {
        ...rest,
        periods: splitPeriods(period),
      });
      if (format === 'csv')
        return reply
          .type('text/csv; charset=utf-8')
          .serializer((p: unknown) => p as string)
          .send(writeDataValueCsv(set.dataValues) as never);
      return set;
    },
  );

  app.get(
    '/stats/dataValueSets/download',
    {
      config: { auth: 'stats.read' },
      schema: {
        tags,
        summary: 'Download a whole export (DHIS2 dataValueSets JSON or CSV), streamed in keyset pages',
        querystring: DownloadQuery,
        response: { 200: DownloadContent, ...commonErrors },
      },
    },
    async (request, reply) => {
      const { period, format, ...rest } = request.query;
      const e = await resolveExport(db, requireActor(request), { ...rest, periods: splitPeriods(period) });
      // The figures leave the system: recorded, like a sensitive read, before a byte is sent.
      await db.transaction().execute((trx) =>
        recordAudit(trx, auditContextOf(request), {
          action: 'stats.dataValues.download',
          objectType: 'stats_form',
          objectId: e.form.id,
          after: { periods: e.periods, orgUnit: e.unit.code, children: e.children, format },
        }),
      );
      const filename = `${e.form.code}-${e.periods.join('_')}-${e.unit.code}.${format}`;
      return reply
        .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
        .header('content-disposition', contentDisposition(filename))
        .send(Readable.from(downloadText(db, e, format)) as never);
    },
  );

  app.post(
    '/stats/dataValueSets',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      config: { auth: 'stats.fill' },
      schema: {
        tags,
        summary: 'Import data values (DHIS2 dataValueSets JSON or CSV) with dryRun and importStrategy',
        querystring: ImportQuery,
        body: {
          content: {
            'application/json': { schema: DataValueSet },
            'text/csv': { schema: Type.String() },
            'application/csv': { schema: Type.String() },
          },
        },
        response: { 200: ImportSummaryDto, ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { dryRun, importStrategy, dataSet } = request.query;
      let set: ImportRequest;
      if (typeof request.body === 'string') {
        const parsed = parseDataValueCsv(request.body);
        if (!parsed.ok)
          throw new AppError(400, 'validation_failed', `CSV line ${parsed.line}: ${parsed.error}`);
        set = { dataSet, dataValues: parsed.values };
      } else {
        const body = request.body as ImportRequest;
        set = { ...body, dataSet: body.dataSet ?? dataSet };
      }
      const now = clock.now();
      try {
        return await db.transaction().execute(async (trx) => {
          const summary = await importDataValues(
            trx,
            auditContextOf(request),
            actor,
            set,
            importStrategy,
            dryRun,
            now,
          );
          if (dryRun) throw new DryRunDone(summary);
          return summary;
        });
      } catch (err) {
        if (err instanceof DryRunDone) return err.summary;
        throw err;
      }
    },
  );
};
