/**
 * Form-shaped .xlsx workbooks (ExcelJS): a template for one form × unit × period in the official
 * printed layout (title, 表号, 制定机关, 批准机关, 批准文号, 有效期至, 填报单位, 报告期, column
 * headings from the dimensions, signature line), with entry cells unlocked and typed, computed
 * cells as Excel formulas, shaded cells marked —, and the sheet protected so only entry cells take
 * input. The same writer exports filled and aggregated reports. Reading back: excel-upload.ts.
 */
import ExcelJS from 'exceljs';
import {
  CODES_MARKER,
  columnLetters,
  DISABLED_MARK,
  FIRST_DATA_COLUMN,
  HEADER_FIRST_ROW,
  META_SHEET,
  SHEET_NAME,
  type SheetMeta,
  sheetGeometry,
  sheetRef,
} from './excel-sheet.ts';
import { type Cell, type CompiledLayout, computeDerived, toCellValues } from './layout.ts';

export { type SheetMeta, sheetRefs } from './excel-sheet.ts';
export { type ParsedUpload, parseUpload, type SheetError, type UploadExpectation } from './excel-upload.ts';

/** Values by cell key; numbers may be exact decimal text as stored (toCellValues). */
export type StoredValues = Readonly<Record<string, string | number | null | undefined>>;

/** The form's official header (报表制度 fields). */
export interface FormHeader {
  readonly formNo: string;
  readonly name: string;
  readonly issuingAuthority: string;
  readonly approvingAuthority: string;
  readonly approvalNo: string;
  /** 'YYYY-MM-DD' or null. */
  readonly validUntil: string | null;
  readonly version: number;
}

export interface WorkbookContext {
  readonly header: FormHeader;
  readonly unitName: string;
  readonly unitCode: string;
  readonly periodId: string;
  /** As people read it, e.g. formatPeriod(period): 2026年11月. */
  readonly periodLabel: string;
  /** template: blank for filling; filled: a unit's report; aggregate: a 汇总 (read-only). */
  readonly kind: SheetMeta['kind'];
}

const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const SHADE = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFE7E6E6' } };
const COMPUTED_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFF2F7FC' } };
// Excel takes at most 255 arguments per function.
const MAX_ARGS = 255;

const numFmt = (cell: Cell): string =>
  cell.indicator.valueType === 'text'
    ? '@'
    : cell.indicator.decimals === 0
      ? '0'
      : `0.${'0'.repeat(cell.indicator.decimals)}`;

const zhMonth = (date: string | null) =>
  date === null ? '长期' : `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月`;

/** fn over the refs, split into fn(…)+fn(…) past Excel's argument limit (SUM and COUNT add up). */
function additive(fn: 'SUM' | 'COUNT', refs: readonly string[]): string {
  const chunks: string[] = [];
  for (let i = 0; i < refs.length; i += MAX_ARGS)
    chunks.push(`${fn}(${refs.slice(i, i + MAX_ARGS).join(',')})`);
  return chunks.join('+');
}

/** The Excel formula of a computed cell, blank while none of its inputs has a value. */
export function excelFormula(layout: CompiledLayout, cell: Cell): string {
  const formula = cell.formula!;
  const refs = formula.of.map((key) => {
    const input = layout.byKey.get(key)!;
    return sheetRef(layout, input.row, input.column);
  });
  if (refs.length === 0) return '""';
  const fn = { sum: 'SUM', average: 'AVERAGE', min: 'MIN', max: 'MAX' }[formula.op];
  // Only SUM splits past 255 arguments; the others aggregate one row's leaves, far fewer.
  const inner = formula.op === 'sum' ? additive('SUM', refs) : `${fn}(${refs.join(',')})`;
  return `IF(${additive('COUNT', refs)}=0,"",ROUND(${inner},${cell.indicator.decimals}))`;
}

function writeHeadings(ws: ExcelJS.Worksheet, layout: CompiledLayout): void {
  const g = sheetGeometry(layout);
  const last = HEADER_FIRST_ROW + g.headingRows - 1;
  const fixed = ['指标名称', '代码', '计量单位'];
  fixed.forEach((title, i) => {
    ws.getCell(HEADER_FIRST_ROW, i + 2).value = title;
    if (last > HEADER_FIRST_ROW) ws.mergeCells(HEADER_FIRST_ROW, i + 2, last, i + 2);
  });
  const labelsOf = (i: number) =>
    layout.columns[i]!.labels.length > 0 ? layout.columns[i]!.labels : ['数值'];
  for (let level = 0; level < g.headingRows; level++) {
    const row = HEADER_FIRST_ROW + level;
    let i = 0;
    while (i < layout.columns.length) {
      const labels = labelsOf(i);
      const col = FIRST_DATA_COLUMN + i;
      if (level >= labels.length) {
        i++;
        continue;
      }
      if (level === labels.length - 1) {
        ws.getCell(row, col).value = labels[level]!;
        if (last > row) ws.mergeCells(row, col, last, col);
        i++;
        continue;
      }
      // A shared prefix: merge across every column under it.
      const prefix = labels.slice(0, level + 1).join('\u0000');
      let j = i + 1;
      while (j < layout.columns.length) {
        const other = labelsOf(j);
        if (other.length - 1 <= level || other.slice(0, level + 1).join('\u0000') !== prefix) break;
        j++;
      }
      ws.getCell(row, col).value = labels[level]!;
      if (j - 1 > i) ws.mergeCells(row, col, row, FIRST_DATA_COLUMN + j - 1);
      i = j;
    }
  }
  for (let r = HEADER_FIRST_ROW; r <= last; r++)
    for (let c = 2; c <= g.lastColumn; c++) {
      const cell = ws.getCell(r, c);
      cell.border = BORDER;
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.font = { bold: true };
    }
}

