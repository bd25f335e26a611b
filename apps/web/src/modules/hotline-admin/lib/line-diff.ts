export type DiffOp = 'same' | 'added' | 'removed';

export interface DiffLine {
  op: DiffOp;
  text: string;
}

/** Beyond this many cells the LCS table would be too big for a browser tab: compare whole. */
const MAX_CELLS = 4_000_000;

/**
 * Line diff of two texts (longest common subsequence): what a version changed against the one
 * before. Lines of `before` missing in `after` are removed, lines new in `after` are added.
 */
export function diffLines(before: string, after: string): DiffLine[] {
  const a = before.split('\n');
  const b = after.split('\n');
  if (a.length * b.length > MAX_CELLS) {
    return [
      ...a.map((text) => ({ op: 'removed' as const, text })),
      ...b.map((text) => ({ op: 'added' as const, text })),
    ];
  }
  const n = a.length;
  const m = b.length;
  // lcs[i][j]: length of the LCS of a[i..] and b[j..], flattened.
  const lcs = new Uint32Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => lcs[i * (m + 1) + j] ?? 0;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * (m + 1) + j] = a[i] === b[j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out.push({ op: 'same', text: a[i] ?? '' });
      i++;
      j++;
    } else if (at(i + 1, j) >= at(i, j + 1)) {
      out.push({ op: 'removed', text: a[i] ?? '' });
      i++;
    } else {
      out.push({ op: 'added', text: b[j] ?? '' });
      j++;
    }
  }
  for (; i < n; i++) out.push({ op: 'removed', text: a[i] ?? '' });
  for (; j < m; j++) out.push({ op: 'added', text: b[j] ?? '' });
  return out;
}
