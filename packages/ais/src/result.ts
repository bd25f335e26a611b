/** Why a line or a payload did not yield a message. */
export type AisErrorCode =
  | 'empty'
  | 'too_long'
  | 'not_nmea'
  | 'bad_tag_block'
  | 'unsupported_sentence'
  | 'bad_field'
  | 'missing_checksum'
  | 'bad_checksum'
  | 'bad_payload'
  | 'orphan_fragment'
  | 'fragment_out_of_order'
  | 'incomplete'
  | 'too_short'
  | 'too_long_payload'
  | 'bad_part'
  | 'unsupported_type';

export interface AisError {
  readonly code: AisErrorCode;
  readonly message: string;
}

export interface Failure {
  readonly ok: false;
  readonly error: AisError;
}

export function failure(code: AisErrorCode, message: string): Failure {
  return { ok: false, error: { code, message } };
}
