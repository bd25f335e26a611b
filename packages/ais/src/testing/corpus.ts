// A feed-like corpus of NMEA lines for comparisons with gpsdecode and for the benchmark: a mix of
// types close to a coastal receiver's (mostly class A positions, static data in two sentences,
// class B, base stations), two-sentence messages interleaved across channels A and B. It holds
// only what gpsd 3.22 prints the same way we do: no DAC/FI that gpsd decodes into application
// fields, type 24 parts A and B back to back (gpsd prints only such pairs).
import fc from 'fast-check';
import { isAuxiliaryCraft } from '../messages/static.ts';
import type { AisMessage, StaticDataPartB } from '../messages/types.ts';
import { gpsdDecodesApplication, MESSAGE_ARBITRARIES } from './arbitraries.ts';
import { armor, armoredSentences, encodeMessage } from './encoder.ts';

/** Share of messages per kind, in percent. */
const MIX: readonly [keyof typeof MESSAGE_ARBITRARIES, number][] = [
  ['positionReport', 66],
  ['classBPositionReport', 10],
  ['staticVoyageData', 8],
  ['staticDataPartA', 4],
  ['baseStationReport', 3],
  ['aidToNavigationReport', 2],
  ['classBExtendedReport', 2],
  ['sarAircraftReport', 1],
  ['longRangeReport', 1],
  ['addressedBinary', 1],
  ['broadcastBinary', 2],
];

function comparable(m: AisMessage): boolean {
  if (m.type === 6 || m.type === 8) return !gpsdDecodesApplication(m.type, m.dac, m.fid);
  return true;
}

interface Kind {
  readonly weight: number;
  /** Each entry one message, or the parts A and B of one type 24 report, armored. */
  readonly groups: readonly (readonly Armored[])[];
}

interface Armored {
  readonly payload: string;
  readonly fillBits: number;
}

function armored(messages: readonly AisMessage[]): Armored[] {
  return messages.map((m) => armor(encodeMessage(m)));
}

/** `perKind` random valid messages of each kind, type 24 as A+B pairs of one MMSI. */
function messagePool(perKind: number, seed: number): Kind[] {
  return MIX.map(([kind, weight], i) => {
    const arbitrary = MESSAGE_ARBITRARIES[kind] as fc.Arbitrary<AisMessage>;
    const drawn = fc.sample(arbitrary, { seed: seed + i, numRuns: perKind }).filter(comparable);
    if (kind !== 'staticDataPartA') return { weight, groups: drawn.map((m) => armored([m])) };
    const parts = fc.sample(MESSAGE_ARBITRARIES.staticDataPartB, { seed: seed + 100, numRuns: perKind });
    return { weight, groups: drawn.map((a, j) => armored([a, withMmsi(parts[j]!, a.mmsi)])) };
  });
}

function withMmsi(b: StaticDataPartB, mmsi: number): StaticDataPartB {
  if (isAuxiliaryCraft(mmsi) === isAuxiliaryCraft(b.mmsi)) return { ...b, mmsi };
  return isAuxiliaryCraft(mmsi)
    ? {
        ...b,
        mmsi,
        toBow: undefined,
        toStern: undefined,
        toPort: undefined,
        toStarboard: undefined,
        mothershipMmsi: 1,
      }
    : { ...b, mmsi, toBow: 1, toStern: 2, toPort: 3, toStarboard: 4, mothershipMmsi: undefined };
}

/** The kind a uniform draw in [0, 100) falls on, by weight. */
function pick(kinds: readonly Kind[], draw: number): Kind {
  let rest = draw;
  for (const kind of kinds) {
    rest -= kind.weight;
    if (rest < 0) return kind;
  }
  return kinds[0]!;
}

/** Deterministic 32-bit generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface CorpusOptions {
  /** About this many sentences. */
  readonly sentences: number;
  readonly seed?: number;
  /** Distinct messages drawn per kind, then reused. Default 2,000. */
  readonly perKind?: number;
}

/**
 * Calls `emit` with chunks of NMEA lines ('\n'-terminated) until about `sentences` sentences
 * are out. Returns the count of sentences and of messages.
 */
export function generateCorpus(
  options: CorpusOptions,
  emit: (text: string) => void,
): { sentences: number; messages: number } {
  const seed = options.seed ?? 2026;
  const kinds = messagePool(options.perKind ?? 2_000, seed);
  const next = random(seed);
  let sentences = 0;
  let messages = 0;
  let sequence = 0;
  /** A two-sentence message whose second half waits, on the other channel from the next one. */
  let held: string | undefined;
  let chunk = '';
  while (sentences < options.sentences) {
    const kind = pick(kinds, next() * 100);
    const group = kind.groups[Math.floor(next() * kind.groups.length)]!;
    for (const message of group) {
      sequence = (sequence + 1) % 10;
      const channel = held === undefined ? 'A' : 'B';
      const lines = armoredSentences(message.payload, message.fillBits, { sequenceId: sequence, channel });
      messages++;
      sentences += lines.length;
      if (lines.length === 2 && held === undefined) {
        chunk += `${lines[0]}\n`;
        held = lines[1];
        continue;
      }
      chunk += `${lines.join('\n')}\n`;
      if (held !== undefined) {
        chunk += `${held}\n`;
        held = undefined;
      }
    }
    if (chunk.length > 1 << 16) {
      emit(chunk);
      chunk = '';
    }
  }
  if (held !== undefined) chunk += `${held}\n`;
  emit(chunk);
  return { sentences, messages };
}
