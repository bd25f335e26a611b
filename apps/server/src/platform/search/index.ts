/**
 * Chinese full-text search for every module: jieba segmentation (with a transport dictionary)
 * into weighted tsvector literals, tsquery literals of typed queries, and highlighting of what
 * matched. Store the vector in a `tsvector` column with a GIN index; rank with ts_rank_cd.
 */
export { type HighlightOptions, highlight } from './highlight.ts';
export { indexTokens, normalise, queryTokens } from './segmenter.ts';
export { TRANSPORT_TERMS } from './transport-dict.ts';
export {
  quoteLexeme,
  type SearchQuery,
  toSearchQuery,
  toTsVector,
  type Weight,
  type WeightedText,
} from './tsvector.ts';
