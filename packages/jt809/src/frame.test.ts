import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fromHex, toHex } from '@jtgov/jt808';
import fc from 'fast-check';
import { escapeFrame, Framer, type FramerEvent } from './frame.ts';
import { contentOf, GOLDEN } from './jt809.fixtures.ts';

const hex = (s: string) => fromHex(s)!;

function run(chunks: readonly Uint8Array[], maxFrameLength?: number): string[] {
  const framer = new Framer({ maxFrameLength });
  const out: string[] = [];
  const sink = (e: FramerEvent) => out.push(e.type === 'frame' ? toHex(e.frame) : `!${e.error.code}`);
  for (const chunk of chunks) framer.push(chunk, sink);
  framer.end(sink);
  return out;
}

describe('JT/T 809 escaping (5b→5a01, 5a→5a02, 5d→5e01, 5e→5e02)', () => {
  test('all four escapes both ways', () => {
    assert.equal(toHex(escapeFrame(hex('015b5a5d5e02'))), '5b015a015a025e015e02025d');
    assert.deepEqual(run([hex('5b015a015a025e015e02025d')]), ['015b5a5d5e02']);
  });

  test('the README 0x9400 packet: two 5a 01 escapes, 146 bytes unescaped', () => {
    const content = contentOf(GOLDEN.m9400);
    assert.equal(content.length + 2, 146);
    assert.equal(toHex(escapeFrame(content)), GOLDEN.m9400.toLowerCase());
  });
});

const stream = hex(`ffff${GOLDEN.m9400}${GOLDEN.m1001}0d0a${GOLDEN.m9400}`);
const expected = [GOLDEN.m9400, GOLDEN.m1001, GOLDEN.m9400].map((h) => toHex(contentOf(h)));

describe('Framer', () => {
  test('frames split at every byte boundary, with junk between them', () => {
    for (let cut = 0; cut <= stream.length; cut++)
      assert.deepEqual(run([stream.subarray(0, cut), stream.subarray(cut)]), expected, `cut at ${cut}`);
  });

  test('byte by byte and in one chunk', () => {
    assert.deepEqual(run(Array.from(stream, (b) => Uint8Array.of(b))), expected);
    assert.deepEqual(run([stream]), expected);
  });

  test('any chunking yields the same frames', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: stream.length }), { maxLength: 10 }), (cuts) => {
        const points = [...new Set([0, ...cuts, stream.length])].sort((a, b) => a - b);
        assert.deepEqual(run(points.slice(1).map((end, i) => stream.subarray(points[i]!, end))), expected);
      }),
    );
  });

  test('an escape byte at the end of a chunk is carried to the next', () => {
    assert.deepEqual(run([hex('5b015a'), hex('01025e'), hex('025d')]), ['015b025e']);
  });

  test('a bad escape drops that frame only; a new 0x5b inside a frame cuts the last one short', () => {
    assert.deepEqual(run([hex('5b015a03025d5b04055d')]), ['!invalid-escape', '0405']);
    assert.deepEqual(run([hex('5b01025b03045d')]), ['!incomplete-frame', '0304']);
    assert.deepEqual(run([hex('5b01025e5d')]), ['!invalid-escape']);
  });

  test('frames over the limit are dropped, the buffer stays bounded', () => {
    assert.deepEqual(run([hex(`5b${'11'.repeat(40)}5d5b02035d`)], 32), ['!frame-too-long', '0203']);
    const framer = new Framer({ maxFrameLength: 32 });
    framer.push(hex('5b'), () => {});
    for (let i = 0; i < 50; i++) {
      framer.push(new Uint8Array(100).fill(0x11), () => {});
      assert.ok(framer.bufferedBytes <= 32);
    }
  });

  test('random bytes never throw and never buffer past the limit', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 200 }), { maxLength: 20 }), (chunks) => {
        const framer = new Framer({ maxFrameLength: 64 });
        for (const chunk of chunks) {
          framer.push(chunk, (e) => {
            if (e.type === 'frame') assert.ok(e.frame.length > 0 && e.frame.length <= 64);
          });
          assert.ok(framer.bufferedBytes <= 64);
        }
        framer.end(() => {});
      }),
    );
  });
});
