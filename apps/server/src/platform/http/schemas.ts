import { type Static, type TSchema, type TUnsafe, Type } from 'typebox';

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

/**
 * `T | null`. Not `Union([T, Null])`: Fastify validates with ajv's `coerceTypes`, which coerces
 * inside the first anyOf branch, so an explicit JSON null arrived as 0, "" or false. With a type
 * list ajv coerces only when no listed type matches, so null stays null and 0 stays 0.
 */
export const Nullable = <T extends TSchema>(schema: T): TUnsafe<Static<T> | null> =>
  Type.Unsafe<Static<T> | null>(orNull(schema as unknown as JsonSchema));

type JsonSchema = { [key: string]: unknown; type?: unknown; anyOf?: JsonSchema[]; enum?: unknown[] };

function orNull(schema: JsonSchema): JsonSchema {
  const { $id: _id, ...copy } = schema;
  if (typeof copy.type === 'string') {
    return { ...copy, type: [copy.type, 'null'], ...(copy.enum ? { enum: [...copy.enum, null] } : {}) };
  }
  // Each branch admits null by type so that none coerces it; the last branch accepts it.
  if (Array.isArray(copy.anyOf)) return { ...copy, anyOf: [...copy.anyOf.map(orNull), { type: 'null' }] };
  return { anyOf: [copy, { type: 'null' }] };
}

/** Error responses every authenticated route may give, for the OpenAPI document. */
export const commonErrors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
} as const;
