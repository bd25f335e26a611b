/**
 * Reading an uploaded form workbook back into cell values: cells are found by the hidden codes
 * (excel-sheet.ts), checked per cell like online entry, and every problem is reported with its
 * A1 reference on the sheet. A dry-run diff against the values currently stored shows what an
 * import would change. Never throws: an unreadable file is an error like any other.
 */
import ExcelJS from 'exceljs';
import {
  CODES_MARKER,
  columnLetters,
  DISABLED_MARK,
  META_SHEET,
  SHEET_NAME,
  type SheetMeta,
  sheetRefs,
} from './excel-sheet.ts';
import {
  type Cell,
  type CellValue,
  type CompiledLayout,
  checkCellValue,
  parseCellInput,
  roundTo,
  toCellValues,
} from './layout.ts';

export type SheetErrorCode =
  | 'unreadable'
  | 'notATemplate'
  | 'wrongForm'
  | 'wrongVersion'
  | 'wrongPeriod'
  | 'wrongUnit'
  | 'unknownCell'
  | 'missingCell'
  | 'computedCell'
  | 'disabledCell'
  | 'invalidValue';

export interface SheetError {
  /** Where on the sheet, e.g. F9; '' for the file as a whole. */
  readonly ref: string;
  readonly cellKey: string | null;
  /** The layout address (R02C03) when the error is about a form cell. */
  readonly address: string | null;
  readonly code: SheetErrorCode;
  /** zh-CN. */
  readonly message: string;
}

export interface UploadExpectation {
  readonly formNo: string;
  readonly version?: number;
  readonly periodId?: string;
  readonly unitCode?: string;
}

export interface ValueChange {
  readonly cellKey: string;
  readonly address: string;
  readonly ref: string;
  readonly before: CellValue | null;
  readonly after: CellValue | null;
}

export interface ParsedUpload {
  /** True when there is no error: the values may be imported. */
  readonly ok: boolean;
  readonly meta: SheetMeta | null;
  /** Entry cells that have a value on the sheet. */
  readonly values: Record<string, CellValue>;
  readonly errors: readonly SheetError[];
  /** Entry cells whose value differs from `current` (only cells read without error). */
  readonly changes: readonly ValueChange[];
}

const fileError = (code: SheetErrorCode, message: string): SheetError => ({
  ref: '',
  cellKey: null,
  address: null,
  code,
  message,
});

type Raw = ExcelJS.CellValue;

const isFormula = (v: Raw): v is ExcelJS.CellFormulaValue | ExcelJS.CellSharedFormulaValue =>
  typeof v === 'object' && v !== null && ('formula' in v || 'sharedFormula' in v);

/** A cell's content as a plain value: rich text joined, formulas by their result. */
function plain(v: Raw): number | string | boolean | Date | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' || v instanceof Date) return v;
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('text' in v && typeof v.text === 'string') return v.text;
  if (isFormula(v)) {
    const r = v.result;
    return r === undefined || (typeof r === 'object' && !(r instanceof Date)) ? null : r;
  }
  return null;
}

async function readMeta(wb: ExcelJS.Workbook): Promise<SheetMeta | null> {
  const ws = wb.getWorksheet(META_SHEET);
  if (!ws) return null;
  const m = new Map<string, string>();
  ws.eachRow((row) => {
    m.set(String(plain(row.getCell(1).value) ?? ''), String(plain(row.getCell(2).value) ?? ''));
  });
  const kind = m.get('kind');
  if (!m.get('formNo') || (kind !== 'template' && kind !== 'filled' && kind !== 'aggregate')) return null;
  return {
    formNo: m.get('formNo')!,
    version: Number(m.get('version')),
    period: m.get('period') ?? '',
    unitCode: m.get('unitCode') ?? '',
    kind,
  };
}

function checkMeta(meta: SheetMeta, expect: UploadExpectation): SheetError[] {
  const out: SheetError[] = [];
  if (meta.formNo !== expect.formNo)
    out.push(fileError('wrongForm', `文件是 ${meta.formNo} 的表样，不是 ${expect.formNo}`));
  if (expect.version !== undefined && meta.version !== expect.version)
    out.push(
      fileError(
        'wrongVersion',
        `文件是第 ${meta.version} 版表样，当前应使用第 ${expect.version} 版，请重新下载`,
      ),
    );
  if (expect.periodId !== undefined && meta.period !== expect.periodId)
    out.push(fileError('wrongPeriod', `文件的报告期是 ${meta.period}，不是 ${expect.periodId}`));
  if (expect.unitCode !== undefined && meta.unitCode !== expect.unitCode)
    out.push(fileError('wrongUnit', `文件的填报单位代码是 ${meta.unitCode}，不是 ${expect.unitCode}`));
  if (meta.kind === 'aggregate') out.push(fileError('notATemplate', '汇总表不能导入，请下载填报表样'));
  return out;
}

