/**
 * DHIS2 data value set CSV (Web API "Data values" import/export): one value per line,
 *   dataelement,period,orgunit,catoptcombo,attroptcombo,value,storedby,lastupdated,comment,followup
 * with an optional header line. Fields follow RFC 4180: double quotes around fields holding a
 * comma, quote or line break, a quote doubled inside. Pure; never throws.
 */

export const CSV_COLUMNS = [
  'dataelement',
  'period',
  'orgunit',
  'catoptcombo',
  'attroptcombo',
  'value',
  'storedby',
  'lastupdated',
  'comment',
  'followup',
] as const;

export interface CsvValue {
  readonly dataElement: string;
  readonly period: string;
  readonly orgUnit: string;
  readonly categoryOptionCombo: string;
  readonly attributeOptionCombo: string;
  readonly value: string;
  readonly storedBy: string;
  readonly lastUpdated: string;
  readonly comment: string;
}

export type CsvParse =
  | { readonly ok: true; readonly values: CsvValue[] }
  | { readonly ok: false; readonly error: string; readonly line: number };

/** Splits RFC 4180 text into records of fields. */
function records(text: string): { ok: true; rows: string[][] } | { ok: false; error: string; line: number } {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let i = 0;
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  while (i < body.length) {
    const ch = body[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (body[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i += 1;
        const next = body[i];
        if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r')
          return { ok: false, error: 'text after a closing quote', line };
        continue;
      }
      if (ch === '\n') line += 1;
      field += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      i += 1;
    } else if (ch === ',') {
      row.push(field);
      field = '';
      i += 1;
    } else if (ch === '\n' || ch === '\r') {
      row.push(field);
      field = '';
      if (!(row.length === 1 && row[0] === '')) rows.push(row);
      row = [];
      i += ch === '\r' && body[i + 1] === '\n' ? 2 : 1;
      line += 1;
    } else {
      field += ch;
      i += 1;
    }
  }
  if (quoted) return { ok: false, error: 'unterminated quoted field', line };
  row.push(field);
  if (!(row.length === 1 && row[0] === '')) rows.push(row);
  return { ok: true, rows };
}

export function parseDataValueCsv(text: string): CsvParse {
  if (typeof text !== 'string') return { ok: false, error: 'CSV text expected', line: 0 };
  const parsed = records(text);
  if (!parsed.ok) return parsed;
  const rows = parsed.rows;
  const first = rows[0];
  const start = first && first[0]?.trim().toLowerCase() === 'dataelement' ? 1 : 0;
  const values: CsvValue[] = [];
  for (let r = start; r < rows.length; r++) {
    const f = rows[r] as string[];
    if (f.length < 3)
      return { ok: false, error: 'a line needs at least dataelement, period and orgunit', line: r + 1 };
    values.push({
      dataElement: f[0]?.trim() ?? '',
      period: f[1]?.trim() ?? '',
      orgUnit: f[2]?.trim() ?? '',
      categoryOptionCombo: f[3]?.trim() ?? '',
      attributeOptionCombo: f[4]?.trim() ?? '',
      value: f[5] ?? '',
      storedBy: f[6] ?? '',
      lastUpdated: f[7] ?? '',
      comment: f[8] ?? '',
    });
  }
  return { ok: true, values };
}

const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export const CSV_HEADER = `${CSV_COLUMNS.join(',')}\n`;

/** Data lines, each ending in a line break, to follow CSV_HEADER. */
export function dataValueCsvLines(values: readonly CsvValue[]): string {
  let out = '';
  for (const v of values)
    out += `${[
      v.dataElement,
      v.period,
      v.orgUnit,
      v.categoryOptionCombo,
      v.attributeOptionCombo,
      v.value,
      v.storedBy,
      v.lastUpdated,
      v.comment,
      'false',
    ]
      .map(quote)
      .join(',')}\n`;
  return out;
}

export const writeDataValueCsv = (values: readonly CsvValue[]): string =>
  CSV_HEADER + dataValueCsvLines(values);
