/**
 * Form administration beyond creating things: a version's stored layout, ending an obligation,
 * editing an audit formula and checking one against a layout without saving it.
 */
import type { Static } from 'typebox';
import { type AuditContext, recordAudit } from '../../platform/audit/audit.service.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError, badRequest, notFound } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/identity/actor.ts';
import { findVersion, listVersions, type VersionRow } from './forms.repository.ts';
import { assertManages, formVisible, toObligationDto, toVersionDto } from './forms.service.ts';
import { findObligation, findRule, setObligationEnd, updateRule } from './forms-admin.repository.ts';
import type { CheckRuleBody, UpdateRuleBody } from './forms-admin.schemas.ts';
import { compileRule, expandRule } from './formula/rules.ts';
import type { LayoutDefSchema } from './layout.schema.ts';
import { layoutOfVersion } from './report-context.ts';
import type { RuleRow } from './rules.repository.ts';
import { toRuleDto } from './rules.service.ts';

async function versionOf(db: Executor, formId: number, versionId: number | undefined): Promise<VersionRow> {
  const version =
    versionId === undefined ? (await listVersions(db, formId)).at(-1) : await findVersion(db, versionId);
  if (!version || version.form_id !== formId) throw notFound('version');
  return version;
}

export async function versionLayout(db: Executor, actor: Actor, formId: number, versionId: number) {
  await formVisible(db, actor, formId);
  const version = await versionOf(db, formId, versionId);
  const layout = layoutOfVersion(version);
  const count = (kind: string) => layout.cells.filter((c) => c.kind === kind).length;
  return {
    version: toVersionDto(version),
    layout: version.layout as Static<typeof LayoutDefSchema>,
    cells: layout.cells.length,
    entryCells: count('entry'),
    computedCells: count('computed'),
  };
}

/** Ends (or moves the end of) an obligation; the unit must be in the caller's jurisdiction. */
export async function endObligation(
  trx: Executor,
  ctx: AuditContext,
  actor: Actor,
  formId: number,
  obligationId: number,
  validTo: string,
) {
  await formVisible(trx, actor, formId);
  const row = await findObligation(trx, formId, obligationId);
  if (!row?.org_path.startsWith(actor.orgPath)) throw notFound('obligation');
  if (validTo <= row.valid_from) throw badRequest('validTo must be after validFrom');
  const before = toObligationDto(row);
  const after = toObligationDto({
    ...(await setObligationEnd(trx, obligationId, validTo)),
    org_name: row.org_name,
  });
  await recordAudit(trx, ctx, {
    action: 'stats.obligation.end',
    objectType: 'stats_form',
    objectId: formId,
    orgPath: row.org_path,
    orgUnitId: row.org_unit_id,
    before,
    after,
  });
  return after;
}

/** Changes an audit formula; the code stays. A changed expression or message must still parse. */
export async function changeRule(
  trx: Executor,
  ctx: AuditContext,
  actor: Actor,
  formId: number,
  ruleId: number,
  body: Static<typeof UpdateRuleBody>,
): Promise<RuleRow> {
  const form = await formVisible(trx, actor, formId);
  assertManages(actor, form);
  const row = await findRule(trx, formId, ruleId);
  if (!row) throw notFound('rule');
  const next = {
    name: body.name ?? row.name,
    expression: body.expression ?? row.expression,
    importance: body.importance ?? row.importance,
    message: body.message === undefined ? row.message : body.message,
    missing_values: body.missingValues ?? row.missing_values,
    active: body.active ?? row.active,
  };
  const compiled = compileRule({
    code: row.code,
    name: next.name,
    expression: next.expression,
    importance: next.importance,
    ...(next.message !== null && { message: next.message }),
  });
  if (!compiled.ok)
    throw new AppError(
      400,
      'validation_failed',
      `rule ${row.code}: ${compiled.error.message}`,
      compiled.error,
    );
  const updated = await updateRule(trx, ruleId, next);
  await recordAudit(trx, ctx, {
    action: 'stats.rule.update',
    objectType: 'stats_form',
    objectId: formId,
    before: toRuleDto(row),
    after: toRuleDto(updated),
  });
  return updated;
}

/**
 * What saving a rule would meet, without saving it: the parse (with the position of an error), and
 * the cells it names checked against a version's layout, templates expanded over rows or columns.
 */
export async function checkRule(
  db: Executor,
  actor: Actor,
  formId: number,
  body: Static<typeof CheckRuleBody>,
) {
  await formVisible(db, actor, formId);
  const version = await versionOf(db, formId, body.versionId);
  const compiled = compileRule({
    code: 'check',
    name: '审核公式',
    expression: body.expression,
    importance: 'hard',
    ...(body.message !== undefined && body.message !== '' && { message: body.message }),
  });
  const none = { template: null, instances: 0, cellKeys: [], versionNo: version.version_no };
  if (!compiled.ok) return { ok: false, error: compiled.error, ...none };
  const expanded = expandRule(compiled.value, layoutOfVersion(version));
  if (!expanded.ok) return { ok: false, error: { ...expanded.error, field: 'expression' as const }, ...none };
  return {
    ok: expanded.value.length > 0,
    error:
      expanded.value.length > 0
        ? null
        : {
            message: '模板在本表的任何行或列上都无法展开',
            start: 0,
            end: body.expression.length,
            field: 'expression' as const,
          },
    template: compiled.value.template,
    instances: expanded.value.length,
    cellKeys: [...new Set(expanded.value.flatMap((r) => r.cellKeys))],
    versionNo: version.version_no,
  };
}
