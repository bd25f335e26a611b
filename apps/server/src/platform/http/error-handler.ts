import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError, type ErrorCode } from './errors.ts';

interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

/** Renders every error as `{ error: { code, message } }`; never leaks internals on a 500. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError, request, reply) => {
    let status: number;
    let body: ErrorBody;
    if (err instanceof AppError) {
      status = err.status;
      body = {
        error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) },
      };
    } else if ('validation' in err && err.validation) {
      status = 400;
      body = {
        error: {
          code: 'validation_failed',
          message: err.message,
          details: err.validation.map((v) => ({ path: v.instancePath, message: v.message })),
        },
      };
    } else if (err.statusCode === 413 || err.code === 'FST_REQ_FILE_TOO_LARGE') {
      status = 413;
      body = { error: { code: 'payload_too_large', message: err.message } };
    } else if (err.statusCode === 415) {
      status = 415;
      body = { error: { code: 'unsupported_media_type', message: err.message } };
    } else if (err.statusCode === 429) {
      status = 429;
      body = { error: { code: 'rate_limited', message: err.message } };
    } else if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      status = err.statusCode;
      body = { error: { code: 'bad_request', message: err.message } };
    } else {
      status = 500;
      body = {
        error: { code: 'internal', message: `internal error; see the server log for request ${request.id}` },
      };
    }
    if (status >= 500) request.log.error({ err }, 'server error');
    return reply.status(status).send(body);
  });
}
