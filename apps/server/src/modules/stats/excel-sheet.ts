/**
 * Where a form's cells sit on its .xlsx sheet, shared by the writer (excel.ts) and the reader
 * (excel-upload.ts). Column A is hidden and holds each row's indicator code; the hidden row under
 * the column headings holds each column's option combo; a very hidden sheet holds the form
 * number, version, period and unit. The reader maps cells by these codes, not by position.
 *
 *   A (hidden) | B 指标名称 | C 代码 | D 计量单位 | E… data columns in layout order
 *   1 title · 2–4 header lines (表号, 制定机关, 批准机关, 批准文号, 有效期至, 填报单位, 报告期)
 *   5… column headings, one row per dimension · hidden combo row · one row per indicator
 *   then the signature line (单位负责人, 统计负责人, 填表人, 报出日期)
 */
import type { CompiledLayout } from './layout.ts';

export const SHEET_NAME = '报表';
export const META_SHEET = 'jtgov';
export const CODES_MARKER = 'jtgov:cells';
export const FIRST_DATA_COLUMN = 5;
export const HEADER_FIRST_ROW = 5;
export const DISABLED_MARK = '—';

export interface SheetGeometry {
  readonly headingRows: number;
  /** The hidden row holding combo codes. */
  readonly codesRow: number;
  readonly firstDataRow: number;
  readonly lastColumn: number;
  readonly signatureRow: number;
}

export function sheetGeometry(layout: CompiledLayout): SheetGeometry {
  const headingRows = Math.max(1, ...layout.columns.map((c) => c.labels.length));
  const codesRow = HEADER_FIRST_ROW + headingRows;
  return {
    headingRows,
    codesRow,
    firstDataRow: codesRow + 1,
    lastColumn: FIRST_DATA_COLUMN + layout.columns.length - 1,
    signatureRow: codesRow + 1 + layout.rows.length + 1,
  };
}

/** Column letters of a 1-based index: 1 → A, 27 → AA. */
export function columnLetters(index: number): string {
  let n = index;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** The A1 reference of a layout cell (row and column 1-based in the layout). */
export function sheetRef(layout: CompiledLayout, row: number, column: number): string {
  const g = sheetGeometry(layout);
  return `${columnLetters(FIRST_DATA_COLUMN + column - 1)}${g.firstDataRow + row - 1}`;
}

/** A1 reference of every layout cell, by key. */
export function sheetRefs(layout: CompiledLayout): Map<string, string> {
  return new Map(layout.cells.map((c) => [c.key, sheetRef(layout, c.row, c.column)]));
}

export interface SheetMeta {
  readonly formNo: string;
  readonly version: number;
  readonly period: string;
  readonly unitCode: string;
  readonly kind: 'template' | 'filled' | 'aggregate';
}
