import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { parseMarked } from './marked-text.ts';

// The server's escaping (platform/search/highlight.ts), to build inputs as the server does.
const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

describe('highlighted KB text', () => {
  test('matches come out marked, entities as characters', () => {
    assert.deepEqual(parseMarked('网约车<mark>驾驶员</mark>证 &lt;A&amp;B&gt;'), [
      { text: '网约车', marked: false },
      { text: '驾驶员', marked: true },
      { text: '证 <A&B>', marked: false },
    ]);
    assert.deepEqual(parseMarked(''), []);
    assert.deepEqual(parseMarked('<mark>未闭合'), [{ text: '<mark>未闭合', marked: false }]);
  });

  test('any escaped text with marks parses back to the text and its marks; nothing throws', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ text: fc.string({ minLength: 1 }), marked: fc.boolean() })),
        (pieces) => {
          const html = pieces
            .map((p) => (p.marked ? `<mark>${escapeHtml(p.text)}</mark>` : escapeHtml(p.text)))
            .join('');
          const parts = parseMarked(html);
          assert.equal(parts.map((p) => p.text).join(''), pieces.map((p) => p.text).join(''));
          const markedText = (xs: { text: string; marked: boolean }[]) =>
            xs
              .filter((p) => p.marked)
              .map((p) => p.text)
              .join('');
          assert.equal(markedText(parts), markedText(pieces));
        },
      ),
    );
    fc.assert(fc.property(fc.string(), (s) => void parseMarked(s)));
  });
});
