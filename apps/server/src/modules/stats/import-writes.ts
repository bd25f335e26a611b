import type { StagedWrite } from './bulk-values.repository.ts';
import type { CompiledLayout } from './layout.ts';

/** The cells of one report (period × unit) an import writes, by the cell's index in its layout. */
interface ReportWrites {
  readonly period: string;
  readonly orgUnitId: number;
  readonly versionId: number;
  readonly keys: readonly string[];
  readonly num: (string | null)[];
  readonly txt: (string | null)[];
  /** Per cell: 0 not written, 1 a value (or a clear: both null), 2 a deletion. */
  readonly state: Uint8Array;
  /** A value or clear was given (not only deletions): the report must exist as a draft. */
  filled: boolean;
}

/** The cell keys of a layout in order, with each key's index (built once per layout). */
export interface CellIndex {
  readonly keys: readonly string[];
  readonly indexOf: ReadonlyMap<string, number>;
}

export const cellIndexOf = (layout: CompiledLayout): CellIndex => {
  const keys = layout.cells.map((c) => c.key);
  return { keys, indexOf: new Map(keys.map((k, i) => [k, i])) };
};

/**
 * The checked writes of an import, collected per report and cell: a cell given twice counts once,
 * with its last value (one statement cannot change a row twice). Kept in arrays per report rather
 * than one object and one composite string key per value: a national load has 1.4 M of them.
 */
export class ImportWrites {
  private readonly reports = new Map<string, Map<number, ReportWrites>>();
  /** Cells written, deletions included, each counted once. */
  size = 0;

  private report(period: string, orgUnitId: number, versionId: number, cells: CellIndex): ReportWrites {
    let byUnit = this.reports.get(period);
    if (!byUnit) {
      byUnit = new Map();
      this.reports.set(period, byUnit);
    }
    let r = byUnit.get(orgUnitId);
    if (!r) {
      const n = cells.keys.length;
      r = {
        period,
        orgUnitId,
        versionId,
        keys: cells.keys,
        num: new Array<string | null>(n).fill(null),
        txt: new Array<string | null>(n).fill(null),
        state: new Uint8Array(n),
        filled: false,
      };
      byUnit.set(orgUnitId, r);
    }
    return r;
  }

  /** Sets a cell to a value (both null: clears it). */
  set(
    period: string,
    orgUnitId: number,
    versionId: number,
    cells: CellIndex,
    index: number,
    num: string | null,
    txt: string | null,
  ): void {
    const r = this.report(period, orgUnitId, versionId, cells);
    if (r.state[index] === 0) this.size += 1;
    r.state[index] = 1;
    r.num[index] = num;
    r.txt[index] = txt;
    r.filled = true;
  }

  /** Deletes a cell. */
  delete(period: string, orgUnitId: number, versionId: number, cells: CellIndex, index: number): void {
    const r = this.report(period, orgUnitId, versionId, cells);
    if (r.state[index] === 0) this.size += 1;
    r.state[index] = 2;
    r.num[index] = null;
    r.txt[index] = null;
  }

  /** The reports written into (deletions included). */
  *reportKeys(): Iterable<{ period: string; orgUnitId: number }> {
    for (const byUnit of this.reports.values()) yield* byUnit.values();
  }

  /** The reports that get a value or clear, which must exist (as drafts when new). */
  *filledReports(): Iterable<{ period: string; orgUnitId: number; versionId: number }> {
    for (const r of this.reportKeys() as Iterable<ReportWrites>) if (r.filled) yield r;
  }

  /** Every write, report by report in cell order. */
  *writes(): Iterable<StagedWrite> {
    for (const r of this.reportKeys() as Iterable<ReportWrites>)
      for (let i = 0; i < r.state.length; i++) {
        const s = r.state[i];
        if (s === 0) continue;
        yield {
          period: r.period,
          orgUnitId: r.orgUnitId,
          cellKey: r.keys[i]!,
          num: r.num[i] ?? null,
          txt: r.txt[i] ?? null,
          del: s === 2,
        };
      }
  }
}
