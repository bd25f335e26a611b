// Test-only encoder: messages -> payload bits -> armored NMEA sentences. Written from the field
// tables independently of the decoders, so round trips check one against the other.
import type { AisMessage } from '../messages/types.ts';

export class BitWriter {
  readonly bits: number[] = [];

  uint(value: number, length: number): this {
    for (let i = length - 1; i >= 0; i--) this.bits.push(Math.floor(value / 2 ** i) % 2);
    return this;
  }

  int(value: number, length: number): this {
    return this.uint(value < 0 ? value + 2 ** length : value, length);
  }

  bool(value: boolean): this {
    return this.uint(value ? 1 : 0, 1);
  }

  /** Six-bit text padded with '@' to `chars` characters. */
  text(value: string, chars: number): this {
    const padded = value.padEnd(chars, '@');
    for (let i = 0; i < chars; i++) {
      const c = padded.charCodeAt(i);
      this.uint(c >= 64 ? c - 64 : c, 6);
    }
    return this;
  }

  hex(value: string, bitCount: number): this {
    for (let i = 0; i < bitCount; i++) {
      const nibble = Number.parseInt(value[i >> 2]!, 16);
      this.bits.push((nibble >> (3 - (i & 3))) & 1);
    }
    return this;
  }

  /** Zero bits up to `length`. */
  padTo(length: number): this {
    while (this.bits.length < length) this.bits.push(0);
    return this;
  }
}

export function armor(bits: readonly number[]): { payload: string; fillBits: number } {
  const fillBits = (6 - (bits.length % 6)) % 6;
  let payload = '';
  for (let i = 0; i < bits.length + fillBits; i += 6) {
    let v = 0;
    for (let j = 0; j < 6; j++) v = v * 2 + (bits[i + j] ?? 0);
    payload += String.fromCharCode(v < 40 ? v + 48 : v + 56);
  }
  return { payload, fillBits };
}

export function checksum(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum ^= body.charCodeAt(i);
  return sum.toString(16).toUpperCase().padStart(2, '0');
}

export interface SentenceOptions {
  readonly talker?: string;
  readonly ownShip?: boolean;
  readonly channel?: string;
  readonly sequenceId?: number;
  /** Payload characters per sentence; 60 keeps a sentence within NMEA's 82. */
  readonly maxPayloadChars?: number;
  /** Tag block contents (without backslashes and checksum) for the first sentence. */
  readonly tagBlock?: string;
}

export function toSentences(bits: readonly number[], options: SentenceOptions = {}): string[] {
  const { payload, fillBits } = armor(bits);
  return armoredSentences(payload, fillBits, options);
}

/** NMEA lines of an armored payload. */
export function armoredSentences(payload: string, fillBits: number, options: SentenceOptions = {}): string[] {
  const size = options.maxPayloadChars ?? 60;
  const parts: string[] = [];
  for (let i = 0; i < payload.length; i += size) parts.push(payload.slice(i, i + size));
  if (parts.length === 0) parts.push('');
  const count = parts.length;
  const address = `${options.talker ?? 'AI'}${options.ownShip ? 'VDO' : 'VDM'}`;
  const seq = count > 1 ? String(options.sequenceId ?? 1) : '';
  return parts.map((part, i) => {
    const body = `${address},${count},${i + 1},${seq},${options.channel ?? 'A'},${part},${i === count - 1 ? fillBits : 0}`;
    const tag = i === 0 && options.tagBlock ? `\\${options.tagBlock}*${checksum(options.tagBlock)}\\` : '';
    return `${tag}!${body}*${checksum(body)}`;
  });
}

const lon28 = (lon: number | undefined) => (lon === undefined ? 181 * 600_000 : Math.round(lon * 600_000));
const lat27 = (lat: number | undefined) => (lat === undefined ? 91 * 600_000 : Math.round(lat * 600_000));
const tenths = (v: number | undefined, na: number) => (v === undefined ? na : Math.round(v * 10));
const or = (v: number | undefined, na: number) => v ?? na;

function header(w: BitWriter, m: AisMessage): BitWriter {
  return w.uint(m.type, 6).uint(m.repeat, 2).uint(m.mmsi, 30);
}

