// Properties: random valid messages survive encode -> armor -> sentences -> decode unchanged, and
// no input whatsoever makes the decoder throw.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { AisDecoder, type DecodeResult } from './decoder.ts';
import type { AisErrorCode } from './result.ts';
import { anyMessage, MESSAGE_ARBITRARIES } from './testing/arbitraries.ts';
import { encodeSentences } from './testing/encoder.ts';
import { GOLDEN_LINES } from './testing/fixtures.ts';

const ERROR_CODES = new Set<AisErrorCode>([
  'empty',
  'too_long',
  'not_nmea',
  'bad_tag_block',
  'unsupported_sentence',
  'bad_field',
  'missing_checksum',
  'bad_checksum',
  'bad_payload',
  'orphan_fragment',
  'fragment_out_of_order',
  'incomplete',
  'too_short',
  'too_long_payload',
  'bad_part',
  'unsupported_type',
]);

function assertWellFormed(result: DecodeResult | undefined): void {
  if (result === undefined || result.ok) return;
  assert.ok(ERROR_CODES.has(result.error.code), result.error.code);
  assert.equal(typeof result.error.message, 'string');
}

const sentenceOptions = fc.record({
  talker: fc.constantFrom('AI', 'AB', 'BS', 'SA'),
  ownShip: fc.boolean(),
  channel: fc.constantFrom('A', 'B', '1', '2'),
  sequenceId: fc.integer({ min: 0, max: 9 }),
  maxPayloadChars: fc.integer({ min: 10, max: 60 }),
});

describe('round trip of random valid messages', () => {
  for (const [name, arbitrary] of Object.entries(MESSAGE_ARBITRARIES)) {
    it(name, () => {
      fc.assert(
        fc.property(arbitrary, sentenceOptions, (message, options) => {
          const lines = encodeSentences(message, options);
          const decoder = new AisDecoder({ clock: () => 0 });
          const results = lines.map((line) => decoder.decode(line));
          assert.ok(results.slice(0, -1).every((r) => r === undefined));
          const last = results.at(-1);
          assert.ok(last?.ok, JSON.stringify(last));
          assert.deepEqual(last.message, message);
          assert.equal(last.talker, options.talker);
          assert.equal(last.ownShip, options.ownShip);
          assert.equal(last.channel, options.channel);
        }),
        { numRuns: 300 },
      );
    });
  }

  it('keeps interleaved messages apart when their keys differ', () => {
    fc.assert(
      fc.property(fc.array(anyMessage, { minLength: 2, maxLength: 6 }), fc.integer(), (messages, seed) => {
        // Each message on its own (sequence id, channel); fragments merged in a random order that
        // keeps every message's own fragments in sequence.
        const queues = messages.map((m, i) =>
          encodeSentences(m, { sequenceId: i % 10, channel: i < 4 ? 'A' : 'B', maxPayloadChars: 20 }),
        );
        const merged: string[] = [];
        let state = seed;
        while (queues.some((q) => q.length > 0)) {
          state = (state * 1103515245 + 12345) & 0x7fffffff;
          const live = queues.filter((q) => q.length > 0);
          merged.push(live[state % live.length]!.shift()!);
        }
        const decoder = new AisDecoder({ clock: () => 0 });
        const decoded = merged.map((l) => decoder.decode(l)).filter((r) => r !== undefined);
        assert.equal(decoded.length, messages.length);
        const byKey = (x: { mmsi: number; type: number }) => `${x.type}:${x.mmsi}`;
        const got = decoded.map((r) => (r.ok ? byKey(r.message) : r.error.code)).sort();
        assert.deepEqual(got, messages.map(byKey).sort());
      }),
      { numRuns: 200 },
    );
  });
});

describe('garbage never throws', () => {
  const decoder = new AisDecoder({ clock: () => 0, maxPending: 8 });

  it('random strings and bytes', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 700 })),
        (s) => {
          assertWellFormed(decoder.decode(s));
        },
      ),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => assertWellFormed(decoder.decode(bytes))),
      { numRuns: 3000 },
    );
  });

  it('NMEA-shaped noise', () => {
    const field = fc.string({ unit: fc.constantFrom(...'0123456789AB,!*\\:`w@W'), maxLength: 12 });
    fc.assert(
      fc.property(fc.array(field, { maxLength: 9 }), fc.boolean(), (fields, vdo) => {
        assertWellFormed(decoder.decode(`!AIVD${vdo ? 'O' : 'M'},${fields.join(',')}`));
      }),
      { numRuns: 3000 },
    );
  });

  it('a golden line with one character changed in its checksummed part is rejected', () => {
    const line = fc.constantFrom(...GOLDEN_LINES);
    fc.assert(
      fc.property(line, fc.nat(), fc.integer({ min: 32, max: 126 }), (text, at, code) => {
        const first = text.indexOf('!') + 1;
        const star = text.indexOf('*');
        const i = first + (at % (star - first));
        if (text.charCodeAt(i) === code) return;
        const changed = text.slice(0, i) + String.fromCharCode(code) + text.slice(i + 1);
        const result = new AisDecoder().decode(changed);
        assertWellFormed(result);
        assert.ok(result !== undefined && !result.ok, changed);
      }),
      { numRuns: 3000 },
    );
  });

  it('a golden line cut short is rejected', () => {
    const line = fc.constantFrom(...GOLDEN_LINES);
    fc.assert(
      fc.property(line, fc.nat(), (text, cut) => {
        const end = text.indexOf('*') + 3;
        const truncated = text.slice(0, cut % end);
        const result = new AisDecoder().decode(truncated);
        assert.ok(result !== undefined && !result.ok, truncated);
      }),
      { numRuns: 2000 },
    );
  });

  it('random sequences of golden and broken lines keep memory bounded', () => {
    const bounded = new AisDecoder({ clock: () => 0, maxPending: 4 });
    const line = fc.oneof(
      fc.constantFrom(...GOLDEN_LINES),
      fc.constantFrom(...GOLDEN_LINES).map((l) => l.slice(0, l.length >> 1)),
      fc.string({ maxLength: 40 }),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 50 }), (lines) => {
        for (const l of lines) assertWellFormed(bounded.decode(l));
        assert.ok(bounded.pending <= 4);
      }),
      { numRuns: 500 },
    );
  });
});
