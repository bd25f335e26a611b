import { normalise, wellFormed } from './segmenter.ts';

export interface HighlightOptions {
  /** Characters of the text to show around the densest run of matches; 0 for the whole text. */
  readonly maxChars?: number;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);

// Units that normalisation keeps as they are (printable ASCII but capitals, CJK ideographs):
// most of a Chinese text, skipped without normalising each on its own.
const UNSTABLE_UNIT = /[^\x20-\x40\x5b-\x7e\u3400-\u4dbf\u4e00-\u9fff]/g;

/**
 * Each UTF-16 unit normalised on its own, so that offsets in the result are offsets in the text
 * (whole-string NFKC can change the length: ﬁ → fi).
 */
function foldUnits(text: string): string {
  return text.replace(UNSTABLE_UNIT, (unit) => {
    const folded = normalise(unit);
    return folded.length === 1 ? folded : unit;
  });
}

type Range = [start: number, end: number];

function matchRanges(folded: string, terms: readonly string[]): Range[] {
  const ranges: Range[] = [];
  const sorted = [...new Set(terms)].filter((t) => t.length > 0).sort((a, b) => b.length - a.length);
  for (const term of sorted) {
    for (let at = folded.indexOf(term); at !== -1; at = folded.indexOf(term, at + term.length)) {
      ranges.push([at, at + term.length]);
      if (ranges.length > 1000) break;
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Range[] = [];
  for (const r of ranges) {
    const last = merged.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** Start of the window of `width` units holding the most match starts. */
function densestWindow(ranges: readonly Range[], width: number, length: number): number {
  let best = 0;
  let bestCount = -1;
  let j = 0;
  for (let i = 0; i < ranges.length; i++) {
    const start = (ranges[i] as Range)[0];
    while (j < ranges.length && (ranges[j] as Range)[0] < start + width) j++;
    if (j - i > bestCount) {
      bestCount = j - i;
      best = start;
    }
  }
  // A little context before the first match.
  return Math.max(0, Math.min(best - Math.floor(width / 6), length - width));
}

/**
 * The text as HTML: escaped, with <mark> around every occurrence of a term (matched after the
 * same normalisation as the index: full width, case), cut to the densest window when long.
 */
export function highlight(text: string, terms: readonly string[], options: HighlightOptions = {}): string {
  const source = wellFormed(text);
  const folded = foldUnits(source);
  const ranges = matchRanges(folded, terms.map(normalise));
  const maxChars = options.maxChars ?? 0;
  let from = 0;
  let to = source.length;
  if (maxChars > 0 && source.length > maxChars) {
    from = ranges.length > 0 ? densestWindow(ranges, maxChars, source.length) : 0;
    // Never cut a surrogate pair.
    if (/[\uDC00-\uDFFF]/.test(source[from] ?? '')) from -= 1;
    to = Math.min(source.length, from + maxChars);
    if (/[\uD800-\uDBFF]/.test(source[to - 1] ?? '')) to -= 1;
  }
  let html = from > 0 ? '…' : '';
  let at = from;
  for (const [start, end] of ranges) {
    if (end <= from || start >= to) continue;
    const s = Math.max(start, from);
    const e = Math.min(end, to);
    html += `${escapeHtml(source.slice(at, s))}<mark>${escapeHtml(source.slice(s, e))}</mark>`;
    at = e;
  }
  html += escapeHtml(source.slice(at, to));
  return to < source.length ? `${html}…` : html;
}