/** Payload bits of a message, at the standard length of its type. */
export function encodeMessage(m: AisMessage): number[] {
  const w = header(new BitWriter(), m);
  switch (m.type) {
    case 1:
    case 2:
    case 3:
      w.uint(m.status, 4).int(m.rot, 8).uint(tenths(m.speed, 1023), 10).bool(m.accuracy);
      w.int(lon28(m.lon), 28).int(lat27(m.lat), 27).uint(tenths(m.course, 3600), 12);
      w.uint(or(m.heading, 511), 9).uint(m.second, 6).uint(m.maneuver, 2).uint(0, 3).bool(m.raim);
      return w.uint(m.radio, 19).bits;
    case 4:
    case 11:
      w.uint(or(m.year, 0), 14).uint(or(m.month, 0), 4).uint(or(m.day, 0), 5).uint(or(m.hour, 24), 5);
      w.uint(or(m.minute, 60), 6).uint(or(m.second, 60), 6).bool(m.accuracy);
      w.int(lon28(m.lon), 28).int(lat27(m.lat), 27).uint(m.epfd, 4).uint(0, 10).bool(m.raim);
      return w.uint(m.radio, 19).bits;
    case 5:
      w.uint(m.aisVersion, 2).uint(m.imoNumber, 30).text(m.callSign, 7).text(m.shipName, 20);
      w.uint(m.shipType, 8).uint(m.toBow, 9).uint(m.toStern, 9).uint(m.toPort, 6).uint(m.toStarboard, 6);
      w.uint(m.epfd, 4).uint(or(m.etaMonth, 0), 4).uint(or(m.etaDay, 0), 5).uint(or(m.etaHour, 24), 5);
      w.uint(or(m.etaMinute, 60), 6)
        .uint(Math.round(m.draught * 10), 8)
        .text(m.destination, 20);
      return w.bool(m.dte).uint(0, 1).bits;
    case 6:
      w.uint(m.sequence, 2).uint(m.destMmsi, 30).bool(m.retransmit).uint(0, 1);
      return w.uint(m.dac, 10).uint(m.fid, 6).hex(m.data, m.dataBits).bits;
    case 8:
      return w.uint(0, 2).uint(m.dac, 10).uint(m.fid, 6).hex(m.data, m.dataBits).bits;
    case 9:
      w.uint(or(m.altitude, 4095), 12).uint(or(m.speed, 1023), 10).bool(m.accuracy);
      w.int(lon28(m.lon), 28).int(lat27(m.lat), 27).uint(tenths(m.course, 3600), 12);
      w.uint(m.second, 6).uint(m.regional, 8).bool(m.dte).uint(0, 3).bool(m.assigned).bool(m.raim);
      return w.uint(m.radio, 20).bits;
    case 18:
      w.uint(m.reserved, 8).uint(tenths(m.speed, 1023), 10).bool(m.accuracy);
      w.int(lon28(m.lon), 28).int(lat27(m.lat), 27).uint(tenths(m.course, 3600), 12);
      w.uint(or(m.heading, 511), 9).uint(m.second, 6).uint(m.regional, 2).bool(m.cs).bool(m.display);
      w.bool(m.dsc).bool(m.band).bool(m.msg22).bool(m.assigned).bool(m.raim);
      return w.uint(m.radio, 20).bits;
    case 19:
      w.uint(m.reserved, 8).uint(tenths(m.speed, 1023), 10).bool(m.accuracy);
      w.int(lon28(m.lon), 28).int(lat27(m.lat), 27).uint(tenths(m.course, 3600), 12);
      w.uint(or(m.heading, 511), 9).uint(m.second, 6).uint(m.regional, 4).text(m.shipName, 20);
      w.uint(m.shipType, 8).uint(m.toBow, 9).uint(m.toStern, 9).uint(m.toPort, 6).uint(m.toStarboard, 6);
      return w.uint(m.epfd, 4).bool(m.raim).bool(m.dte).bool(m.assigned).uint(0, 4).bits;
    case 21: {
      w.uint(m.aidType, 5).text(m.name.slice(0, 20), 20).bool(m.accuracy);
      w.int(lon28(m.lon), 28).int(lat27(m.lat), 27);
      w.uint(m.toBow, 9).uint(m.toStern, 9).uint(m.toPort, 6).uint(m.toStarboard, 6);
      w.uint(m.epfd, 4).uint(m.second, 6).bool(m.offPosition).uint(m.regional, 8);
      w.bool(m.raim).bool(m.virtualAid).bool(m.assigned).uint(0, 1);
      const extension = m.name.slice(20);
      if (extension) w.text(extension, extension.length);
      return w.padTo(Math.ceil(w.bits.length / 8) * 8).bits;
    }
    case 24:
      if (m.part === 'A') return w.uint(0, 2).text(m.shipName, 20).bits;
      if (m.part === 'AB') throw new Error('encode parts A and B separately');
      w.uint(1, 2).uint(m.shipType, 8).text(m.vendorId, 3).uint(m.model, 4).uint(m.serial, 20);
      w.text(m.callSign, 7);
      if (m.mothershipMmsi !== undefined) w.uint(m.mothershipMmsi, 30);
      else
        w.uint(or(m.toBow, 0), 9)
          .uint(or(m.toStern, 0), 9)
          .uint(or(m.toPort, 0), 6)
          .uint(or(m.toStarboard, 0), 6);
      return w.uint(0, 6).bits;
    case 27:
      w.bool(m.accuracy).bool(m.raim).uint(m.status, 4);
      w.int(m.lon === undefined ? 181 * 600 : Math.round(m.lon * 600), 18);
      w.int(m.lat === undefined ? 91 * 600 : Math.round(m.lat * 600), 17);
      w.uint(or(m.speed, 63), 6).uint(or(m.course, 511), 9).bool(m.positionLatency);
      return w.uint(0, 1).bits;
  }
}

/** NMEA lines of a message. */
export function encodeSentences(m: AisMessage, options: SentenceOptions = {}): string[] {
  return toSentences(encodeMessage(m), options);
}
