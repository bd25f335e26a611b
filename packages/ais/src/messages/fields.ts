// Scaling and "not available" values shared by several message types (ITU-R M.1371-5 §3.3;
// GPSD AIVDM.adoc "Common Navigation Block").
import type { PayloadBits } from '../bits.ts';

/** Longitude/latitude in 1/10 000 minute: 181° and 91° mean not available. */
export const LON_NOT_AVAILABLE = 181 * 600_000;
export const LAT_NOT_AVAILABLE = 91 * 600_000;
/** Type 27 positions in 1/10 minute. */
export const LON_NOT_AVAILABLE_COARSE = 181 * 600;
export const LAT_NOT_AVAILABLE_COARSE = 91 * 600;
export const SPEED_NOT_AVAILABLE = 1023;
export const COURSE_NOT_AVAILABLE = 3600;
export const HEADING_NOT_AVAILABLE = 511;
export const ROT_NOT_AVAILABLE = -128;

export function lonAt(bits: PayloadBits, start: number): number | undefined {
  const raw = bits.int(start, 28);
  return raw === LON_NOT_AVAILABLE ? undefined : raw / 600_000;
}

export function latAt(bits: PayloadBits, start: number): number | undefined {
  const raw = bits.int(start, 27);
  return raw === LAT_NOT_AVAILABLE ? undefined : raw / 600_000;
}

/** Speed over ground in 1/10 knot. */
export function speedAt(bits: PayloadBits, start: number): number | undefined {
  const raw = bits.uint(start, 10);
  return raw === SPEED_NOT_AVAILABLE ? undefined : raw / 10;
}

/** Course over ground in 1/10 degree. */
export function courseAt(bits: PayloadBits, start: number): number | undefined {
  const raw = bits.uint(start, 12);
  return raw === COURSE_NOT_AVAILABLE ? undefined : raw / 10;
}

export function headingAt(bits: PayloadBits, start: number): number | undefined {
  const raw = bits.uint(start, 9);
  return raw === HEADING_NOT_AVAILABLE ? undefined : raw;
}

/** ROT_AIS = 4.733 × sqrt(ROT °/min), signed; ±127 and −128 carry no rate. */
export function rateOfTurn(rot: number): number | undefined {
  if (rot === ROT_NOT_AVAILABLE || rot === 127 || rot === -127) return undefined;
  const root = rot / 4.733;
  return rot < 0 ? -(root * root) : root * root;
}

/** `value`, or undefined when it equals the field's "not available" code. */
export function unless(value: number, notAvailable: number): number | undefined {
  return value === notAvailable ? undefined : value;
}
