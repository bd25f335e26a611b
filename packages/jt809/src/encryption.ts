// The "simple encryption" of message bodies (JT/T 809-2011 §5.2.3): a linear congruential key
// stream XORed over the body, the same operation both ways. M1, IA1 and IC1 are agreed between the
// platforms; the per-message key travels in the header's ENCRYPT_KEY.

export interface EncryptionKeys {
  m1: number;
  ia1: number;
  ic1: number;
}

/**
 * key = IA1 * (key mod M1) + IC1, as unsigned 32-bit arithmetic; byte ^= (key >> 20) & 0xff.
 * IA1 * (key mod M1) reaches 2^64, past what a double holds exactly, so the product is taken modulo
 * 2^32 with Math.imul — peers that multiply in floating point or in signed 64 bits diverge here.
 */
export function cryptBody(data: Uint8Array, encryptKey: number, keys: EncryptionKeys): Uint8Array {
  let key = encryptKey >>> 0 || 1;
  const m1 = keys.m1 >>> 0 || 1;
  const ia1 = keys.ia1 >>> 0;
  const ic1 = keys.ic1 >>> 0;
  const out = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) {
    key = (Math.imul(ia1, key % m1) + ic1) >>> 0;
    out[i] = data[i]! ^ ((key >>> 20) & 0xff);
  }
  return out;
}
