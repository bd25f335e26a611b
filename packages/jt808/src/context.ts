import { DecodeFailure } from './bytes.ts';

/** Header edition, detected per frame from bit 14 of the body properties (JT/T 808-2019 §4.4.3). */
export type Edition = '2013' | '2019';

export type ErrorCode =
  | 'truncated'
  | 'too-short'
  | 'checksum'
  | 'length-mismatch'
  | 'trailing-bytes'
  | 'invalid-bcd'
  | 'invalid-time'
  | 'invalid-subpackage'
  | 'count-mismatch'
  | 'invalid-escape'
  | 'frame-too-long'
  | 'incomplete-frame'
  | 'no-frame'
  | 'invalid-hex'
  | 'internal';

export interface Jt808Error {
  code: ErrorCode;
  message: string;
}

/** A deviation accepted in lenient mode; in strict mode the same deviation is an error. */
export interface Jt808Warning {
  code: ErrorCode;
  message: string;
}

export interface DecodeContext {
  readonly version: Edition;
  readonly strict: boolean;
  readonly warnings: Jt808Warning[];
  /** Location times as epoch ms rather than ISO 8601 (DecodeOptions.timeAs). */
  readonly epochMs?: boolean;
}

/**
 * Reports a deviation from the standard layout. Strict mode refuses the frame, so that every frame
 * strict mode accepts re-encodes to the same bytes; lenient mode (as Traccar) keeps going.
 */
export function deviation(ctx: DecodeContext, code: ErrorCode, message: string): void {
  if (ctx.strict) throw new DecodeFailure(code, message);
  ctx.warnings.push({ code, message });
}
