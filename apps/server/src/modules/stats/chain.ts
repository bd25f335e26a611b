import type { OrgLevel } from '../../platform/orgs/orgs.tables.ts';
import type { ReportKind } from './stats.tables.ts';

/** Ministry at the top, county at the bottom. */
export const LEVEL_RANK: Readonly<Record<OrgLevel, number>> = {
  ministry: 0,
  province: 1,
  city: 2,
  county: 3,
};

export interface ChainForm {
  readonly filling_levels: readonly OrgLevel[];
  readonly chain_levels: readonly OrgLevel[];
  readonly owning_level: OrgLevel;
  /** Path of the owning unit: the form reaches only its subtree. */
  readonly owner_path: string;
  /** Review levels skipped below units (stats_review_skip); none when absent. */
  readonly review_skips?: readonly ChainSkip[];
}

/** A review level skipped for the reports of a unit's subtree. */
export interface ChainSkip {
  readonly path: string;
  readonly level: OrgLevel;
}

/** The review levels skipped for a unit's reports: set on the unit itself or on an ancestor. */
export function skippedLevelsOf(form: Pick<ChainForm, 'review_skips'>, unitPath: string): Set<OrgLevel> {
  const out = new Set<OrgLevel>();
  for (const s of form.review_skips ?? []) if (unitPath.startsWith(s.path)) out.add(s.level);
  return out;
}

export interface ChainUnit {
  readonly id: number;
  readonly path: string;
  readonly level: OrgLevel;
}

/** Why a form definition's levels are inconsistent, or null when they are fine. */
export function chainProblem(
  form: Pick<ChainForm, 'filling_levels' | 'chain_levels' | 'owning_level'>,
): string | null {
  if (form.filling_levels.length === 0) return 'at least one filling level is needed';
  if (!form.chain_levels.includes(form.owning_level)) return 'the owning level must be in the review chain';
  for (const level of form.filling_levels) {
    if (form.chain_levels.includes(level)) return `${level} cannot both fill and aggregate`;
    if (LEVEL_RANK[level] <= LEVEL_RANK[form.owning_level])
      return `filling level ${level} must be below the owning level ${form.owning_level}`;
  }
  for (const level of form.chain_levels)
    if (LEVEL_RANK[level] < LEVEL_RANK[form.owning_level])
      return `review level ${level} is above the owning level ${form.owning_level}`;
  return null;
}

/** Which report a unit has for the form: it fills, it aggregates, or the form does not reach it. */
export function reportKindOf(form: ChainForm, unit: Pick<ChainUnit, 'path' | 'level'>): ReportKind | null {
  if (!unit.path.startsWith(form.owner_path)) return null;
  if (form.chain_levels.includes(unit.level) && LEVEL_RANK[unit.level] >= LEVEL_RANK[form.owning_level])
    // A unit whose own level is skipped does not review: it has no aggregate to approve.
    return skippedLevelsOf(form, unit.path).has(unit.level) ? null : 'aggregate';
  if (form.filling_levels.includes(unit.level)) return 'filled';
  return null;
}

/**
 * The unit that reviews a unit's report: its nearest ancestor at a review level within the
 * owner's subtree (a level left out of the chain, or skipped for the unit, is passed over). The
 * owning unit itself has none: it publishes its aggregate.
 */
export function reviewerOf(
  form: ChainForm,
  unit: ChainUnit,
  ancestors: readonly ChainUnit[],
): ChainUnit | null {
  if (unit.path === form.owner_path) return null;
  const skipped = skippedLevelsOf(form, unit.path);
  const candidates = ancestors
    .filter(
      (a) =>
        unit.path.startsWith(a.path) &&
        a.path !== unit.path &&
        a.path.startsWith(form.owner_path) &&
        form.chain_levels.includes(a.level) &&
        !skipped.has(a.level),
    )
    .sort((a, b) => b.path.length - a.path.length);
  return candidates[0] ?? null;
}
