import { AppError, badRequest, conflict, forbidden } from '../http/errors.ts';
import type { Actor } from '../identity/actor.ts';
import type { OrgUnitRow } from './orgs.repository.ts';
import type { OrgLevel } from './orgs.tables.ts';

const RANK: Record<OrgLevel, number> = { ministry: 0, province: 1, city: 2, county: 3 };
const LEVEL_BELOW: Record<OrgLevel, OrgLevel | null> = {
  ministry: 'province',
  province: 'city',
  city: 'county',
  county: null,
};

/**
 * Who may change which unit, and how units may relate. Jurisdiction itself (the unit lies in the
 * actor's subtree) is enforced by the scoped queries of the repository; these are the rules on top.
 */
export const orgsPolicy = {
  /** An administrator cannot rename, merge or close the unit it acts for: it would saw off its own branch. */
  assertNotOwnUnit(actor: Actor, unit: Pick<OrgUnitRow, 'id'>, what: string): void {
    if (unit.id === actor.orgUnitId) throw forbidden(`you cannot ${what} the unit you act for`);
  },

  assertActive(unit: Pick<OrgUnitRow, 'name' | 'status'>): void {
    if (unit.status !== 'active') throw conflict(`${unit.name} is ${unit.status}`);
  },

  outOfJurisdiction(id: number): AppError {
    return new AppError(403, 'out_of_jurisdiction', `org unit ${id} is not in your jurisdiction`);
  },

  /**
   * The level of a new unit: a department works at its parent's level; an authority serves a
   * division one level below its parent authority.
   */
  levelOfNewUnit(parent: Pick<OrgUnitRow, 'level' | 'kind' | 'name'>, kind: OrgUnitRow['kind']): OrgLevel {
    if (kind === 'department') return parent.level;
    if (parent.kind !== 'authority')
      throw badRequest(`an authority cannot sit under the department ${parent.name}`);
    const level = LEVEL_BELOW[parent.level];
    if (!level) throw badRequest(`${parent.name} is a county-level authority: add a department instead`);
    return level;
  },

  /** A merge goes sideways or upwards: a city bureau is not absorbed by a county bureau. */
  assertCanMerge(source: Pick<OrgUnitRow, 'id' | 'path' | 'level' | 'name'>, target: typeof source): void {
    if (target.id === source.id) throw badRequest('a unit cannot be merged into itself');
    if (target.path.startsWith(source.path))
      throw badRequest(
        `${target.name} lies under ${source.name}: a unit cannot be merged into its own descendant`,
      );
    if (RANK[target.level] > RANK[source.level])
      throw badRequest(`a ${source.level}-level unit cannot be merged into a ${target.level}-level unit`);
  },
};
