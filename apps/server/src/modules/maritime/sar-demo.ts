// Demo content for `npm start` (demo mode only): SAR resources along the coast, registry entries
// for the MMSIs of the replay fixtures, and one worked incident off Zhoushan. Idempotent: each
// kind of content is added only where none exists yet. Written through the services, as the
// system, so every row is validated and audited like any other.
import { SYSTEM_CONTEXT } from '../../platform/audit/audit.service.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { Actor } from '../../platform/identity/actor.ts';
import { PERMISSIONS } from '../../platform/identity/permissions.ts';
import { findOrgUnitByCode } from '../../platform/orgs/orgs.repository.ts';
import { MINISTRY } from '../../platform/orgs/seed.ts';
import { countIncidents } from './incidents.repository.ts';
import { logToIncident, openIncident, taskResource } from './incidents.service.ts';
import { savePlan } from './sar-plans.service.ts';
import { countResources, findResourceIdByName } from './sar-resources.repository.ts';
import type { CreateResourceBody } from './sar-resources.schemas.ts';
import { createResource } from './sar-resources.service.ts';
import { mmsiRegistered } from './vessel-registry.repository.ts';
import type { CreateRegistryBody } from './vessel-registry.schemas.ts';
import { createEntry } from './vessel-registry.service.ts';

/** The seeding system, acting at the root of the tree; user id 0 is no user. */
const SYSTEM_ACTOR: Actor = {
  userId: 0,
  username: 'system',
  displayName: '系统',
  orgUnitId: MINISTRY.id,
  orgPath: MINISTRY.path,
  permissions: new Set(PERMISSIONS),
  isAdmin: true,
  via: 'session',
  sessionId: null,
  tokenId: null,
  restriction: null,
};

type Res = Omit<CreateResourceBody, 'orgUnitId' | 'baseId'> & { base?: string };

/** Bases and units of the three rescue bureaus (北海, 东海, 南海救助局) by province. */
const RESOURCES: Record<string, Res[]> = {
  '370000': [
    { kind: 'base', name: '北海救助局烟台基地', home: { lat: 37.55, lon: 121.4 } },
    {
      kind: 'rescueVessel',
      name: '北海救111',
      callSign: 'BSBH111',
      base: '北海救助局烟台基地',
      home: { lat: 37.56, lon: 121.42 },
      speedKn: 20,
    },
    {
      kind: 'helicopter',
      name: '北海第一救助飞行队 B-7313',
      base: '北海救助局烟台基地',
      home: { lat: 37.66, lon: 120.83 },
      speedKn: 130,
    },
  ],
  '310000': [
    { kind: 'base', name: '东海救助局上海基地', home: { lat: 31.38, lon: 121.5 } },
    {
      kind: 'rescueVessel',
      name: '东海救101',
      callSign: 'BSAR1',
      mmsi: 412000101,
      base: '东海救助局上海基地',
      home: { lat: 31.38, lon: 121.51 },
      speedKn: 20,
    },
    {
      kind: 'helicopter',
      name: '东海第一救助飞行队 B-7301',
      base: '东海救助局上海基地',
      home: { lat: 31.19, lon: 121.34 },
      speedKn: 130,
    },
  ],
  '330000': [
    { kind: 'base', name: '东海救助局舟山基地', home: { lat: 29.99, lon: 122.2 } },
    {
      kind: 'rescueVessel',
      name: '东海救117',
      callSign: 'BSAR117',
      base: '东海救助局舟山基地',
      home: { lat: 29.98, lon: 122.21 },
      speedKn: 22,
    },
    {
      kind: 'rescueVessel',
      name: '东海救118',
      callSign: 'BSAR118',
      base: '东海救助局舟山基地',
      home: { lat: 29.97, lon: 122.22 },
      speedKn: 16,
    },
    {
      kind: 'fixedWingAircraft',
      name: '东海第一救助飞行队 B-7329',
      home: { lat: 29.93, lon: 122.36 },
      speedKn: 220,
    },
  ],
  '350000': [
    { kind: 'base', name: '东海救助局福州基地', home: { lat: 26.0, lon: 119.45 } },
    {
      kind: 'rescueVessel',
      name: '东海救113',
      callSign: 'BSAR113',
      base: '东海救助局福州基地',
      home: { lat: 26.01, lon: 119.47 },
      speedKn: 20,
    },
  ],
  '440000': [
    { kind: 'base', name: '南海救助局广州基地', home: { lat: 22.8, lon: 113.6 } },
    {
      kind: 'rescueVessel',
      name: '南海救101',
      callSign: 'BSNH101',
      base: '南海救助局广州基地',
      home: { lat: 22.25, lon: 113.58 },
      speedKn: 22,
    },
    {
      kind: 'helicopter',
      name: '南海第一救助飞行队 B-7328',
      base: '南海救助局广州基地',
      home: { lat: 22.14, lon: 113.59 },
      speedKn: 130,
    },
  ],
};

const party = (name: string, phone: string, email: string | null = null) => ({ name, phone, email });

