/**
 * Excel download and upload of a report (form × unit × period), on top of the pure workbook code
 * (excel.ts, excel-upload.ts). A download is the form's official layout pre-filled with what the
 * report holds now; an aggregate's download is its live roll-up, every cell locked. An upload is
 * read against the report's own layout version, compared with the stored values, and imported
 * through the same save path as online filling (saveCells: type checks, locks, cell history,
 * audit), all or nothing.
 */
import { type AuditContext, recordAudit } from '../../platform/audit/audit.service.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError, forbidden } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/identity/actor.ts';
import { checkStoredValue } from './cell-values.ts';
import { buildWorkbook, type FormHeader, parseUpload, type SheetError } from './excel.ts';
import type { CellValue } from './layout.ts';
import { formatPeriod } from './periods.ts';
import { lockReason, type ReportContext } from './report-context.ts';
import { findReport } from './reports.repository.ts';
import { currentEntries, saveCells } from './reports.service.ts';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The form's official header as the workbook prints it. */
export const headerOf = (ctx: ReportContext): FormHeader => ({
  formNo: ctx.form.code,
  name: ctx.form.name,
  issuingAuthority: ctx.form.issuing_authority,
  approvingAuthority: ctx.form.approving_authority,
  approvalNo: ctx.form.approval_no,
  validUntil: ctx.form.valid_until,
  version: ctx.version.version_no,
});

/** Characters no file system or browser keeps in a name (control characters too). */
const unsafeInName = /[\\/:*?"<>|]/g;
const controls = (text: string) => [...text].map((c) => (c.charCodeAt(0) < 0x20 ? '_' : c)).join('');

/** 表号_填报单位_报告期.xlsx, e.g. 交统1表_玄武区交通运输局_2026年10月.xlsx; （汇总） for an aggregate. */
export function workbookFilename(ctx: ReportContext): string {
  const parts = [ctx.form.code, ctx.unit.name, formatPeriod(ctx.period)];
  const name = controls(parts.join('_')).replace(unsafeInName, '_');
  return `${name}${ctx.kind === 'aggregate' ? '（汇总）' : ''}.xlsx`;
}

/** What the report holds now as the workbook takes it: key → stored decimal text or text. */
async function storedValues(db: Executor, ctx: ReportContext): Promise<Record<string, string | null>> {
  const out: Record<string, string | null> = {};
  for (const [key, v] of await currentEntries(db, ctx)) out[key] = v.num ?? v.txt;
  return out;
}

/** The report as a form-shaped workbook: editable entry cells for a filling unit, all locked for an aggregate. */
export async function exportWorkbook(
  db: Executor,
  ctx: ReportContext,
): Promise<{ filename: string; content: Buffer }> {
  const values = await storedValues(db, ctx);
  const hasValues = Object.values(values).some((v) => v !== null);
  const kind = ctx.kind === 'aggregate' ? 'aggregate' : hasValues ? 'filled' : 'template';
  const content = await buildWorkbook(
    ctx.layout,
    {
      header: headerOf(ctx),
      unitName: ctx.unit.name,
      unitCode: ctx.unit.code,
      periodId: ctx.period.id,
      periodLabel: formatPeriod(ctx.period),
      kind,
    },
    values,
  );
  return { filename: workbookFilename(ctx), content };
}

export interface UploadChange {
  readonly cellKey: string;
  readonly address: string;
  readonly ref: string;
  readonly before: CellValue | null;
  readonly after: CellValue | null;
}

export interface UploadResult {
  readonly dryRun: boolean;
  /** True when the upload has no error (and, unless a dry run, was imported). */
  readonly ok: boolean;
  /** Cells written (0 on a dry run or when refused). */
  readonly imported: number;
  readonly changes: UploadChange[];
  readonly errors: SheetError[];
}

/** Past this much unpacked XML a workbook is not a form sheet; refusing it before ExcelJS inflates it. */
export const WORKBOOK_MAX_UNPACKED = 64 * 1024 * 1024;

/**
 * The unpacked size a .xlsx (a zip) declares in its central directory, or null when the bytes
 * are not a zip (the reader then says so). ZIP64 sizes count as too large. Never throws.
 */
export function declaredUnpackedSize(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.byteLength - 22; i >= Math.max(0, bytes.byteLength - 22 - 0xffff); i--)
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) return null;
  const entries = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.byteLength || view.getUint32(at, true) !== 0x02014b50) return null;
    const size = view.getUint32(at + 24, true);
    total += size === 0xffffffff ? Number.POSITIVE_INFINITY : size;
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return total;
}

