import { type ClipboardEvent, type KeyboardEvent, useMemo, useRef } from 'react';
import { useT } from '../../../i18n/useT.ts';
import { type Grid, type GridCell, headerRows } from '../model/layout.ts';
import './fill-grid.css';

export interface CellMarks {
  invalid: ReadonlySet<string>;
  hard: ReadonlySet<string>;
  soft: ReadonlySet<string>;
  comments: ReadonlySet<string>;
  annotations: ReadonlySet<string>;
  dirty: ReadonlySet<string>;
  drifted: ReadonlySet<string>;
}

export interface FillGridProps {
  grid: Grid;
  /** Text shown in each cell: entered (or typed, not yet saved) values and computed figures. */
  textOf: (cell: GridCell) => string;
  editable: boolean;
  marks: CellMarks;
  active: string | null;
  onActivate: (key: string) => void;
  onEdit: (edits: { key: string; text: string }[]) => void;
  /** A block pasted at a cell: rows × columns of text. */
  onPaste: (at: GridCell, block: string[][]) => void;
  titleOf: (cell: GridCell) => string | undefined;
}

type Move = 'up' | 'down' | 'left' | 'right' | 'next' | 'prev';

/**
 * The filling grid: indicators in rows, option combos in columns, like the paper form. Entry cells
 * are inputs; computed cells show figures and cannot be typed into; shaded cells are not filled.
 * Arrows, Tab/Shift+Tab and Enter/Shift+Enter move between entry cells; a block pasted from Excel
 * (tab-separated) fills rightwards and downwards from the cell it is pasted into.
 */
