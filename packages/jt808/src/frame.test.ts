import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { fromHex, toHex } from './bytes.ts';
import { escapeFrame, Framer, type FramerEvent, xorChecksum } from './frame.ts';
import { GOLDEN, YZH } from './jt808.fixtures.ts';

const hex = (s: string) => fromHex(s)!;

/** Feeds the chunks to a fresh framer; returns frames as hex and error codes, in order. */
function run(chunks: readonly Uint8Array[], maxFrameLength?: number): string[] {
  const framer = new Framer({ maxFrameLength });
  const out: string[] = [];
  const sink = (e: FramerEvent) => out.push(e.type === 'frame' ? toHex(e.frame) : `!${e.error.code}`);
  for (const chunk of chunks) framer.push(chunk, sink);
  framer.end(sink);
  return out;
}

/** The content a frame carries: without flags, unescaped. */
function contentOf(frameHex: string): string {
  const out = run([hex(frameHex)]);
  assert.equal(out.length, 1);
  return out[0]!;
}

describe('escaping (JT/T 808-2013 §4.4.1)', () => {
  test('the spec example: 30 7e 08 7d 55 is sent as 7e 30 7d 02 08 7d 01 55 7e', () => {
    assert.equal(toHex(escapeFrame(hex('307e087d55'))), '7e307d02087d01557e');
    assert.deepEqual(run([hex('7e307d02087d01557e')]), ['307e087d55']);
  });

  test('junk before a frame is skipped (Traccar: 2424 before 7e)', () => {
    assert.deepEqual(run([hex('24247e307d02087d01557e')]), ['307e087d55']);
  });

  test('a checksum of 0x7d is sent escaped', () => {
    const content = contentOf(GOLDEN.m0800_yzhEscapedChecksum);
    assert.ok(content.endsWith('7d'));
    const bytes = hex(content);
    assert.equal(xorChecksum(bytes, 0, bytes.length - 1), 0x7d);
    assert.equal(toHex(escapeFrame(bytes)), GOLDEN.m0800_yzhEscapedChecksum);
  });

  test('escape and framing are inverse for every corpus frame', () => {
    for (const { hex: frame } of YZH) assert.equal(toHex(escapeFrame(hex(contentOf(frame)))), frame);
  });
});

const stream = [
  GOLDEN.m0200_sc8.toLowerCase(),
  GOLDEN.m0704_trc2019,
  GOLDEN.m0800_yzhEscapedChecksum,
  GOLDEN.m0002_trc2013,
];
const streamBytes = hex(`2424${stream.join('')}ff`);
const expected = stream.map(contentOf);

describe('Framer', () => {
  test('frames split at every byte boundary, escapes and flags included', () => {
    for (let cut = 0; cut <= streamBytes.length; cut++)
      assert.deepEqual(
        run([streamBytes.subarray(0, cut), streamBytes.subarray(cut)]),
        expected,
        `cut at ${cut}`,
      );
  });

  test('byte by byte, and all frames merged in one chunk', () => {
    assert.deepEqual(run(Array.from(streamBytes, (b) => Uint8Array.of(b))), expected);
    assert.deepEqual(run([streamBytes]), expected);
  });

  test('any chunking of the stream yields the same frames', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: streamBytes.length }), { maxLength: 12 }), (cuts) => {
        const points = [...new Set([0, ...cuts, streamBytes.length])].sort((a, b) => a - b);
        const chunks = points.slice(1).map((end, i) => streamBytes.subarray(points[i]!, end));
        assert.deepEqual(run(chunks), expected);
      }),
    );
  });

  test('a lone 0x7d at the end of a chunk is carried to the next', () => {
    assert.deepEqual(run([hex('7e307d'), hex('02087d'), hex('01557e')]), ['307e087d55']);
  });

  test('7e 7e between frames (or a stray end flag) resynchronises without an empty frame', () => {
    assert.deepEqual(run([hex('7e7e01027e7e7e03047e')]), ['0102', '0304']);
    assert.deepEqual(run([hex('7e'), hex('7e0102'), hex('7e')]), ['0102']);
  });

  test('a 0x7d followed by anything but 01/02 drops that frame only', () => {
    assert.deepEqual(run([hex('7e017d03027e7e05067e')]), ['!invalid-escape', '0506']);
    assert.deepEqual(run([hex('7e017d'), hex('037e7e0506'), hex('7e')]), ['!invalid-escape', '0506']);
    assert.deepEqual(run([hex('7e01'), hex('7d7e7e05067e')]), ['!invalid-escape', '0506']);
  });

  test('frames longer than the limit are dropped and the buffer stays bounded', () => {
    const long = `7e${'11'.repeat(40)}7e`;
    assert.deepEqual(run([hex(`${long}7e02037e`)], 32), ['!frame-too-long', '0203']);
    const framer = new Framer({ maxFrameLength: 32 });
    const events: FramerEvent[] = [];
    framer.push(hex('7e'), (e) => events.push(e));
    for (let i = 0; i < 100; i++) {
      framer.push(new Uint8Array(50).fill(0x11), (e) => events.push(e));
      assert.ok(framer.bufferedBytes <= 32);
    }
    assert.equal(events.filter((e) => e.type === 'error').length, 1);
  });

  test('a stream ending inside a frame reports an incomplete frame', () => {
    assert.deepEqual(run([hex('7e0102')]), ['!incomplete-frame']);
    assert.deepEqual(run([hex('7e01027e7e03')]), ['0102', '!incomplete-frame']);
  });

  test('junk is counted, never buffered', () => {
    const framer = new Framer();
    framer.push(new Uint8Array(10_000).fill(0x41), () => assert.fail('no frame'));
    assert.equal(framer.junkBytes, 10_000);
    assert.equal(framer.bufferedBytes, 0);
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
