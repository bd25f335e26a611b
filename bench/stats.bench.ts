// Statistical reporting at national scale, through the module's own paths: import one period of a
// 500-cell form for every county (~2,800 units, ~1.4 M values) with importDataValues (jurisdiction,
// obligation, window and lock checks, per-cell type and precision, COPY into a staging table and a
// set-based merge, history, audit), roll it up to the national total and one province with the SQL
// aggregation, then time the module's pages on that data through the HTTP API (inbox, completeness
// grid, rates, aggregate reports, drill-downs; p50/p95 of one request at a time, aim p95 < 300 ms),
// on PostgreSQL and PGlite in the same run. The import's reference is a bare multi-row INSERT of the
// same rows into an unindexed temporary table with no checks, by multi-row INSERT and by COPY: the
// ratio is what validation, WAL, the primary key and the partial roll-ups' refresh cost. The
// roll-up's reference is one scan of the period's values.
//
// JTGOV_TEST_PG_URL: a PostgreSQL superuser URL (the bench makes and drops its own database;
// default a throwaway cluster). BENCH_KINDS=postgres,pglite picks the databases,
// BENCH_STATS_REQUESTS the requests per page (20), BENCH_STATS_UNITS caps the counties (profiling),
// BENCH_STATS_EXPLAIN=1 prints the roll-up plans.
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
import { copyInto } from '../apps/server/src/platform/db/copy.ts';
import type { DbKind } from '../apps/server/src/platform/db/database.ts';
import type { Actor } from '../apps/server/src/platform/identity/actor.ts';
import { PERMISSIONS } from '../apps/server/src/platform/identity/permissions.ts';
import { type Session, startTestApp, type TestApp } from '../apps/server/test/harness.ts';
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
  copyS: number;
  nationalMs: number;
  directMs: number;
  provinceMs: number;
  conflicts: number;
  pages: PageTiming[];
}

interface PageTiming {
  page: string;
  p50: number;
  p95: number;
}

const REQUESTS = Number(process.env.BENCH_STATS_REQUESTS ?? 20);
const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
};

