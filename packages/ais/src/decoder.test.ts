import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AisDecoder, type DecodeResult, decodeText } from './decoder.ts';
import { LineSplitter } from './lines.ts';
import type { StaticDataPartA, StaticDataPartB } from './messages/types.ts';
import { StaticDataPairing } from './pairing.ts';
import { checksum, encodeSentences } from './testing/encoder.ts';
import { GOLDEN_LINES, REFERENCE_GOLDENS, SAMPLE_GOLDENS } from './testing/fixtures.ts';

const [FIVE_1, FIVE_2] = REFERENCE_GOLDENS.type5;
const [TWENTYONE_1, TWENTYONE_2] = REFERENCE_GOLDENS.type21;

function codeOf(result: DecodeResult | undefined): string | undefined {
  return result === undefined ? 'pending' : result.ok ? undefined : result.error.code;
}

function mmsiOf(result: DecodeResult | undefined): number | undefined {
  return result?.ok ? result.message.mmsi : undefined;
}

/** The reference type 5 re-sent under another sequence id and channel. */
function relabel(line: string, seq: number, channel: string): string {
  const body = line.slice(1, line.indexOf('*')).split(',');
  body[3] = String(seq);
  body[4] = channel;
  const text = body.join(',');
  return `!${text}*${checksum(text)}`;
}

describe('multi-sentence assembly', () => {
  it('holds the first fragment and completes on the last', () => {
    const decoder = new AisDecoder({ clock: () => 0 });
    assert.equal(decoder.decode(FIVE_1), undefined);
    assert.equal(decoder.pending, 1);
    assert.equal(mmsiOf(decoder.decode(FIVE_2)), 351759000);
    assert.equal(decoder.pending, 0);
  });

  it('assembles two 2-part messages interleaved on different channels and sequence ids', () => {
    const decoder = new AisDecoder({ clock: () => 0 });
    const other = [relabel(FIVE_1, 7, 'B'), relabel(FIVE_2, 7, 'B')];
    assert.equal(decoder.decode(FIVE_1), undefined);
    assert.equal(decoder.decode(TWENTYONE_1), undefined);
    assert.equal(decoder.decode(other[0]!), undefined);
    assert.equal(decoder.pending, 3);
    assert.equal(mmsiOf(decoder.decode(TWENTYONE_2)), 123456789);
    const b = decoder.decode(other[1]!);
    const a = decoder.decode(FIVE_2);
    assert.ok(a?.ok && b?.ok);
    assert.equal(b.channel, 'B');
    assert.equal(a.channel, 'A');
    assert.deepEqual(a.message, b.message);
  });

  it('keeps the same sequence id on two channels apart', () => {
    const decoder = new AisDecoder({ clock: () => 0 });
    decoder.decode(FIVE_1);
    decoder.decode(relabel(FIVE_1, 1, 'B'));
    assert.equal(decoder.pending, 2);
    assert.equal(codeOf(decoder.decode(FIVE_2)), undefined);
    assert.equal(codeOf(decoder.decode(relabel(FIVE_2, 1, 'B'))), undefined);
  });

  it('drops a group that times out by the caller clock', () => {
    let now = 1_000;
    const decoder = new AisDecoder({ clock: () => now, timeoutMs: 5_000 });
    decoder.decode(FIVE_1);
    now += 5_000;
    assert.equal(codeOf(decoder.decode(FIVE_2)), undefined, 'still within the timeout');
    decoder.decode(FIVE_1);
    now += 5_001;
    assert.equal(codeOf(decoder.decode(FIVE_2)), 'orphan_fragment');
    assert.equal(decoder.counters.expired, 1);
    assert.equal(decoder.pending, 0);
  });

  it('takes the time from the call when one is given', () => {
    const decoder = new AisDecoder({ timeoutMs: 100 });
    decoder.decode(FIVE_1, 0);
    assert.equal(codeOf(decoder.decode(FIVE_2, 101)), 'orphan_fragment');
  });

  it('bounds the groups in waiting, dropping the oldest', () => {
    const decoder = new AisDecoder({ clock: () => 0, maxPending: 3 });
    const channels = ['A', 'B', '1', '2'];
    for (const channel of channels) decoder.decode(relabel(FIVE_1, 3, channel));
    assert.equal(decoder.pending, 3);
    assert.equal(decoder.counters.evicted, 1);
    assert.equal(codeOf(decoder.decode(relabel(FIVE_2, 3, 'A'))), 'orphan_fragment');
    assert.equal(codeOf(decoder.decode(relabel(FIVE_2, 3, '2'))), undefined);
  });

  it('reports orphan, repeated and out-of-order fragments', () => {
    const decoder = new AisDecoder({ clock: () => 0 });
    assert.equal(codeOf(decoder.decode(FIVE_2)), 'orphan_fragment');
    decoder.decode(FIVE_1);
    decoder.decode(FIVE_1);
    assert.equal(decoder.counters.superseded, 1);
    assert.equal(codeOf(decoder.decode(FIVE_2)), undefined);
    const three = encodeSentences(
      {
        type: 8,
        repeat: 0,
        mmsi: 1,
        dac: 366,
        fid: 1,
        data: '00'.repeat(100),
        dataBits: 800,
      },
      { maxPayloadChars: 50 },
    );
    assert.equal(three.length, 3);
    decoder.decode(three[0]!);
    assert.equal(codeOf(decoder.decode(three[2]!)), 'fragment_out_of_order');
    assert.equal(codeOf(decoder.decode(three[1]!)), 'orphan_fragment');
  });

  it('uses the last fragment fill bits and the first fragment tag block', () => {
    const decoder = new AisDecoder({ clock: () => 0 });
    const tag = 'c:1700000000,s:rx1';
    decoder.decode(`\\${tag}*${checksum(tag)}\\${FIVE_1}`);
    const result = decoder.decode(FIVE_2);
    assert.ok(result?.ok);
    assert.deepEqual(result.tagBlock, { time: 1700000000, source: 'rx1' });
    assert.equal(result.talker, 'AI');
  });

  it('rejects an assembled payload beyond the bound', () => {
    const decoder = new AisDecoder({ clock: () => 0, maxPayloadChars: 80 });
    decoder.decode(FIVE_1);
    assert.equal(codeOf(decoder.decode(FIVE_2)), undefined, '71 characters fit');
    const long = encodeSentences(
      { type: 8, repeat: 0, mmsi: 1, dac: 366, fid: 1, data: '00'.repeat(70), dataBits: 560 },
      { maxPayloadChars: 60 },
    );
    decoder.decode(long[0]!);
    assert.equal(codeOf(decoder.decode(long[1]!)), 'too_long_payload');
  });
});

