import type { Static } from 'typebox';
import { type TLiteral, type TUnion, Type } from 'typebox';
import { type AuditContext, recordAudit } from '../../platform/audit/audit.service.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError, conflict } from '../../platform/http/errors.ts';
import { Nullable } from '../../platform/http/schemas.ts';
import type { Actor } from '../../platform/identity/actor.ts';
import { assertManages, formVisible } from './forms.service.ts';
import { compileRule } from './formula/rules.ts';
import { insertRule, type RuleRow } from './rules.repository.ts';

const lit = <const T extends string[]>(...values: T): TUnion<{ [K in keyof T]: TLiteral<T[K]> }> =>
  Type.Union(values.map((v) => Type.Literal(v))) as never;

export const RuleBody = Type.Object({
  code: Type.String({ minLength: 1, maxLength: 40 }),
  name: Type.String({ minLength: 1, maxLength: 200 }),
  expression: Type.String({
    minLength: 1,
    maxLength: 4000,
    description: '审核公式, e.g. R01C01 = SUM(R02C01:R07C01)',
  }),
  importance: lit('hard', 'soft'),
  message: Type.Optional(Type.String({ maxLength: 1000 })),
  missingValues: Type.Optional(lit('skipIfAnyMissing', 'skipIfAllMissing', 'neverSkip')),
});

export const RuleDto = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  expression: Type.String(),
  importance: lit('hard', 'soft'),
  message: Nullable(Type.String()),
  missingValues: Type.String(),
  active: Type.Boolean(),
});

export const toRuleDto = (r: RuleRow): Static<typeof RuleDto> => ({
  id: r.id,
  code: r.code,
  name: r.name,
  expression: r.expression,
  importance: r.importance,
  message: r.message,
  missingValues: r.missing_values,
  active: r.active,
});

/** Adds an audit formula to a form; one that does not parse is refused with its position. */
export async function createRule(
  trx: Executor,
  audit: AuditContext,
  actor: Actor,
  formId: number,
  body: Static<typeof RuleBody>,
): Promise<RuleRow> {
  const form = await formVisible(trx, actor, formId);
  assertManages(actor, form);
  const compiled = compileRule(body);
  if (!compiled.ok)
    throw new AppError(
      400,
      'validation_failed',
      `rule ${body.code}: ${compiled.error.message}`,
      compiled.error,
    );
  const row = await insertRule(trx, {
    form_id: formId,
    code: body.code,
    name: body.name,
    expression: body.expression,
    importance: body.importance,
    message: body.message ?? null,
    missing_values: body.missingValues ?? 'skipIfAnyMissing',
    active: true,
  }).catch((err: { code?: string }) => {
    if (err.code === '23505') throw conflict(`rule ${body.code} exists`);
    throw err;
  });
  await recordAudit(trx, audit, {
    action: 'stats.rule.create',
    objectType: 'stats_form',
    objectId: formId,
    after: toRuleDto(row),
  });
  return row;
}
