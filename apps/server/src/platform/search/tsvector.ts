import { indexTokens, queryTokens } from './segmenter.ts';

/**
 * PostgreSQL full-text search over segmented Chinese, independent of the server's locale.
 *
 * PostgreSQL's text-search parser decides what a letter is from the database's LC_CTYPE: under
 * C.UTF-8 it keeps 网约车 as a word, under plain C it drops every CJK character. So the words
 * are cut here (jieba) and handed over as tsvector and tsquery literals — the `simple`
 * configuration's result, with weights and positions — which PostgreSQL stores as they are.
 */

/** ts_rank weights: A title, B tags and keywords, C category names, D body. */
export type Weight = 'A' | 'B' | 'C' | 'D';

export interface WeightedText {
  readonly text: string;
  readonly weight: Weight;
}

// tsvector limits (PostgreSQL docs §8.11.1): positions 1..16383, at most 256 per lexeme.
const MAX_POSITION = 16_383;
const MAX_POSITIONS_PER_LEXEME = 256;

/** A lexeme as a quoted tsvector/tsquery operand: quotes doubled, backslashes escaped. */
export const quoteLexeme = (lexeme: string): string =>
  `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/** The tsvector literal of these fields (cast with ::tsvector); empty text gives ''. */
export function toTsVector(fields: readonly WeightedText[]): string {
  const lexemes = new Map<string, { last: number; positions: string[] }>();
  let position = 0;
  for (const field of fields) {
    for (const token of indexTokens(field.text)) {
      position = Math.min(position + 1, MAX_POSITION);
      const entry = lexemes.get(token) ?? { last: 0, positions: [] };
      // Past the last position every token shares it; keep it once.
      if (entry.last !== position && entry.positions.length < MAX_POSITIONS_PER_LEXEME) {
        entry.positions.push(`${position}${field.weight}`);
        entry.last = position;
      }
      lexemes.set(token, entry);
    }
  }
  return [...lexemes]
    .map(([lexeme, entry]) => `${quoteLexeme(lexeme)}:${entry.positions.join(',')}`)
    .join(' ');
}

export interface SearchQuery {
  /** The tsquery literal (cast with ::tsquery): every term must match, the last one as a prefix. */
  readonly tsquery: string;
  /** The terms, for highlighting. */
  readonly terms: readonly string[];
}

/** What a typed query asks for; undefined when it holds no word at all. */
export function toSearchQuery(text: string): SearchQuery | undefined {
  const terms = queryTokens(text);
  if (terms.length === 0) return undefined;
  // The last term as a prefix: agents search while typing (ET → ETC, 网约 → 网约车).
  const operands = terms.map((t, i) => (i === terms.length - 1 ? `${quoteLexeme(t)}:*` : quoteLexeme(t)));
  return { tsquery: operands.join(' & '), terms };
}
