import { DecodeFailure } from '@jtgov/jt808';
import type { Edition } from './header.ts';

export type ErrorCode =
  | 'truncated'
  | 'too-short'
  | 'crc'
  | 'length-mismatch'
  | 'trailing-bytes'
  | 'invalid-time'
  | 'invalid-bcd'
  | 'count-mismatch'
  | 'encrypted'
  | 'invalid-escape'
  | 'frame-too-long'
  | 'incomplete-frame'
  | 'no-frame'
  | 'invalid-hex'
  | 'internal';

export interface Jt809Error {
  code: ErrorCode;
  message: string;
}

export type Jt809Warning = Jt809Error;

export interface DecodeContext {
  readonly version: Edition;
  readonly strict: boolean;
  readonly warnings: Jt809Warning[];
}

/** Strict mode refuses the frame (every accepted frame re-encodes byte for byte); lenient notes it. */
export function deviation(ctx: DecodeContext, code: ErrorCode, message: string): void {
  if (ctx.strict) throw new DecodeFailure(code, message);
  ctx.warnings.push({ code, message });
}

export function failureOf(err: unknown): Jt809Error {
  if (err instanceof DecodeFailure) return { code: err.code as ErrorCode, message: err.message };
  return { code: 'internal', message: err instanceof Error ? err.message : String(err) };
}