/** MMSIs of fixtures/east-china-sea.nmea (under 浙江) and of the reference sentences (under the ministry). */
const REGISTRY: (Omit<CreateRegistryBody, 'orgUnitId'> & { org: string })[] = [
  {
    org: '330000',
    mmsi: 412000001,
    name: '浙岱渔01234',
    callSign: 'BZAA1',
    shipType: 30,
    lengthM: 38,
    contacts: {
      owner: party('岱山县某渔业合作社', '0580-0000-0001'),
      operator: null,
      emergency: party('船长 张某', '139-0000-0001'),
    },
  },
  {
    org: '330000',
    mmsi: 412000002,
    name: '舟渔806',
    callSign: 'BZAB2',
    shipType: 30,
    lengthM: 32,
    contacts: {
      owner: party('舟山某水产公司', '0580-0000-0002'),
      operator: null,
      emergency: party('船长 李某', '139-0000-0002'),
    },
  },
  {
    org: '330000',
    mmsi: 413000001,
    name: '东方海星',
    imo: 9074729,
    callSign: 'BQAB',
    shipType: 70,
    lengthM: 190,
    contacts: {
      owner: party('某远洋散货公司', '021-0000-0003', 'ops@example.cn'),
      operator: party('某船舶管理公司', '021-0000-0004', 'dpa@example.cn'),
      emergency: party('驾驶台', '+870-000-000-003'),
    },
  },
  {
    org: '330000',
    mmsi: 413000004,
    name: '舟山岛',
    imo: 9187851,
    callSign: 'BPAD4',
    shipType: 60,
    lengthM: 120,
    contacts: {
      owner: party('某客运公司', '0580-0000-0005'),
      operator: null,
      emergency: party('值班室', '0580-0000-0006'),
    },
  },
  {
    org: '330000',
    mmsi: 413000003,
    name: '华海9',
    imo: 9321483,
    callSign: 'BHAH9',
    shipType: 80,
    lengthM: 150,
    contacts: {
      owner: party('某油运公司', '0574-0000-0007'),
      operator: null,
      emergency: party('驾驶台', '+870-000-000-007'),
    },
  },
  {
    org: 'MOT',
    mmsi: 351759000,
    name: 'EVER DIADEM',
    imo: 9134270,
    callSign: '3FOF8',
    shipType: 70,
    lengthM: 294,
    contacts: { owner: null, operator: party('Operator (demo)', '+886-0-0000-0008'), emergency: null },
  },
];

async function orgId(trx: Executor, code: string): Promise<number | null> {
  return (await findOrgUnitByCode(trx, code))?.id ?? null;
}

export async function seedSarDemo(trx: Executor, now: Date): Promise<number> {
  let added = 0;
  if ((await countResources(trx)) === 0) {
    for (const [code, list] of Object.entries(RESOURCES)) {
      const org = await orgId(trx, code);
      if (org === null) continue;
      const bases = new Map<string, number>();
      for (const { base, ...r } of list) {
        const baseId = base === undefined ? undefined : bases.get(base);
        const row = await createResource(
          trx,
          SYSTEM_CONTEXT,
          SYSTEM_ACTOR,
          { ...r, orgUnitId: org, ...(baseId && { baseId }) },
          now,
        );
        if (r.kind === 'base') bases.set(r.name, row.id);
        added++;
      }
    }
  }
  for (const { org: code, ...entry } of REGISTRY) {
    const org = await orgId(trx, code);
    if (org === null || (await mmsiRegistered(trx, entry.mmsi))) continue;
    await createEntry(trx, SYSTEM_CONTEXT, SYSTEM_ACTOR, { ...entry, orgUnitId: org }, now);
    added++;
  }
  const zj = await orgId(trx, '330000');
  if (zj !== null && (await countIncidents(trx)) === 0) {
    const alertAt = new Date(now.getTime() - 40 * 60_000);
    const incident = await openIncident(
      trx,
      SYSTEM_CONTEXT,
      SYSTEM_ACTOR,
      {
        source: 'dsc',
        position: { lat: 30.6, lon: 122.9 },
        alertAt: alertAt.toISOString(),
        mmsi: 412000001,
        personsOnBoard: 8,
        nature: 'flooding',
        description: '（演示）浙岱渔01234 DSC 遇险报警：机舱进水，船上 8 人',
        orgUnitId: zj,
      },
      now,
    );
    await logToIncident(
      trx,
      SYSTEM_CONTEXT,
      SYSTEM_ACTOR,
      incident.id,
      '（演示）已与船长取得联系，正在排水，请求拖带',
      now,
    );
    const boat = await findResourceIdByName(trx, '东海救117');
    if (boat !== undefined)
      await taskResource(trx, SYSTEM_CONTEXT, SYSTEM_ACTOR, incident.id, boat, now, '（演示）立即前往');
    await savePlan(
      trx,
      SYSTEM_CONTEXT,
      SYSTEM_ACTOR,
      incident.id,
      {
        name: '（演示）初始搜寻方案',
        input: {
          lkp: { lat: 30.6, lon: 122.9 },
          lkpAt: alertAt.toISOString(),
          datumAt: new Date(now.getTime() + 60 * 60_000).toISOString(),
          searchObject: 'fishingVessel',
          wind: { speedKn: 18, fromDeg: 30 },
          seaCurrent: { speedKn: 0.8, towardsDeg: 200 },
          errors: { x: 1, y: 0.5 },
          pattern: { type: 'expandingSquare', orientationDeg: 30, trackSpacingNm: 1, legs: 10 },
        },
      },
      now,
    );
    added++;
  }
  return added;
}
