// Knowledge-base search over generated Chinese articles (BENCH_KB_ARTICLES, default 100,000):
// p50/p95 of the ranked, jurisdiction-chained full-text search, next to a plain ILIKE scan of the
// same table in the same run, on PostgreSQL (a throwaway cluster) and on the embedded PGlite.
import { sql } from 'kysely';
import { searchColumns } from '../apps/server/src/modules/hotline/kb.service.ts';
import { searchKb } from '../apps/server/src/modules/hotline/kb-search.service.ts';
import type { DbKind, Executor } from '../apps/server/src/platform/db/database.ts';
import type { Actor } from '../apps/server/src/platform/identity/actor.ts';
import { openTestDatabase } from '../apps/server/test/databases.ts';
// @ts-expect-error plain ESM helper without types
import { startCluster } from '../scripts/pg-cluster.mjs';

const ARTICLES = Number(process.env.BENCH_KB_ARTICLES ?? 100_000);
const QUERIES = 200;

// Vocabulary of the hotline: subjects, matters and phrasing, combined at random into articles.
const SUBJECTS =
  '网约车 出租车 公交车 长途客车 危险货物运输车 货车 渡船 客渡船 船闸 高速公路 收费站 服务区 驾校 维修企业 地铁 共享单车 客运站 港口 航道 治超站'.split(
    ' ',
  );
const MATTERS =
  '驾驶员证办理 运输证办理 投诉受理范围 遗失物品查找 票价咨询 通行费减免 超限超载认定 动态监控 非法营运举报 退票改签 安全须知 许可办理 信用评价 服务质量 年审 从业资格 营运证 绿色通道 施工占道 应急处置'.split(
    ' ',
  );
const PHRASES = [
  '申请人应当向所在地交通运输主管部门提出申请，并提交身份证明和相关材料。',
  '12328热线受理后转承办单位办理，一般在15个工作日内答复来电人。',
  '对处理结果不满意的，可以申请复核或者依法申请行政复议。',
  '具体标准以当地主管部门公布的最新规定为准。',
  '发现安全隐患的，请及时拨打12328举报，紧急情况请拨打110。',
  '车辆应当安装卫星定位装置并接入监控平台，企业落实动态监控主体责任。',
  '乘客请提供车牌号码、乘车时间、上下车地点和发票信息。',
  '收费公路在重大节假日对七座以下小型客车免收车辆通行费。',
];

let seed = 42;
const rnd = (n: number) => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed % n;
};
const pick = <T>(xs: readonly T[]) => xs[rnd(xs.length)] as T;

async function load(db: Executor, orgIds: readonly number[]) {
  const now = new Date();
  for (let start = 0; start < ARTICLES; start += 1000) {
    const rows = [];
    for (let i = start; i < Math.min(ARTICLES, start + 1000); i++) {
      const title = `${pick(SUBJECTS)}${pick(MATTERS)}`;
      const body = `${Array.from({ length: 4 }, () => pick(PHRASES)).join('')}${pick(SUBJECTS)}${pick(MATTERS)}的说明。`;
      const tags = [pick(SUBJECTS), pick(MATTERS)];
      const c = { title, body, domain: 'other', categoryCode: null, tags };
      const { search_vector, search_text } = searchColumns(c);
      rows.push(sql`(${`bench-${i}`}, ${pick(orgIds)}, 'published', 1, ${title}, ${body}, 'other', ${tags}::text[],
        ${search_vector}::tsvector, ${search_text}, ${now}, ${now}, ${now})`);
    }
    await sql`insert into kb_article (key, org_unit_id, status, current_version, title, body, domain, tags,
      search_vector, search_text, published_at, created_at, updated_at) values ${sql.join(rows)}`.execute(db);
  }
  await sql`analyze kb_article`.execute(db);
}

const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * p)] as number;

async function time(fn: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < QUERIES; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

async function run(kind: DbKind) {
  const handle = await openTestDatabase(kind);
  try {
    const orgs = await handle.db
      .selectFrom('org_unit')
      .select(['id', 'path', 'code'])
      .where('code', 'in', ['MOT', '320000', '320100', '320102'])
      .execute();
    const t0 = performance.now();
    await load(
      handle.db,
      orgs.map((o) => o.id),
    );
    const loadS = (performance.now() - t0) / 1000;
    const county = orgs.find((o) => o.code === '320102') as { id: number; path: string };
    const actor = {
      userId: 1,
      orgUnitId: county.id,
      orgPath: county.path,
      permissions: new Set(),
    } as unknown as Actor;
    const queries = Array.from({ length: QUERIES }, () => `${pick(SUBJECTS)}${pick(MATTERS)}`);
    let q = 0;
    const now = new Date();
    const search = await time(() =>
      handle.db
        .transaction()
        .execute((trx) =>
          searchKb(trx, actor, { q: queries[q++ % QUERIES] as string, page: 1, pageSize: 20 }, now),
        ),
    );
    let r = 0;
    const ilike = await time(() =>
      sql`select id, title from kb_article where status = 'published' and (title ilike ${`%${queries[r % QUERIES]}%`} or body ilike ${`%${queries[r++ % QUERIES]}%`}) order by id limit 20`.execute(
        handle.db,
      ),
    );
    const p95 = percentile(search, 0.95);
    const ref = percentile(ilike, 0.95);
    console.log(
      `${kind.padEnd(8)} ${ARTICLES} articles (loaded in ${loadS.toFixed(0)} s): KB search p50 ${percentile(search, 0.5).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms` +
        ` | ILIKE scan p95 ${ref.toFixed(1)} ms | ratio ${(ref / p95).toFixed(1)}x | aim p95 < 20 ms: ${p95 < 20 ? 'met' : 'missed'}`,
    );
  } finally {
    await handle.close();
  }
}

let cluster: { url: string; stop(): void } | undefined;
if (!process.env.JTGOV_TEST_PG_URL) {
  cluster = await startCluster();
  process.env.JTGOV_TEST_PG_URL = cluster?.url;
}
try {
  for (const kind of (process.env.BENCH_KINDS ?? 'postgres,pglite').split(',') as DbKind[]) await run(kind);
} finally {
  cluster?.stop();
}