describe('AisDecoder', () => {
  it('reports unsupported types, bad lengths and bad type 24 parts', () => {
    const decoder = new AisDecoder({ clock: () => 0 });
    assert.equal(codeOf(decoder.decode('!AIVDM,1,1,,A,702R5`hwCjq8,0*6B')), 'unsupported_type');
    const short = '!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g2,0';
    assert.equal(codeOf(decoder.decode(`${short}*${checksum(short.slice(1))}`)), 'too_short');
    const part2 = 'AIVDM,1,1,,A,H42O55q18tMET00000000000000,2';
    assert.equal(codeOf(decoder.decode(`!${part2}*${checksum(part2)}`)), 'bad_part');
    assert.deepEqual(decoder.counters, {
      lines: 3,
      messages: 0,
      errors: 3,
      expired: 0,
      evicted: 0,
      superseded: 0,
    });
  });

  it('decodes a range of a larger buffer without copying', () => {
    const text = `junk\n${REFERENCE_GOLDENS.type1[0]}\nmore`;
    const bytes = new TextEncoder().encode(text);
    const start = text.indexOf('!');
    const end = text.indexOf('\nmore');
    const result = new AisDecoder().decodeRange(bytes, start, end);
    assert.equal(mmsiOf(result), 371798000);
    assert.equal(codeOf(new AisDecoder().decodeRange(bytes, 10, 5)), 'empty');
  });

  it('decodes a text in one call', () => {
    const results = decodeText(GOLDEN_LINES.join('\n'));
    assert.ok(results.every((r) => r.ok));
    assert.equal(results.length, 25);
  });
});

