import { type AuditContext, recordAudit } from '../../platform/audit/audit.service.ts';
import type { Executor } from '../../platform/db/database.ts';
import { badRequest } from '../../platform/http/errors.ts';
import { type Actor, assertInstanceRoot } from '../../platform/identity/actor.ts';
import {
  type CategoryRow,
  closeCategoryVersion,
  findCurrentCategory,
  insertCategory,
  maxCategoryVersion,
} from './categories.repository.ts';
import type { CategoryField } from './hotline.tables.ts';
import { DOMAINS } from './reference-data.ts';

export const toCategoryDto = (c: CategoryRow) => ({
  code: c.code,
  version: c.version,
  domain: c.domain,
  domainName: DOMAINS.find((d) => d.key === c.domain)?.name ?? c.domain,
  name: c.name,
  fields: c.fields,
  validFrom: c.valid_from,
  validTo: c.valid_to,
});

/**
 * A new version of a category code (the national table is instance-wide: the root edits it).
 * The current version ends the day the new one starts; tickets keep the version they were filed under.
 */
export async function publishCategoryVersion(
  trx: Executor,
  ctx: AuditContext,
  actor: Actor,
  input: { code: string; domain: string; name: string; fields: readonly CategoryField[]; validFrom: string },
) {
  assertInstanceRoot(actor, 'edit the category code table');
  if (!DOMAINS.some((d) => d.key === input.domain)) throw badRequest(`unknown domain ${input.domain}`);
  const keys = new Set(input.fields.map((f) => f.key));
  if (keys.size !== input.fields.length) throw badRequest('field keys must be unique');
  const current = await findCurrentCategory(trx, input.code);
  if (current && current.valid_from >= input.validFrom)
    throw badRequest(`the new version must start after ${current.valid_from}`);
  await closeCategoryVersion(trx, input.code, input.validFrom);
  const row = await insertCategory(trx, {
    code: input.code,
    version: (await maxCategoryVersion(trx, input.code)) + 1,
    domain: input.domain,
    name: input.name,
    parent_code: input.code.slice(0, 2),
    fields: input.fields,
    valid_from: input.validFrom,
    valid_to: null,
  });
  await recordAudit(trx, ctx, {
    action: 'hotline.category.publish',
    objectType: 'hotline_category',
    objectId: `${row.code}@${row.version}`,
    before: current ? toCategoryDto(current) : null,
    after: toCategoryDto(row),
  });
  return row;
}
