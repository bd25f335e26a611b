import { parseMarked } from './marked-text.ts';

/** Server-highlighted text (matches in <mark>) rendered as React text: nothing from the server is HTML. */
export function Marked({ html, testId }: { html: string; testId?: string }) {
  return (
    <span data-testid={testId}>
      {parseMarked(html).map((p, i) =>
        p.hit ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: pieces of one fixed string, never reordered
          <mark key={i} className="kb-hit">
            {p.text}
          </mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: as above
          <span key={i}>{p.text}</span>
        ),
      )}
    </span>
  );
}
