/** The one error vocabulary of the API; rendered as `{ error: { code, message } }`. */
export type ErrorCode =
  | 'bad_request'
  | 'validation_failed'
  | 'unauthenticated'
  | 'session_expired'
  | 'invalid_credentials'
  | 'account_locked'
  | 'account_disabled'
  | 'totp_required'
  | 'totp_invalid'
  | 'totp_enrolment_required'
  | 'password_change_required'
  | 'password_policy'
  | 'csrf_failed'
  | 'forbidden'
  | 'out_of_jurisdiction'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'internal';

export class AppError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly details: unknown;
  constructor(status: number, code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export const notFound = (what: string): AppError => new AppError(404, 'not_found', `${what} not found`);
export const forbidden = (message = 'permission denied'): AppError => new AppError(403, 'forbidden', message);
export const conflict = (message: string): AppError => new AppError(409, 'conflict', message);
export const badRequest = (message: string): AppError => new AppError(400, 'bad_request', message);