function writeHeader(ws: ExcelJS.Worksheet, layout: CompiledLayout, ctx: WorkbookContext): void {
  const g = sheetGeometry(layout);
  const h = ctx.header;
  const right = Math.max(FIRST_DATA_COLUMN, g.lastColumn - 3);
  const middle = Math.max(3, Math.floor((2 + right) / 2));
  ws.getCell(1, 2).value = ctx.kind === 'aggregate' ? `${h.name}（汇总）` : h.name;
  ws.mergeCells(1, 2, 1, g.lastColumn);
  ws.getCell(1, 2).font = { bold: true, size: 16 };
  ws.getCell(1, 2).alignment = { horizontal: 'center' };
  ws.getCell(2, 2).value = `表号：${h.formNo}`;
  ws.getCell(2, right).value = `制定机关：${h.issuingAuthority}`;
  ws.getCell(3, 2).value = `填报单位：${ctx.unitName}`;
  ws.getCell(3, middle).value = `批准机关：${h.approvingAuthority}`;
  ws.getCell(3, right).value = `批准文号：${h.approvalNo}`;
  ws.getCell(4, 2).value = `报告期：${ctx.periodLabel}`;
  ws.getCell(4, right).value = `有效期至：${zhMonth(h.validUntil)}`;
  const sign = g.signatureRow;
  const quarter = Math.max(1, Math.floor((g.lastColumn - 1) / 4));
  ['单位负责人：', '统计负责人：', '填表人：', '报出日期：    年  月  日'].forEach((text, i) => {
    ws.getCell(sign, 2 + i * quarter).value = text;
  });
}

function writeCells(
  ws: ExcelJS.Worksheet,
  layout: CompiledLayout,
  ctx: WorkbookContext,
  values: StoredValues,
): void {
  const g = sheetGeometry(layout);
  const derived = computeDerived(layout, toCellValues(layout, values));
  ws.getCell(g.codesRow, 1).value = CODES_MARKER;
  layout.columns.forEach((col, i) => {
    ws.getCell(g.codesRow, FIRST_DATA_COLUMN + i).value = col.combo;
  });
  ws.getRow(g.codesRow).hidden = true;
  layout.rows.forEach((row, i) => {
    const r = g.firstDataRow + i;
    ws.getCell(r, 1).value = row.indicator.code;
    ws.getCell(r, 2).value = `${'　'.repeat(row.indent ?? 0)}${row.indicator.name}`;
    ws.getCell(r, 3).value = String(i + 1).padStart(2, '0');
    ws.getCell(r, 4).value = row.indicator.unit;
    for (let c = 2; c <= 4; c++) ws.getCell(r, c).border = BORDER;
  });
  for (const cell of layout.cells) {
    const x = ws.getCell(sheetRef(layout, cell.row, cell.column));
    x.border = BORDER;
    x.numFmt = numFmt(cell);
    const value = derived[cell.key];
    if (cell.kind === 'disabled') {
      x.value = DISABLED_MARK;
      x.fill = SHADE;
      x.alignment = { horizontal: 'center' };
    } else if (cell.kind === 'computed') {
      x.value = { formula: excelFormula(layout, cell), result: typeof value === 'number' ? value : '' };
      x.fill = COMPUTED_FILL;
    } else {
      const isBoolean = cell.indicator.valueType === 'boolean';
      x.value = isBoolean && typeof value === 'number' ? (value ? '是' : '否') : (value ?? null);
      if (ctx.kind !== 'aggregate') x.protection = { locked: false };
      if (isBoolean && ctx.kind !== 'aggregate')
        x.dataValidation = {
          type: 'list',
          allowBlank: true,
          formulae: ['"是,否"'],
          showErrorMessage: true,
          errorTitle: '数值有误',
          error: `${cell.indicator.name}应填“是”或“否”`,
        };
      else if (
        cell.indicator.valueType !== 'text' &&
        cell.indicator.valueType !== 'boolean' &&
        ctx.kind !== 'aggregate'
      )
        x.dataValidation = {
          type: cell.indicator.valueType === 'integer' || cell.indicator.decimals === 0 ? 'whole' : 'decimal',
          operator: 'between',
          allowBlank: true,
          formulae: [cell.indicator.min ?? -1e15, cell.indicator.max ?? 1e15],
          showErrorMessage: true,
          errorTitle: '数值有误',
          error: `${cell.indicator.name}应为数值，最多 ${cell.indicator.decimals} 位小数`,
        };
    }
  }
}

/** A workbook for one form × unit × period: blank (template), a unit's values, or an aggregate. */
export async function buildWorkbook(
  layout: CompiledLayout,
  ctx: WorkbookContext,
  values: StoredValues = {},
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'jtgov';
  const ws = wb.addWorksheet(SHEET_NAME, {
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const g = sheetGeometry(layout);
  ws.getColumn(1).hidden = true;
  ws.getColumn(2).width = 28;
  ws.getColumn(3).width = 6;
  ws.getColumn(4).width = 10;
  for (let c = FIRST_DATA_COLUMN; c <= g.lastColumn; c++) ws.getColumn(c).width = 12;
  writeHeader(ws, layout, ctx);
  writeHeadings(ws, layout);
  writeCells(ws, layout, ctx, values);
  ws.views = [{ state: 'frozen', xSplit: FIRST_DATA_COLUMN - 1, ySplit: g.codesRow }];
  await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true });
  const meta = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
  const h = ctx.header;
  const rows: [string, string | number][] = [
    ['formNo', h.formNo],
    ['version', h.version],
    ['period', ctx.periodId],
    ['unitCode', ctx.unitCode],
    ['kind', ctx.kind],
  ];
  for (const row of rows) meta.addRow(row);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Column letters for tests and error messages. */
export { columnLetters };
