/** A piece of highlighted text: plain, or a match the server put in <mark>. */
export interface MarkedPart {
  text: string;
  marked: boolean;
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};
const unescapeHtml = (html: string): string =>
  html.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e);

/**
 * The server's highlighted HTML (escaped text, matches in <mark>, nothing else) as parts to render
 * as React text: no HTML from the server reaches the DOM as markup. Anything unexpected stays text.
 */
export function parseMarked(html: string): MarkedPart[] {
  const parts: MarkedPart[] = [];
  const push = (raw: string, marked: boolean) => {
    if (!raw) return;
    const text = unescapeHtml(raw);
    const last = parts.at(-1);
    if (last && last.marked === marked) last.text += text;
    else parts.push({ text, marked });
  };
  let at = 0;
  while (at < html.length) {
    const open = html.indexOf('<mark>', at);
    if (open < 0) break;
    const close = html.indexOf('</mark>', open + 6);
    if (close < 0) break;
    push(html.slice(at, open), false);
    push(html.slice(open + 6, close), true);
    at = close + 7;
  }
  push(html.slice(at), false);
  return parts;
}
