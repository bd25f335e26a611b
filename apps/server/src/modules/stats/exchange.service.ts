import type { Executor } from '../../platform/db/database.ts';
import { badRequest, notFound } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/identity/actor.ts';
import {
  type ExportRow,
  findUnitsByCodeInScope,
  listValuesForExport,
  listValuesForExportAfter,
} from './exchange.repository.ts';
import { CSV_HEADER, dataValueCsvLines } from './exchange-csv.ts';
import { findFormByCode } from './forms.repository.ts';
import { formVisible, periodOfForm } from './forms.service.ts';

export interface ExportScope {
  readonly dataSet: string;
  readonly periods: readonly string[];
  readonly orgUnit: string;
  readonly children: boolean;
}

export interface ExportQuery extends ExportScope {
  readonly page: number;
  readonly pageSize: number;
}

/** The form, its period ids and the unit of an export, the unit inside the caller's jurisdiction. */
export async function resolveExport(db: Executor, actor: Actor, q: ExportScope) {
  const form = await findFormByCode(db, q.dataSet);
  if (!form) throw notFound(`data set ${q.dataSet}`);
  await formVisible(db, actor, form.id);
  const periods = q.periods.map((p) => periodOfForm(form, p).id);
  if (periods.length === 0) throw badRequest('at least one period is needed');
  const [unit] = await findUnitsByCodeInScope(db, [q.orgUnit], actor.orgPath);
  if (!unit) throw notFound(`org unit ${q.orgUnit}`);
  return { form, periods, unit, children: q.children };
}

export type ResolvedExport = Awaited<ReturnType<typeof resolveExport>>;

function toDataValueDto(r: ExportRow) {
  const dot = r.cell_key.indexOf('.');
  return {
    dataElement: r.cell_key.slice(0, dot),
    period: r.period,
    orgUnit: r.org_code,
    categoryOptionCombo: r.cell_key.slice(dot + 1),
    attributeOptionCombo: '',
    value: r.num ?? r.txt ?? '',
    storedBy: r.stored_by ?? '',
    lastUpdated: r.updated_at.toISOString(),
    comment: '',
  };
}

export type DataValueDto = ReturnType<typeof toDataValueDto>;

/** Values of a data set for periods and a unit (with its subtree), DHIS2-shaped, one page. */
export async function exportDataValues(db: Executor, actor: Actor, q: ExportQuery) {
  const { form, periods, unit, children } = await resolveExport(db, actor, q);
  const result = await listValuesForExport(
    db,
    form.id,
    periods,
    unit,
    children,
    q.pageSize,
    (q.page - 1) * q.pageSize,
  );
  return {
    dataSet: form.code,
    pager: {
      page: q.page,
      pageSize: q.pageSize,
      total: result.total,
      pageCount: Math.ceil(result.total / q.pageSize),
    },
    dataValues: result.items.map(toDataValueDto),
  };
}

/**
 * Every value of a resolved export, one keyset page at a time, so a whole national export is
 * never held in memory; each page is its own statement (no transaction held open while sending).
 */
export async function* exportPages(
  db: Executor,
  e: ResolvedExport,
  pageSize: number,
): AsyncGenerator<DataValueDto[]> {
  let after: { orgCode: string; period: string; cellKey: string } | null = null;
  for (;;) {
    const rows = await listValuesForExportAfter(
      db,
      e.form.id,
      e.periods,
      e.unit,
      e.children,
      after,
      pageSize,
    );
    if (rows.length > 0) yield rows.map(toDataValueDto);
    const last = rows.at(-1);
    if (!last || rows.length < pageSize) return;
    after = { orgCode: last.org_code, period: last.period, cellKey: last.cell_key };
  }
}

const DOWNLOAD_PAGE = 5000;

/** The text of a whole export, page by page: the dataValueSets JSON object, or DHIS2 CSV. */
export async function* downloadText(
  db: Executor,
  e: ResolvedExport,
  format: 'json' | 'csv',
  pageSize = DOWNLOAD_PAGE,
): AsyncGenerator<string> {
  if (format === 'csv') {
    yield CSV_HEADER;
    for await (const page of exportPages(db, e, pageSize)) yield dataValueCsvLines(page);
    return;
  }
  yield `{"dataSet":${JSON.stringify(e.form.code)},"dataValues":[`;
  let first = true;
  for await (const page of exportPages(db, e, pageSize)) {
    const items = page.map((v) => JSON.stringify(v)).join(',');
    yield first ? items : `,${items}`;
    first = false;
  }
  yield ']}';
}