describe('LineSplitter', () => {
  const text = `${GOLDEN_LINES.join('\r\n')}\n`;
  const bytes = new TextEncoder().encode(text);

  function collect(chunks: Uint8Array[]): string[] {
    const splitter = new LineSplitter();
    const lines: string[] = [];
    const onLine = (src: Uint8Array, start: number, end: number) =>
      lines.push(new TextDecoder().decode(src.subarray(start, end)));
    for (const chunk of chunks) splitter.push(chunk, onLine);
    splitter.end(onLine);
    return lines;
  }

  it('yields the same lines and messages for the input split at every byte boundary', () => {
    const whole = collect([bytes]);
    assert.equal(whole.length, GOLDEN_LINES.length);
    const expected = decodeText(whole.join('\n'));
    for (let cut = 0; cut <= bytes.length; cut++) {
      const lines = collect([bytes.subarray(0, cut), bytes.subarray(cut)]);
      assert.deepEqual(lines, whole, `cut at ${cut}`);
    }
    assert.deepEqual(decodeText(collect([...bytes].map((b) => Uint8Array.of(b))).join('\n')), expected);
  });

  it('passes on an unterminated last line and cuts overlong lines', () => {
    assert.deepEqual(collect([new TextEncoder().encode('a\nb')]), ['a', 'b']);
    const splitter = new LineSplitter(8);
    const seen: number[] = [];
    const long = new TextEncoder().encode(`${'x'.repeat(30)}\nshort\n`);
    splitter.push(long.subarray(0, 20), (_s, a, b) => seen.push(b - a));
    splitter.push(long.subarray(20), (_s, a, b) => seen.push(b - a));
    assert.deepEqual(seen, [9, 5]);
  });
});

describe('StaticDataPairing', () => {
  const a = (mmsi: number, shipName: string): StaticDataPartA => ({
    type: 24,
    repeat: 0,
    mmsi,
    part: 'A',
    shipName,
  });
  const b = (mmsi: number, callSign: string): StaticDataPartB => ({
    type: 24,
    repeat: 0,
    mmsi,
    part: 'B',
    shipType: 37,
    vendorId: 'SRT',
    model: 1,
    serial: 2,
    callSign,
    toBow: 1,
    toStern: 2,
    toPort: 3,
    toStarboard: 4,
    mothershipMmsi: undefined,
  });

  it('pairs parts by MMSI in either order, interleaved with other stations', () => {
    const pairing = new StaticDataPairing();
    assert.equal(pairing.accept(a(1, 'ONE')), undefined);
    assert.equal(pairing.accept(b(2, 'TWO')), undefined);
    assert.equal(pairing.accept(a(2, 'TWO NAME'))?.callSign, 'TWO');
    const one = pairing.accept(b(1, 'ONE CALL'));
    assert.equal(one?.shipName, 'ONE');
    assert.equal(one?.part, 'AB');
    assert.equal(pairing.accept(a(1, 'RENAMED'))?.shipName, 'RENAMED', 'a newer part replaces the older');
  });

  it('keeps a bounded number of stations', () => {
    const pairing = new StaticDataPairing(2);
    pairing.accept(a(1, 'ONE'));
    pairing.accept(a(2, 'TWO'));
    pairing.accept(a(3, 'THREE'));
    assert.equal(pairing.size, 2);
    assert.equal(pairing.accept(b(1, 'X')), undefined);
    assert.equal(pairing.accept(b(3, 'X'))?.shipName, 'THREE');
  });
});

describe('golden corpus', () => {
  it('decodes every golden line of the reference and the gpsd sample', () => {
    const messages = decodeText(GOLDEN_LINES.join('\n'));
    const types = new Set(messages.map((r) => (r.ok ? r.message.type : 0)));
    assert.deepEqual(
      [...types].sort((x, y) => x - y),
      [1, 2, 3, 4, 5, 6, 8, 9, 11, 18, 19, 21, 24, 27],
    );
    assert.equal(SAMPLE_GOLDENS.type5Interleaved.length, 4);
  });
});
