/** Error codes the server renders as `{ error: { code, message } }`; unknown codes pass through as strings. */
export type ApiErrorCode =
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
  | 'internal'
  | 'network_error';

export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode | (string & {});
  readonly details: unknown;
  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export const isApiError = (value: unknown): value is ApiError => value instanceof ApiError;

export type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Record<string, QueryValue>;

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

const CSRF_COOKIE = 'jtgov_csrf';
const CSRF_HEADER = 'x-csrf-token';
const SESSION_END_CODES = new Set(['session_expired', 'unauthenticated', 'account_disabled']);
// A session may also be alive but restricted; the app re-reads the session and shows the forced screen.
const RESTRICTION_CODES = new Set(['password_change_required', 'totp_enrolment_required']);

let csrfToken: string | null = null;
let onSessionEnded: ((code: string) => void) | null = null;
let onRestricted: (() => void) | null = null;

/** Kept from the login and session responses, in case the cookie is not readable (e.g. another path). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The app decides what "go to login" means; the client only reports it. */
export function setSessionListeners(listeners: {
  ended: (code: string) => void;
  restricted: () => void;
}): void {
  onSessionEnded = listeners.ended;
  onRestricted = listeners.restricted;
}

function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

export function buildQuery(params: QueryParams | undefined): string {
  if (!params) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

interface ErrorBody {
  error?: { code?: string; message?: string; details?: unknown };
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: ErrorBody | null = null;
  try {
    body = (await response.json()) as ErrorBody;
  } catch {
    body = null;
  }
  const code = body?.error?.code ?? 'internal';
  const message = body?.error?.message ?? response.statusText;
  return new ApiError(response.status, code, message, body?.error?.details);
}

export async function request<T>(
  method: Method,
  path: string,
  options: { query?: QueryParams; body?: unknown } = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') {
    const token = readCookie(CSRF_COOKIE) ?? csrfToken;
    if (token) headers[CSRF_HEADER] = token;
  }
  let response: Response;
  try {
    response = await fetch(`/api${path}${buildQuery(options.query)}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch (cause) {
    throw new ApiError(0, 'network_error', cause instanceof Error ? cause.message : 'network error');
  }
  if (!response.ok) {
    const error = await toApiError(response);
    const fromAuthEndpoint = path.startsWith('/auth/');
    if (!fromAuthEndpoint && response.status === 401 && SESSION_END_CODES.has(error.code))
      onSessionEnded?.(error.code);
    if (response.status === 403 && RESTRICTION_CODES.has(error.code)) onRestricted?.();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: QueryParams) => request<T>('GET', path, { query }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
};
