import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PGlite } from '@electric-sql/pglite';
import { type RawBuilder, sql } from 'kysely';
// @ts-expect-error pg-copy-streams ships no types; `from(text)` gives a writable COPY stream
import { from as copyFrom } from 'pg-copy-streams';
import type { Executor } from './database.ts';

/**
 * Rows for `COPY … FROM STDIN` in PostgreSQL's text format (tab-separated, `\N` for null, one
 * line per row), given as a query's only parameter. The pool's clients recognise it and run the
 * statement as a COPY: pg-copy-streams on PostgreSQL, PGlite's native `/dev/blob` COPY on PGlite
 * (COPY FROM STDIN through PGlite's node-postgres adapter crashes it). Either way the COPY runs
 * on the caller's connection, inside its transaction.
 */
export class CopyRows {
  readonly chunks: readonly string[];
  constructor(chunks: readonly string[]) {
    this.chunks = chunks;
  }
}

/** A text-format COPY field: null as `\N`, backslash, tab, newline and CR escaped. */
export function copyField(value: string | number | null): string {
  if (value === null) return '\\N';
  const text = String(value);
  return /[\\\t\n\r]/.test(text)
    ? text.replace(/[\\\t\n\r]/g, (c) =>
        c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
      )
    : text;
}

/**
 * Loads text-format lines into a table with COPY, on the executor's connection (a transaction's
 * rows stay invisible to others until it commits). Returns the number of rows copied.
 */
export async function copyInto(
  db: Executor,
  table: string,
  columns: readonly string[],
  chunks: readonly string[],
): Promise<number> {
  const statement: RawBuilder<unknown> = sql`copy ${sql.table(table)} (${sql.join(columns.map((c) => sql.id(c)))}) from stdin ${new CopyRows(chunks)}`;
  const result = await statement.execute(db);
  return (result.rows[0] as { copied: number } | undefined)?.copied ?? 0;
}

export interface CopyResult {
  command: 'COPY';
  rowCount: number;
  rows: [{ copied: number }];
}

// What the pool sees: `copy … from stdin $1` with a CopyRows as $1.
const COPY_TEXT = /^\s*copy\s[\s\S]*\sfrom\s+stdin\s+\$1\s*$/i;

export function copyRequest(text: unknown, values: unknown): { text: string; rows: CopyRows } | null {
  if (typeof text !== 'string' || !Array.isArray(values) || values.length !== 1) return null;
  const rows = values[0];
  if (!(rows instanceof CopyRows) || !COPY_TEXT.test(text)) return null;
  return { text: text.replace(/\s+\$1\s*$/, ''), rows };
}

/** Runs a COPY FROM STDIN on a node-postgres client with pg-copy-streams. */
export async function copyOnPostgres(
  query: (submittable: unknown) => unknown,
  text: string,
  rows: CopyRows,
): Promise<CopyResult> {
  const stream = query(copyFrom(text)) as NodeJS.WritableStream & { rowCount?: number };
  await pipeline(Readable.from(rows.chunks), stream);
  const copied = stream.rowCount ?? 0;
  return { command: 'COPY', rowCount: copied, rows: [{ copied }] };
}

/** The same on PGlite: its native COPY from a blob, in the session the adapter uses. */
export async function copyOnPglite(lite: PGlite, text: string, rows: CopyRows): Promise<CopyResult> {
  const result = await lite.query(text.replace(/from\s+stdin\s*$/i, "from '/dev/blob'"), [], {
    blob: new Blob(rows.chunks as string[]),
  });
  const copied = result.affectedRows ?? 0;
  return { command: 'COPY', rowCount: copied, rows: [{ copied }] };
}
