/**
 * The stored layout JSON (`LayoutDef`) as a TypeBox schema, for API bodies and OpenAPI, and
 * `parseLayout` for JSON read back from the database or a request: shape first, then the rules
 * `compileLayout` checks. Never throws.
 */
import { type Static, Type } from 'typebox';
import { Value } from 'typebox/value';
import { compileLayout, type LayoutDef, type LayoutResult } from './layout.ts';

const Code = Type.String({ minLength: 1, maxLength: 64 });
const Name = Type.String({ minLength: 1, maxLength: 200 });

export const IndicatorDefSchema = Type.Object(
  {
    code: Code,
    name: Name,
    unit: Type.String({ maxLength: 40 }),
    valueType: Type.Union([
      Type.Literal('number'),
      Type.Literal('integer'),
      Type.Literal('percentage'),
      Type.Literal('boolean'),
      Type.Literal('text'),
    ]),
    decimals: Type.Integer({ minimum: 0, maximum: 6 }),
    aggregation: Type.Union([
      Type.Literal('sum'),
      Type.Literal('average'),
      Type.Literal('min'),
      Type.Literal('max'),
      Type.Literal('count'),
      Type.Literal('none'),
    ]),
    min: Type.Optional(Type.Number()),
    max: Type.Optional(Type.Number()),
    maxLength: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
  },
  { additionalProperties: false },
);

export const LayoutDefSchema = Type.Object(
  {
    rows: Type.Array(
      Type.Object(
        {
          indicator: IndicatorDefSchema,
          indent: Type.Optional(Type.Integer({ minimum: 0, maximum: 5 })),
          sumOf: Type.Optional(Type.Array(Code, { maxItems: 500 })),
        },
        { additionalProperties: false },
      ),
      { maxItems: 2_000 },
    ),
    dimensions: Type.Array(
      Type.Object(
        {
          code: Code,
          name: Name,
          options: Type.Array(Type.Object({ code: Code, name: Name }, { additionalProperties: false }), {
            maxItems: 200,
          }),
        },
        { additionalProperties: false },
      ),
      { maxItems: 4 },
    ),
    total: Type.Boolean(),
    subtotals: Type.Boolean(),
    disabled: Type.Optional(Type.Array(Type.String({ maxLength: 200 }), { maxItems: 20_000 })),
  },
  { additionalProperties: false },
);

// The schema and the hand-written interface must describe the same JSON.
const sameShape: LayoutDef = {} as Static<typeof LayoutDefSchema>;
void sameShape;

/** Checks JSON from storage or a request body and compiles it. */
export function parseLayout(json: unknown): LayoutResult {
  if (!Value.Check(LayoutDefSchema, json)) {
    const errors = [...Value.Errors(LayoutDefSchema, json)]
      .slice(0, 20)
      .map((e) => ({ path: e.instancePath || '/', message: e.message }));
    return { ok: false, error: errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors };
  }
  return compileLayout(json);
}
