// The 0x8001 general response encoded in place, flags and escapes included: the gateway answers
// every report with one, and the generic encoder (a packet object, a writer, a content buffer and
// an escaped copy per reply) was a large share of its CPU per position. Byte for byte the generic
// encoder's frame (platform-response.test.ts).
import type { Edition, Header } from '@jtgov/jt808';

/** The longest frame written: a 2019 header (17), the body (5), the checksum, all escaped, and flags. */
export const MAX_PLATFORM_RESPONSE_FRAME = 2 * (17 + 5 + 1) + 2;

const FLAG = 0x7e;
const ESC = 0x7d;
const MSG_ID = 0x8001;
const BODY_LENGTH = 5;
/** Body properties: the body length, and bit 14 for the 2019 edition (JT/T 808-2019 §4.4.3). */
const PROPERTIES: Record<Edition, number> = { '2013': BODY_LENGTH, '2019': BODY_LENGTH | 0x4000 };

/** The header phone as BCD[6] (2013) or BCD[10] (2019), right-aligned as the generic encoder writes it. */
export function phoneBcd(phone: string, version: Edition): Uint8Array {
  const n = version === '2019' ? 10 : 6;
  const padded = phone.padStart(n * 2, '0');
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = Number.parseInt(padded.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/**
 * Writes the 0x8001 answering `to` (its serial and message id) with `serial` and `result` at
 * `out[at]`, which must have MAX_PLATFORM_RESPONSE_FRAME bytes of room; returns where it ends.
 * `phone` is phoneBcd of the header's phone and edition.
 */
export function writePlatformResponseFrame(
  out: Uint8Array,
  at: number,
  to: Header,
  phone: Uint8Array,
  serial: number,
  result: number,
): number {
  let o = at;
  let check = 0;
  const put = (b: number) => {
    check ^= b;
    if (b === FLAG || b === ESC) {
      out[o++] = ESC;
      out[o++] = b === FLAG ? 0x02 : 0x01;
    } else out[o++] = b;
  };
  out[o++] = FLAG;
  put(MSG_ID >>> 8);
  put(MSG_ID & 0xff);
  const properties = PROPERTIES[to.version];
  put(properties >>> 8);
  put(properties & 0xff);
  if (to.version === '2019') put(to.protocolVersion ?? 1);
  for (let i = 0; i < phone.length; i++) put(phone[i]!);
  put((serial >>> 8) & 0xff);
  put(serial & 0xff);
  put((to.serial >>> 8) & 0xff);
  put(to.serial & 0xff);
  put((to.msgId >>> 8) & 0xff);
  put(to.msgId & 0xff);
  put(result & 0xff);
  // The checksum is itself escaped: put() folds it into `check`, which is not read again.
  put(check);
  out[o++] = FLAG;
  return o;
}
