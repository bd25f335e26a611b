import type { Executor } from '../../platform/db/database.ts';
import { badRequest, notFound } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/identity/actor.ts';
import { findUnitsByCodeInScope, listValuesForExport } from './exchange.repository.ts';
import { findFormByCode } from './forms.repository.ts';
import { formVisible, periodOfForm } from './forms.service.ts';

export interface ExportQuery {
  readonly dataSet: string;
  readonly periods: readonly string[];
  readonly orgUnit: string;
  readonly children: boolean;
  readonly page: number;
  readonly pageSize: number;
}

/** Values of a data set for periods and a unit (with its subtree), DHIS2-shaped. */
export async function exportDataValues(db: Executor, actor: Actor, q: ExportQuery) {
  const form = await findFormByCode(db, q.dataSet);
  if (!form) throw notFound(`data set ${q.dataSet}`);
  await formVisible(db, actor, form.id);
  const periods = q.periods.map((p) => periodOfForm(form, p).id);
  if (periods.length === 0) throw badRequest('at least one period is needed');
  const [unit] = await findUnitsByCodeInScope(db, [q.orgUnit], actor.orgPath);
  if (!unit) throw notFound(`org unit ${q.orgUnit}`);
  const result = await listValuesForExport(
    db,
    form.id,
    periods,
    unit,
    q.children,
    q.pageSize,
    (q.page - 1) * q.pageSize,
  );
  return {
    dataSet: form.code,
    pager: {
      page: q.page,
      pageSize: q.pageSize,
      total: result.total,
      pageCount: Math.ceil(result.total / q.pageSize),
    },
    dataValues: result.items.map((r) => {
      const dot = r.cell_key.indexOf('.');
      const combo = r.cell_key.slice(dot + 1);
      return {
        dataElement: r.cell_key.slice(0, dot),
        period: r.period,
        orgUnit: r.org_code,
        categoryOptionCombo: combo,
        attributeOptionCombo: '',
        value: r.num ?? r.txt ?? '',
        storedBy: r.stored_by ?? '',
        lastUpdated: r.updated_at.toISOString(),
        comment: '',
      };
    }),
  };
}
