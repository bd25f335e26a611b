// Statistical reporting at national scale, through the module's own paths: import one period of a
// 500-cell form for every county (~2,800 units, ~1.4 M values) with importDataValues (jurisdiction,
// obligation, window and lock checks, per-cell type and precision, history, audit), then roll it
// up to the national total and one province with the SQL aggregation, on PostgreSQL and PGlite in
// the same run. The reference is a bare multi-row INSERT of the same rows into an unindexed table
// with no checks: the ratio is what validation, history and the primary key cost.
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { rollUp } from '../apps/server/src/modules/stats/aggregate.service.ts';
import {
  type DataValueIn,
  importDataValues,
} from '../apps/server/src/modules/stats/exchange-import.service.ts';
import { findFormById } from '../apps/server/src/modules/stats/forms.repository.ts';
import { addObligation, createForm } from '../apps/server/src/modules/stats/forms.service.ts';
import { parsePeriod } from '../apps/server/src/modules/stats/periods.ts';
import { layoutOfVersion, versionFor } from '../apps/server/src/modules/stats/report-context.ts';
import { SYSTEM_CONTEXT } from '../apps/server/src/platform/audit/audit.service.ts';
import type { DatabaseHandle, DbKind } from '../apps/server/src/platform/db/database.ts';
import type { Actor } from '../apps/server/src/platform/identity/actor.ts';
import { PERMISSIONS } from '../apps/server/src/platform/identity/permissions.ts';
import { openTestDatabase } from '../apps/server/test/databases.ts';
// @ts-expect-error plain ESM helper without types
import { startCluster } from '../scripts/pg-cluster.mjs';

const ROWS = 20;
const OPTIONS = 5;
const PERIOD = '2025';

const layout = {
  rows: Array.from({ length: ROWS }, (_, i) => ({
    indicator: {
      code: `r${i}`,
      name: `指标${i}`,
      unit: '万元',
      valueType: 'number' as const,
      decimals: 2,
      aggregation: 'sum' as const,
    },
  })),
  dimensions: ['a', 'b'].map((d) => ({
    code: d,
    name: `分组${d}`,
    options: Array.from({ length: OPTIONS }, (_, j) => ({ code: `${d}${j}`, name: `${d}${j}` })),
  })),
  total: false,
  subtotals: false,
};

const actor = (orgUnitId: number): Actor => ({
  userId: 1,
  username: 'bench',
  displayName: 'bench',
  orgUnitId,
  orgPath: '/1/',
  permissions: new Set(PERMISSIONS),
  isAdmin: true,
  via: 'token',
  sessionId: null,
  tokenId: null,
  restriction: null,
});

interface Figures {
  db: string;
  values: number;
  importS: number;
  referenceS: number;
  nationalMs: number;
  provinceMs: number;
  conflicts: number;
}

