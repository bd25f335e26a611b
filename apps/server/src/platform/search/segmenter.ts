import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { transportDictionary } from './transport-dict.ts';

let jieba: Jieba | undefined;

/** One segmenter per process: loading jieba's dictionary takes about a tenth of a second. */
function segmenter(): Jieba {
  if (!jieba) {
    jieba = Jieba.withDict(dict);
    jieba.loadDict(transportDictionary());
  }
  return jieba;
}

// Function words and question words of typed or spoken queries (怎么办理网约车驾驶员证): they
// carry no topic, and with AND semantics they would exclude every article not phrased as a question.
const STOP_WORDS = new Set(
  `的 了 和 与 及 或 是 在 有 我 你 他 她 它 我们 你们 请问 想 要 能 会 可以 能否 是否 怎么 怎样 怎么样
   如何 什么 哪里 哪些 哪个 多少 为什么 吗 呢 吧 啊 呀 么 一下 一个 这个 那个 这 那 就 都 也 还 把 被
   对 为 从 到 向 给 让 之 其 该 等 以及`.split(/\s+/),
);

/** Longest lexeme kept: PostgreSQL allows 2 KB, but longer runs are identifiers or noise, not words. */
const MAX_TOKEN_CHARS = 64;
/** Text beyond this is not indexed (a knowledge-base article is a few thousand characters). */
export const MAX_INDEXED_CHARS = 100_000;

const WORD_CHAR = /[\p{L}\p{N}]/u;
// NUL cannot be stored in PostgreSQL text; other controls only split words.
const CONTROL = /\p{Cc}/gu;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Lone surrogates (invalid UTF-16, which PostgreSQL refuses) as U+FFFD. */
export const wellFormed = (text: string): string => text.replace(LONE_SURROGATE, '\uFFFD');

/** Full-width to half-width, lower case, well-formed UTF-16, controls as spaces. */
export function normalise(text: string): string {
  return wellFormed(text).normalize('NFKC').toLowerCase().replace(CONTROL, ' ');
}

function keep(token: string): boolean {
  return token.length <= MAX_TOKEN_CHARS && WORD_CHAR.test(token);
}

/**
 * Tokens to index: jieba's search mode, which adds the dictionary words inside long words
 * (高速公路 → 高速, 公路, 高速公路), so that a query for a part finds the whole.
 */
export function indexTokens(text: string): string[] {
  const clean = normalise(text.slice(0, MAX_INDEXED_CHARS));
  return segmenter()
    .cutForSearch(clean, true)
    .map((t) => t.trim())
    .filter((t) => keep(t) && !STOP_WORDS.has(t));
}

/**
 * Tokens of a query, in order, without repeats: jieba's precise mode (a query names what it
 * wants; the index holds the parts too). Stop words are dropped unless nothing else is left.
 */
export function queryTokens(text: string): string[] {
  const words = segmenter()
    .cut(normalise(text.slice(0, 1000)), true)
    .map((t) => t.trim())
    .filter(keep);
  const topical = words.filter((t) => !STOP_WORDS.has(t));
  return [...new Set(topical.length > 0 ? topical : words)];
}
