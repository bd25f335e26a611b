import { Type } from 'typebox';

export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'stable machine-readable code, e.g. validation_failed, forbidden' }),
      message: Type.String(),
      details: Type.Optional(Type.Unknown()),
    }),
  },
  { $id: 'ErrorResponse' },
);

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

export const DateString = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
export const DateTimeString = Type.String({ format: 'date-time' });
export const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

/** Error responses every authenticated route may give, for the OpenAPI document. */
export const commonErrors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
} as const;
