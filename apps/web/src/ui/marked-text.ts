/** A piece of highlighted text: `hit` when it was inside <mark>…</mark>. */
export interface MarkedPiece {
  text: string;
  hit: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" };

const decodeEntities = (html: string) =>
  html.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_whole, name: string) => ENTITIES[name] ?? '');

/**
 * The server's escaped HTML with matches in <mark> (KB search titles and snippets), as pieces of
 * plain text for React to render: no HTML from the server reaches the DOM. Any other tag is dropped
 * as text would be; the function never throws.
 */
export function parseMarked(html: string): MarkedPiece[] {
  const pieces: MarkedPiece[] = [];
  const push = (raw: string, hit: boolean) => {
    const text = decodeEntities(raw.replace(/<[^>]*>/g, ''));
    if (text) pieces.push({ text, hit });
  };
  const re = /<mark>([\s\S]*?)<\/mark>/g;
  let last = 0;
  for (const m of html.matchAll(re)) {
    push(html.slice(last, m.index), false);
    push(m[1] ?? '', true);
    last = m.index + m[0].length;
  }
  push(html.slice(last), false);
  return pieces;
}
