import type { Executor } from '../../platform/db/database.ts';
import type { OrgLevel } from '../../platform/orgs/orgs.tables.ts';
import { skippedLevelsOf } from './chain.ts';
import {
  type ExpectedUnitRow,
  type FormWithOwner,
  listChainUnits,
  listExpectedFillers,
} from './forms.repository.ts';
import { chainFormOf } from './forms.service.ts';
import type { Period } from './periods.ts';
import type { ReportKind } from './stats.tables.ts';

export interface ExpectedUnit extends ExpectedUnitRow {
  readonly kind: ReportKind;
  readonly reviewerId: number | null;
}

/**
 * The reports a period of a form expects inside a subtree: every obligated filling unit, and
 * every reviewing unit with at least one expected report below it, each with the unit that
 * reviews it (its nearest reviewing ancestor whose level is not skipped for it). A reviewing unit
 * whose own level is skipped is expected to report nothing: what is below goes past it.
 */
export async function expectedUnits(
  db: Executor,
  form: FormWithOwner,
  period: Period,
  scopePath: string,
): Promise<ExpectedUnit[]> {
  // Reviewers are found from the whole chain above the scope, so the scope may be any unit.
  const [fillers, chainAll] = await Promise.all([
    listExpectedFillers(db, form, period.start, scopePath),
    listChainUnits(db, form.chain_levels, scopePath),
  ]);
  const inForce = chainFormOf(form, period);
  const chain = chainAll
    .filter((c) => c.path.startsWith(form.owner_path))
    .filter((c) => !skippedLevelsOf(inForce, c.path).has(c.level as OrgLevel))
    .sort((a, b) => b.path.length - a.path.length);
  const byPath = new Map(chain.map((c) => [c.path, c]));
  const reviewerOf = (path: string): ExpectedUnitRow | undefined => {
    // Walk up the materialised path: the first reviewing unit not skipped for this one is the nearest.
    const skipped = skippedLevelsOf(inForce, path);
    const ids = path.split('/').filter(Boolean);
    for (let n = ids.length - 1; n > 0; n--) {
      const c = byPath.get(`/${ids.slice(0, n).join('/')}/`);
      if (c && !skipped.has(c.level as OrgLevel)) return c;
    }
    return undefined;
  };
  const out = new Map<number, ExpectedUnit>();
  const reviewed = new Set<number>();
  for (const f of fillers) {
    const r = reviewerOf(f.path);
    out.set(f.id, { ...f, kind: 'filled', reviewerId: r?.id ?? null });
    if (r) reviewed.add(r.id);
  }
  for (const c of chain) {
    if (!reviewed.has(c.id)) continue;
    const r = c.path === form.owner_path ? undefined : reviewerOf(c.path);
    out.set(c.id, { ...c, kind: 'aggregate', reviewerId: r?.id ?? null });
    if (r) reviewed.add(r.id);
  }
  return [...out.values()]
    .filter((u) => u.path.startsWith(scopePath))
    .sort((a, b) => a.path.localeCompare(b.path));
}