export function FillGrid({
  grid,
  textOf,
  editable,
  marks,
  active,
  onActivate,
  onEdit,
  onPaste,
  titleOf,
}: FillGridProps) {
  const t = useT();
  const inputs = useRef(new Map<string, HTMLInputElement>());
  const header = useMemo(() => headerRows(grid), [grid]);
  const entryOrder = useMemo(() => grid.cells.flat().filter((c) => c.kind === 'entry'), [grid]);

  const focus = (cell: GridCell | undefined) => {
    if (!cell) return;
    const input = inputs.current.get(cell.key);
    input?.focus();
    input?.select();
  };

  const neighbour = (from: GridCell, move: Move): GridCell | undefined => {
    if (move === 'next' || move === 'prev') {
      const i = entryOrder.indexOf(from);
      return entryOrder[move === 'next' ? i + 1 : i - 1];
    }
    const [dr, dc] = ({ up: [-1, 0], down: [1, 0], left: [0, -1], right: [0, 1] } as const)[move];
    let r = from.row + dr;
    let c = from.column + dc;
    while (r >= 0 && r < grid.cells.length && c >= 0 && c < grid.columns.length) {
      const cell = grid.cells[r]?.[c];
      if (cell?.kind === 'entry') return cell;
      r += dr;
      c += dc;
    }
    return undefined;
  };

  const onKeyDown = (cell: GridCell, e: KeyboardEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const atStart = input.selectionStart === 0 && input.selectionEnd === 0;
    const atEnd = input.selectionStart === input.value.length;
    const whole = input.selectionStart === 0 && input.selectionEnd === input.value.length;
    let move: Move | null = null;
    if (e.key === 'ArrowUp') move = 'up';
    else if (e.key === 'ArrowDown') move = 'down';
    else if (e.key === 'ArrowLeft' && (atStart || whole)) move = 'left';
    else if (e.key === 'ArrowRight' && (atEnd || whole)) move = 'right';
    else if (e.key === 'Tab') move = e.shiftKey ? 'prev' : 'next';
    else if (e.key === 'Enter') move = e.shiftKey ? 'up' : 'down';
    else if (e.key === 'Escape') {
      onEdit([{ key: cell.key, text: input.defaultValue }]);
      return;
    }
    if (!move) return;
    const target = neighbour(cell, move);
    if (target || move === 'next' || move === 'prev') e.preventDefault();
    focus(target);
  };

  const onPasteAt = (cell: GridCell, e: ClipboardEvent<HTMLInputElement>) => {
    const text = e.clipboardData.getData('text/plain');
    if (!/[\t\n]/.test(text.replace(/\r?\n$/, ''))) return;
    e.preventDefault();
    const block = text
      .replace(/\r\n?/g, '\n')
      .replace(/\n$/, '')
      .split('\n')
      .map((l) => l.split('\t'));
    onPaste(cell, block);
  };

  const classOf = (cell: GridCell) => {
    const k = cell.key;
    return [
      cell.kind,
      active === k && 'active',
      marks.invalid.has(k) ? 'invalid' : marks.hard.has(k) ? 'rule-hard' : marks.soft.has(k) && 'rule-soft',
      marks.dirty.has(k) && 'dirty',
      marks.drifted.has(k) && 'drifted',
      marks.annotations.has(k) ? 'has-note has-annotation' : marks.comments.has(k) && 'has-note',
    ]
      .filter(Boolean)
      .join(' ');
  };

  const dimNames = grid.def.dimensions.map((d) => d.name).join(' × ');
  return (
    <div className="stats-grid-wrap" data-testid="stats-grid">
      <table className="stats-grid">
        <thead>
          {header.map((cols, level) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: header rows are positional
            <tr key={level}>
              {level === 0 && (
                <>
                  <th className="stats-rowhead" rowSpan={header.length}>
                    {dimNames ? `${t('stats.grid.indicator')} \\ ${dimNames}` : t('stats.grid.indicator')}
                  </th>
                  <th rowSpan={header.length}>{t('stats.grid.code')}</th>
                  <th rowSpan={header.length}>{t('stats.grid.unit')}</th>
                </>
              )}
              {cols.map((h, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: header cells are positional
                <th key={i} colSpan={h.span} rowSpan={h.rowSpan}>
                  {h.label}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {grid.cells.map((row, r) => {
            const def = grid.def.rows[r];
            if (!def) return null;
            return (
              <tr key={def.indicator.code}>
                <th className="stats-rowhead" style={{ paddingLeft: 10 + 16 * (def.indent ?? 0) }}>
                  {(def.indent ?? 0) > 0
                    ? t('stats.grid.of-which', { name: def.indicator.name })
                    : def.indicator.name}
                </th>
                <td className="stats-code">{String(r + 1).padStart(2, '0')}</td>
                <td className="stats-unit">{def.indicator.unit}</td>
                {row.map((cell) =>
                  cell.kind === 'entry' ? (
                    <td key={cell.key} className={classOf(cell)} title={titleOf(cell)}>
                      <input
                        ref={(el) => {
                          if (el) inputs.current.set(cell.key, el);
                          else inputs.current.delete(cell.key);
                        }}
                        data-testid={`cell-${cell.key}`}
                        data-address={cell.address}
                        aria-label={`${cell.address} ${def.indicator.name}`}
                        value={textOf(cell)}
                        readOnly={!editable}
                        inputMode={cell.indicator.valueType === 'text' ? 'text' : 'decimal'}
                        style={cell.indicator.valueType === 'text' ? { textAlign: 'left' } : undefined}
                        onFocus={() => onActivate(cell.key)}
                        onChange={(e) => onEdit([{ key: cell.key, text: e.target.value }])}
                        onKeyDown={(e) => onKeyDown(cell, e)}
                        onPaste={(e) => editable && onPasteAt(cell, e)}
                      />
                    </td>
                  ) : (
                    <td
                      key={cell.key}
                      className={classOf(cell)}
                      title={titleOf(cell)}
                      data-testid={`cell-${cell.key}`}
                      data-address={cell.address}
                      tabIndex={-1}
                      onClick={() => onActivate(cell.key)}
                      onKeyDown={(e) => e.key === 'Enter' && onActivate(cell.key)}
                    >
                      {cell.kind === 'disabled' ? '—' : textOf(cell)}
                    </td>
                  ),
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