/** The checks saveCells makes before it looks at any value, made before the file is read. */
function assertCanImport(actor: Actor, ctx: ReportContext, now: Date): void {
  if (actor.orgUnitId !== ctx.unit.id) throw forbidden("only the unit's own fillers enter its figures");
  const locked = lockReason(ctx, now);
  if (locked) throw new AppError(409, 'conflict', `report is locked: ${locked}`, { reason: 'locked' });
}

/**
 * Reads an upload against the report and diffs it with the stored values. Each change is also
 * put through the stored-value check saveCells applies, so a dry run refuses exactly what the
 * import would, with the sheet reference of each cell.
 */
export async function readUpload(
  db: Executor,
  actor: Actor,
  ctx: ReportContext,
  bytes: Uint8Array,
  now: Date,
): Promise<{ changes: UploadChange[]; errors: SheetError[] }> {
  assertCanImport(actor, ctx, now);
  const unpacked = declaredUnpackedSize(bytes);
  if (unpacked !== null && unpacked > WORKBOOK_MAX_UNPACKED)
    return {
      changes: [],
      errors: [
        {
          ref: '',
          cellKey: null,
          address: null,
          code: 'unreadable',
          message: '文件解压后过大，不是本系统的表样，请重新下载表样填报',
        },
      ],
    };
  const parsed = await parseUpload(
    bytes,
    ctx.layout,
    {
      formNo: ctx.form.code,
      version: ctx.version.version_no,
      periodId: ctx.period.id,
      unitCode: ctx.unit.code,
    },
    await storedValues(db, ctx),
  );
  const errors = [...parsed.errors];
  const changes: UploadChange[] = [];
  for (const change of parsed.changes) {
    const cell = ctx.layout.byKey.get(change.cellKey)!;
    const checked = checkStoredValue(cell, change.after);
    if (checked.ok) changes.push(change);
    else
      errors.push({
        ref: change.ref,
        cellKey: change.cellKey,
        address: change.address,
        code: 'invalidValue',
        message: `${change.ref}：${checked.error.message}`,
      });
  }
  return { changes, errors };
}

/**
 * Imports an upload into the report in the caller's transaction: nothing is written when any
 * cell has an error (400 with every error), otherwise the changed cells go through saveCells
 * and one more audit entry records the file. A dry run reports the same diff and writes nothing.
 */
export async function importWorkbook(
  trx: Executor,
  audit: AuditContext,
  actor: Actor,
  ctx: ReportContext,
  upload: { bytes: Uint8Array; filename: string | null },
  dryRun: boolean,
  now: Date,
): Promise<UploadResult> {
  const { changes, errors } = await readUpload(trx, actor, ctx, upload.bytes, now);
  if (dryRun) return { dryRun, ok: errors.length === 0, imported: 0, changes, errors };
  if (errors.length > 0)
    throw new AppError(
      400,
      'validation_failed',
      `${errors.length} problem(s) in the workbook; nothing was imported`,
      errors,
    );
  const cells = changes.map((c) => ({ key: c.cellKey, value: c.after }));
  const imported = cells.length === 0 ? 0 : await saveCells(trx, audit, actor, ctx, cells, now, 'excel');
  if (imported > 0) {
    const report = await findReport(trx, ctx.form.id, ctx.unit.id, ctx.period.id);
    await recordAudit(trx, audit, {
      action: 'stats.workbook.import',
      objectType: 'stats_report',
      objectId: report?.id ?? null,
      orgPath: ctx.unit.path,
      orgUnitId: ctx.unit.id,
      after: {
        form: ctx.form.code,
        period: ctx.period.id,
        filename: upload.filename,
        bytes: upload.bytes.byteLength,
        changed: imported,
      },
    });
  }
  return { dryRun, ok: true, imported, changes, errors: [] };
}
