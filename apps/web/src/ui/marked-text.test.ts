import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { parseMarked } from './marked-text.ts';

// The server's escaping (platform/search/highlight.ts), to build inputs as the server does.
const escapeHtml = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

describe('highlighted search text', () => {
  test('a snippet as the server renders it: matches marked, entities decoded', () => {
    assert.deepEqual(parseMarked('申请<mark>网约车</mark>驾驶员证需 &lt;3 年&gt; 驾龄 &amp; 无记录'), [
      { text: '申请', hit: false },
      { text: '网约车', hit: true },
      { text: '驾驶员证需 <3 年> 驾龄 & 无记录', hit: false },
    ]);
  });

  test('pieces put back together are the escaped text, marks where the server put them', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string(), fc.boolean())), (parts) => {
        const html = parts
          .map(([s, hit]) => (hit ? `<mark>${escapeHtml(s)}</mark>` : escapeHtml(s)))
          .join('');
        const pieces = parseMarked(html);
        assert.equal(pieces.map((p) => p.text).join(''), parts.map(([s]) => s).join(''));
        assert.deepEqual(
          pieces.filter((p) => p.hit).map((p) => p.text),
          parts.filter(([s, hit]) => hit && s).map(([s]) => s),
        );
      }),
    );
  });

  test('never throws and never lets a tag through', () => {
    fc.assert(
      fc.property(fc.string(), (html) => {
        const text = parseMarked(html)
          .map((p) => p.text)
          .join('');
        // A "<" in the output can only come from an escaped one: no markup of the input survives.
        if (!html.includes('&lt;')) assert.ok(!/<[^>]*>/.test(text), text);
      }),
    );
  });
});
