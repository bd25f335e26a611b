import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { isApiError } from '../../../api/client.ts';
import { type CellInput, parseCellInput } from '../model/cell-input.ts';
import { computeAll, type Grid, type GridCell } from '../model/layout.ts';
import type { ReportRef, ReportView } from '../model/types.ts';
import { useSaveCells } from './useStats.ts';

export const AUTOSAVE_DELAY_MS = 600;

export type SaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'invalid' | 'failed';

export interface ServerCellError {
  cellKey: string;
  address: string | null;
  code: string;
  message: string;
}

/**
 * What a person has typed into the grid and not yet saved, and the draft autosave: a short pause
 * after the last keystroke, every valid changed cell goes to the server in one batch (all or
 * nothing there); invalid cells stay in the grid, marked, and are not sent.
 */
export function useDraft(ref: ReportRef, grid: Grid, view: ReportView | undefined, editable: boolean) {
  const [draft, setDraft] = useState<ReadonlyMap<string, string>>(new Map());
  const [serverErrors, setServerErrors] = useState<ServerCellError[]>([]);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const save = useSaveCells(ref);
  const inFlight = useRef(false);

  const parsed = useMemo(() => {
    const out = new Map<string, CellInput>();
    for (const [key, text] of draft) {
      const cell = grid.byKey.get(key);
      if (cell) out.set(key, parseCellInput(cell, text));
    }
    return out;
  }, [draft, grid]);

  const stored = useCallback((key: string) => view?.values[key] ?? null, [view]);

  const pending = useMemo(
    () =>
      [...parsed].flatMap(([key, p]) => (p.ok && p.value !== stored(key) ? [{ key, value: p.value }] : [])),
    [parsed, stored],
  );

  useEffect(() => {
    if (!editable || pending.length === 0 || inFlight.current) return;
    const timer = setTimeout(() => {
      inFlight.current = true;
      const sent = new Map(pending.map((c) => [c.key, draft.get(c.key)]));
      save.mutate(pending, {
        onSuccess: () => {
          setDraft((d) => {
            const next = new Map(d);
            for (const [key, text] of sent) if (next.get(key) === text) next.delete(key);
            return next;
          });
          setServerErrors([]);
          setFailed(null);
          setSavedAt(new Date());
        },
        onError: (error) => {
          if (isApiError(error) && Array.isArray(error.details))
            setServerErrors(error.details as ServerCellError[]);
          setFailed(isApiError(error) ? error.message : String(error));
        },
        onSettled: () => {
          inFlight.current = false;
        },
      });
    }, AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [pending, editable, draft, save]);

  // Text that reads exactly as what is stored (pasted or typed back) is no longer a draft.
  useEffect(() => {
    setDraft((d) => {
      const same = [...d].filter(([key, text]) => text.trim() === (stored(key) ?? ''));
      if (same.length === 0 || inFlight.current) return d;
      const next = new Map(d);
      for (const [key] of same) next.delete(key);
      return next;
    });
  }, [stored]);

  const edit = useCallback((edits: { key: string; text: string }[]) => {
    setDraft((d) => {
      const next = new Map(d);
      for (const { key, text } of edits) next.set(key, text);
      return next;
    });
  }, []);

  /** Text in a cell: what was typed, else the stored value, else the computed figure. */
  const entered = useMemo(() => {
    const numbers = new Map<string, number>();
    for (const [key, value] of Object.entries(view?.values ?? {}))
      if (value !== null) numbers.set(key, Number(value));
    for (const [key, p] of parsed)
      if (p.ok) {
        if (p.value === null) numbers.delete(key);
        else numbers.set(key, Number(p.value));
      }
    return numbers;
  }, [view, parsed]);
  const computed = useMemo(() => computeAll(grid, entered), [grid, entered]);

  const textOf = useCallback(
    (cell: GridCell) => {
      if (cell.kind === 'computed') return computed.get(cell.key) ?? view?.computed[cell.key] ?? '';
      return draft.get(cell.key) ?? view?.values[cell.key] ?? '';
    },
    [draft, view, computed],
  );

  const invalid = useMemo(() => {
    const out = new Map<string, CellInput & { ok: false }>();
    for (const [key, p] of parsed) if (!p.ok) out.set(key, p);
    return out;
  }, [parsed]);

  const status: SaveStatus =
    invalid.size > 0
      ? 'invalid'
      : save.isPending
        ? 'saving'
        : failed
          ? 'failed'
          : pending.length > 0
            ? 'pending'
            : savedAt
              ? 'saved'
              : 'idle';

  return { edit, textOf, invalid, serverErrors, status, savedAt, failed, dirty: new Set(draft.keys()) };
}