/** Finds every form cell on the sheet by the hidden codes: key → A1 reference. */
function locateCells(ws: ExcelJS.Worksheet): Map<string, { ref: string; raw: Raw }> | null {
  let codesRow = 0;
  ws.getColumn(1).eachCell((cell, row) => {
    if (codesRow === 0 && plain(cell.value) === CODES_MARKER) codesRow = row;
  });
  if (codesRow === 0) return null;
  const combos = new Map<number, string>();
  ws.getRow(codesRow).eachCell((cell, col) => {
    const v = plain(cell.value);
    if (col > 1 && typeof v === 'string' && v !== '') combos.set(col, v);
  });
  const out = new Map<string, { ref: string; raw: Raw }>();
  ws.eachRow((row, r) => {
    if (r <= codesRow) return;
    const indicator = plain(row.getCell(1).value);
    if (typeof indicator !== 'string' || indicator === '') return;
    for (const [col, combo] of combos)
      out.set(`${indicator}.${combo}`, { ref: `${columnLetters(col)}${r}`, raw: row.getCell(col).value });
  });
  return out;
}

function readEntry(
  cell: Cell,
  raw: Raw,
): { ok: true; value: CellValue | null } | { ok: false; message: string } {
  const shown = plain(raw);
  // A formula typed into an entry cell (=12.1+0.2) gives binary noise no one typed.
  const v = isFormula(raw) && typeof shown === 'number' ? roundTo(shown, 10) : shown;
  if (v === null || v === '') return { ok: true, value: null };
  if (v instanceof Date) return { ok: false, message: `${cell.address} 应为数值，收到日期` };
  if (typeof v === 'boolean') {
    if (cell.indicator.valueType === 'boolean') return { ok: true, value: v ? 1 : 0 };
    return {
      ok: false,
      message: `${cell.address} 应为${cell.indicator.valueType === 'text' ? '文字' : '数值'}`,
    };
  }
  if (typeof v === 'number' && cell.indicator.valueType !== 'text') {
    const error = checkCellValue(cell, v);
    return error ? { ok: false, message: error.message } : { ok: true, value: v };
  }
  const r = parseCellInput(cell, String(v));
  return r.ok ? { ok: true, value: r.value } : { ok: false, message: r.error.message };
}

const same = (a: CellValue | null | undefined, b: CellValue | null | undefined) =>
  (a ?? null) === (b ?? null);

/** Reads an uploaded workbook against the layout it claims to be; the stored values drive the diff. */
export async function parseUpload(
  data: Uint8Array,
  layout: CompiledLayout,
  expect: UploadExpectation,
  stored: Readonly<Record<string, string | number | null | undefined>> = {},
): Promise<ParsedUpload> {
  const current = toCellValues(layout, stored);
  const empty = { values: {}, changes: [] };
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(data.buffer, data.byteOffset, data.byteLength) as unknown as ArrayBuffer);
  } catch {
    return {
      ok: false,
      meta: null,
      errors: [fileError('unreadable', '无法读取文件，请上传 .xlsx 格式的表样')],
      ...empty,
    };
  }
  const meta = await readMeta(wb);
  const ws = wb.getWorksheet(SHEET_NAME);
  const located = ws ? locateCells(ws) : null;
  if (!meta || !located)
    return {
      ok: false,
      meta,
      errors: [fileError('notATemplate', '文件不是本系统下载的表样，请先下载表样再填报')],
      ...empty,
    };
  const metaErrors = checkMeta(meta, expect);
  if (metaErrors.length > 0) return { ok: false, meta, errors: metaErrors, ...empty };

  const errors: SheetError[] = [];
  const values: Record<string, CellValue> = {};
  const expected = sheetRefs(layout);
  for (const [key, { ref, raw }] of located) {
    const cell = layout.byKey.get(key);
    const at = { ref, cellKey: key, address: cell?.address ?? null };
    if (!cell) {
      if (plain(raw) !== null)
        errors.push({ ...at, code: 'unknownCell', message: `${ref} 不属于本表（${key}）` });
      continue;
    }
    if (cell.kind === 'computed') {
      if (!isFormula(raw) && plain(raw) !== null)
        errors.push({
          ...at,
          code: 'computedCell',
          message: `${ref} 是计算单元格，不能填写数值，请恢复公式或清空`,
        });
      continue;
    }
    if (cell.kind === 'disabled') {
      const v = plain(raw);
      if (v !== null && v !== '' && v !== DISABLED_MARK)
        errors.push({ ...at, code: 'disabledCell', message: `${ref} 不需填报，应为空` });
      continue;
    }
    const read = readEntry(cell, raw);
    if (!read.ok) errors.push({ ...at, code: 'invalidValue', message: `${ref}：${read.message}` });
    else if (read.value !== null) values[key] = read.value;
  }
  for (const cell of layout.cells)
    if (!located.has(cell.key))
      errors.push({
        ref: expected.get(cell.key) ?? '',
        cellKey: cell.key,
        address: cell.address,
        code: 'missingCell',
        message: `表样中缺少单元格 ${cell.address}（${cell.key}），请重新下载表样`,
      });
  const bad = new Set(errors.map((e) => e.cellKey));
  const changes: ValueChange[] = [];
  for (const cell of layout.cells) {
    if (cell.kind !== 'entry' || bad.has(cell.key)) continue;
    const before = current[cell.key] ?? null;
    const after = values[cell.key] ?? null;
    if (!same(before, after))
      changes.push({
        cellKey: cell.key,
        address: cell.address,
        ref: located.get(cell.key)!.ref,
        before,
        after,
      });
  }
  return { ok: errors.length === 0, meta, values, errors, changes };
}