/** p50/p95 of one page's API call, one request at a time after a warm-up, each checked for 200. */
async function timePage(t: TestApp, session: Session, page: string, url: string): Promise<PageTiming> {
  const times: number[] = [];
  for (let i = 0; i <= REQUESTS; i++) {
    const t0 = performance.now();
    const res = await t.as(session, 'GET', url);
    const ms = performance.now() - t0;
    if (res.statusCode !== 200) throw new Error(`${page}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    if (i > 0) times.push(ms);
  }
  return { page, p50: percentile(times, 0.5), p95: percentile(times, 0.95) };
}

/** The module's list and aggregate pages on the loaded data, as a ministry, province and county user. */
async function timePages(t: TestApp, formId: number): Promise<PageTiming[]> {
  await t.createUser('bench.mot', 'MOT', ['statsReviewer']);
  await t.createUser('bench.js', '320000', ['statsReviewer']);
  await t.createUser('bench.xw', '320102', ['staff']);
  const [mot, js, xw] = await Promise.all(['bench.mot', 'bench.js', 'bench.xw'].map((u) => t.login(u)));
  const [motId, jsId, xwId] = await Promise.all(['MOT', '320000', '320102'].map((c) => t.orgId(c)));
  const base = `/api/stats/forms/${formId}`;
  const out: PageTiming[] = [];
  const pages: [string, Session, string][] = [
    ['inbox (county filler)', xw!, '/api/stats/inbox?page=1&pageSize=20'],
    ['inbox (ministry reviewer)', mot!, '/api/stats/inbox?page=1&pageSize=20'],
    ['completeness grid (national)', mot!, `${base}/periods/${PERIOD}/completeness?page=1&pageSize=50`],
    ['completeness grid (province)', js!, `${base}/periods/${PERIOD}/completeness?page=1&pageSize=50`],
    ['rates by level (national)', mot!, `${base}/periods/${PERIOD}/rates`],
    ['aggregate report (national)', mot!, `${base}/units/${motId}/periods/${PERIOD}`],
    ['aggregate report (province)', js!, `${base}/units/${jsId}/periods/${PERIOD}`],
    ['drill-down (national → provinces)', mot!, `${base}/units/${motId}/periods/${PERIOD}/drilldown`],
    ['drill-down (province → cities)', js!, `${base}/units/${jsId}/periods/${PERIOD}/drilldown`],
    ['filled report (county)', xw!, `${base}/units/${xwId}/periods/${PERIOD}`],
  ];
  for (const [page, session, url] of pages) {
    const timing = await timePage(t, session, page, url);
    console.error(`  ${page}: p50 ${timing.p50.toFixed(0)} ms, p95 ${timing.p95.toFixed(0)} ms`);
    out.push(timing);
  }
  return out;
}

async function run(label: string, t: TestApp): Promise<Figures> {
  const db = t.handle.db;
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
    .limit(Number(process.env.BENCH_STATS_UNITS ?? 100_000))
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

  // References: the same rows, unchecked, into a bare unindexed table, by one multi-row INSERT per
  // 20,000 and by COPY (what a load cannot beat).
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
  await sql`truncate bench_raw`.execute(db);
  const c0 = performance.now();
  for (let i = 0; i < dataValues.length; i += 250_000) {
    const lines = dataValues
      .slice(i, i + 250_000)
      .map((v) => `${v.period}\t${v.orgUnit}\t${v.dataElement}.${v.categoryOptionCombo}\t${v.value}\n`);
    await copyInto(db, 'bench_raw', ['period', 'org_code', 'cell_key', 'num'], [lines.join('')]);
  }
  const copyS = (performance.now() - c0) / 1000;
  await sql`drop table bench_raw`.execute(db);

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
  // Reference: the national total straight from the values, one scan of the period (what the
  // roll-up did before it read partials).
  const direct = sql`select v.cell_key, sum(v.num)::text from stats_value v
    where v.form_id = ${form.id} and v.period = ${PERIOD} group by v.cell_key`;
  await direct.execute(db);
  const d0 = performance.now();
  await direct.execute(db);
  const directMs = performance.now() - d0;
  if (process.env.BENCH_STATS_EXPLAIN) {
    // The plans of the national roll-up, its reference and a province's on this data, for profiling.
    for (const query of [
      sql`select x.cell_key, sum(x.total)::text from stats_value_partial x
        where x.form_id = ${form.id} and x.period = ${PERIOD} group by x.cell_key`,
      direct,
      sql`select x.cell_key, sum(x.total)::text from stats_value_partial x
        where x.form_id = ${form.id} and x.period = ${PERIOD}
        and x.group_id = any(array(select id from org_unit where path like ${`${js.path}%`})) group by x.cell_key`,
    ]) {
      const plan = await sql<{ 'QUERY PLAN': string }>`explain (analyze, buffers) ${query}`.execute(db);
      console.error(plan.rows.map((r) => r['QUERY PLAN']).join('\n'));
    }
  }
  if (national.size !== cells.length)
    throw new Error(`${label}: national roll-up has ${national.size} cells`);
  const pages = await timePages(t, form.id);
  const figures = {
    db: label,
    pages,
    values: dataValues.length,
    importS,
    referenceS,
    copyS,
    nationalMs,
    directMs,
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
    const t = await startTestApp(kind);
    try {
      results.push(await run(kind === 'postgres' ? 'PostgreSQL' : 'PGlite', t));
    } finally {
      await t.close();
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
  'vs INSERT'.padStart(10),
  'bare COPY s'.padStart(12),
  'vs COPY'.padStart(8),
);
for (const r of results)
  console.log(
    r.db.padEnd(11),
    String(r.values).padStart(9),
    r.importS.toFixed(1).padStart(9),
    (r.values / r.importS).toFixed(0).padStart(10),
    r.referenceS.toFixed(1).padStart(14),
    `${((r.referenceS / r.importS) * 100).toFixed(0)}%`.padStart(10),
    r.copyS.toFixed(1).padStart(12),
    `${((r.copyS / r.importS) * 100).toFixed(0)}%`.padStart(8),
  );
console.log("('vs': the reference's time as a share of the import's)");

console.log('\nRoll-up on that data: from partials, against one scan of the values (aim national < 1 s)');
console.log(
  'database'.padEnd(11),
  'national ms'.padStart(12),
  'scan ms'.padStart(9),
  'ratio'.padStart(7),
  'province ms'.padStart(12),
);
for (const r of results)
  console.log(
    r.db.padEnd(11),
    r.nationalMs.toFixed(0).padStart(12),
    r.directMs.toFixed(0).padStart(9),
    `${(r.nationalMs / r.directMs).toFixed(2)}×`.padStart(7),
    r.provinceMs.toFixed(0).padStart(12),
  );

console.log('\nStats API on that data: one request at a time, aim p95 < 300 ms');
console.log('page'.padEnd(36), ...results.flatMap((r) => [`${r.db} p50`.padStart(15), `p95`.padStart(7)]));
for (const [i, { page }] of (results[0]?.pages ?? []).entries())
  console.log(
    page.padEnd(36),
    ...results.flatMap((r) => {
      const p = r.pages[i]!;
      return [
        `${p.p50.toFixed(0)} ms`.padStart(15),
        `${p.p95.toFixed(0)} ms${p.p95 < 300 ? '' : '!'}`.padStart(7),
      ];
    }),
  );
console.log("('!': p95 over the 300 ms aim)");