async function run(label: string, handle: DatabaseHandle): Promise<Figures> {
  const db = handle.db;
  const mot = actor(1);
  const now = new Date('2026-02-01T08:00:00+08:00');
  const form = await db.transaction().execute(async (trx) => {
    const f = await createForm(
      trx,
      SYSTEM_CONTEXT,
      mot,
      {
        code: '压测统1表',
        name: '压测年报',
        issuingAuthority: '交通运输部',
        approvingAuthority: '国家统计局',
        approvalNo: '',
        validUntil: null,
        periodType: 'year',
        fillingLevels: ['county'],
        chainLevels: ['city', 'province', 'ministry'],
        requireChildrenApproved: true,
        fillOpenDays: 0,
        deadlineWorkingDays: 30,
        firstPeriod: PERIOD,
        layout,
      },
      now,
    );
    await addObligation(trx, SYSTEM_CONTEXT, mot, f.id, {
      orgUnitId: 1,
      includeSubtree: true,
      validFrom: '2020-01-01',
      validTo: null,
    });
    return f;
  });
  const counties = await db
    .selectFrom('org_unit')
    .select('code')
    .where('level', '=', 'county')
    .where('kind', '=', 'authority')
    .where('status', '=', 'active')
    .execute();
  const cells = layout.rows.flatMap((r) =>
    layout.dimensions[0]!.options.flatMap((a) =>
      layout.dimensions[1]!.options.map((b) => `${r.indicator.code}.${a.code}_${b.code}`),
    ),
  );
  const dataValues: DataValueIn[] = [];
  let seed = 1;
  for (const { code } of counties)
    for (const key of cells) {
      seed = (seed * 48271) % 2147483647;
      const dot = key.indexOf('.');
      dataValues.push({
        dataElement: key.slice(0, dot),
        categoryOptionCombo: key.slice(dot + 1),
        orgUnit: code,
        period: PERIOD,
        value: `${seed % 100000}.${seed % 100}`,
      });
    }

  const t0 = performance.now();
  const summary = await db
    .transaction()
    .execute((trx) =>
      importDataValues(
        trx,
        SYSTEM_CONTEXT,
        mot,
        { dataSet: '压测统1表', dataValues },
        'CREATE_AND_UPDATE',
        false,
        now,
      ),
    );
  const importS = (performance.now() - t0) / 1000;
  if (summary.importCount.imported !== dataValues.length)
    throw new Error(
      `${label}: imported ${summary.importCount.imported} of ${dataValues.length}: ${JSON.stringify(summary.conflicts.slice(0, 3))}`,
    );

  // Reference: the same rows, unchecked, into a bare table with one multi-row INSERT per 20,000.
  await sql`create temporary table bench_raw (period text, org_code text, cell_key text, num numeric)`.execute(
    db,
  );
  const r0 = performance.now();
  for (let i = 0; i < dataValues.length; i += 20_000) {
    const chunk = dataValues.slice(i, i + 20_000);
    await sql`insert into bench_raw select * from unnest(${chunk.map((v) => v.period)}::text[], ${chunk.map((v) => v.orgUnit)}::text[],
      ${chunk.map((v) => `${v.dataElement}.${v.categoryOptionCombo}`)}::text[], ${chunk.map((v) => v.value)}::numeric[])`.execute(
      db,
    );
  }
  const referenceS = (performance.now() - r0) / 1000;

  const f = (await findFormById(db, form.id))!;
  const period = parsePeriod(PERIOD);
  if (!period.ok) throw new Error('period');
  const compiled = layoutOfVersion(await versionFor(db, f, period.value));
  await rollUp(db, form.id, PERIOD, '/1/', compiled); // warm
  const n0 = performance.now();
  const national = await rollUp(db, form.id, PERIOD, '/1/', compiled);
  const nationalMs = performance.now() - n0;
  const js = await db
    .selectFrom('org_unit')
    .select('path')
    .where('code', '=', '320000')
    .executeTakeFirstOrThrow();
  const p0 = performance.now();
  await rollUp(db, form.id, PERIOD, js.path, compiled);
  const provinceMs = performance.now() - p0;
  if (national.size !== cells.length)
    throw new Error(`${label}: national roll-up has ${national.size} cells`);
  const figures = {
    db: label,
    values: dataValues.length,
    importS,
    referenceS,
    nationalMs,
    provinceMs,
    conflicts: summary.conflicts.length,
  };
  // Each database's figures as soon as they are known: the PGlite run takes a while.
  console.error(`${label}: ${JSON.stringify(figures)}`);
  return figures;
}

// A PostgreSQL of the caller's (JTGOV_TEST_PG_URL, a superuser URL: the bench makes and drops its
// own database) or a throwaway cluster; BENCH_KINDS picks the databases (default both).
const results: Figures[] = [];
let cluster: { url: string; stop(): void } | undefined;
if (!process.env.JTGOV_TEST_PG_URL) {
  cluster = await startCluster();
  process.env.JTGOV_TEST_PG_URL = cluster?.url;
}
try {
  for (const kind of (process.env.BENCH_KINDS ?? 'postgres,pglite').split(',') as DbKind[]) {
    const handle = await openTestDatabase(kind);
    try {
      results.push(await run(kind === 'postgres' ? 'PostgreSQL' : 'PGlite', handle));
    } finally {
      await handle.close();
    }
  }
} finally {
  cluster?.stop();
}

console.log('\nStats import and roll-up: one yearly period, 500-cell form, every county');
console.log(
  'database'.padEnd(11),
  'values'.padStart(9),
  'import s'.padStart(9),
  'values/s'.padStart(10),
  'bare INSERT s'.padStart(14),
  'vs bare'.padStart(8),
  'national ms'.padStart(12),
  'province ms'.padStart(12),
);
for (const r of results)
  console.log(
    r.db.padEnd(11),
    String(r.values).padStart(9),
    r.importS.toFixed(1).padStart(9),
    (r.values / r.importS).toFixed(0).padStart(10),
    r.referenceS.toFixed(1).padStart(14),
    `${((r.referenceS / r.importS) * 100).toFixed(0)}%`.padStart(8),
    r.nationalMs.toFixed(0).padStart(12),
    r.provinceMs.toFixed(0).padStart(12),
  );
