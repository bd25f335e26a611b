// A generated knowledge base of Chinese transport-service articles: subjects × matters × places
// × article kinds, bodies assembled from templated sentences with filled slots, so that word
// frequencies spread like a real 12328 knowledge base (a few words in most articles, most words
// in few) instead of 100k near-duplicates.
import { sql } from 'kysely';
import { searchColumns } from '../apps/server/src/modules/hotline/kb.service.ts';
import { beginBulkLoad, endBulkLoad } from '../apps/server/src/modules/hotline/kb-search.repository.ts';
import type { Db, Executor } from '../apps/server/src/platform/db/database.ts';

const PLACES =
  '南京 苏州 无锡 常州 徐州 南通 扬州 镇江 泰州 盐城 淮安 连云港 宿迁 杭州 宁波 温州 绍兴 嘉兴 合肥 芜湖 济南 青岛 福州 厦门 武汉 长沙 成都 重庆 西安 郑州'.split(
    ' ',
  );

/** Subjects with their business domain (reference-data DOMAINS keys). */
const SUBJECTS: readonly (readonly [string, string])[] = [
  ['网约车', 'urbanPassenger'],
  ['巡游出租车', 'urbanPassenger'],
  ['公交车', 'urbanPassenger'],
  ['地铁', 'urbanPassenger'],
  ['有轨电车', 'urbanPassenger'],
  ['共享单车', 'urbanPassenger'],
  ['公交IC卡', 'urbanPassenger'],
  ['长途客车', 'roadTransport'],
  ['旅游包车', 'roadTransport'],
  ['危险货物运输车', 'roadTransport'],
  ['普通货车', 'roadTransport'],
  ['冷链运输车', 'roadTransport'],
  ['汽车客运站', 'roadTransport'],
  ['驾驶员培训机构', 'roadTransport'],
  ['机动车维修企业', 'roadTransport'],
  ['道路货运企业', 'roadTransport'],
  ['高速公路', 'highway'],
  ['国省干线公路', 'highway'],
  ['农村公路', 'highway'],
  ['收费站', 'highway'],
  ['服务区', 'highway'],
  ['ETC', 'highway'],
  ['治超站', 'highway'],
  ['公路桥梁', 'highway'],
  ['客渡船', 'waterway'],
  ['内河货船', 'waterway'],
  ['船闸', 'waterway'],
  ['港口码头', 'waterway'],
  ['内河航道', 'waterway'],
  ['水上客运', 'waterway'],
  ['游艇', 'maritime'],
  ['海船船员', 'maritime'],
  ['船舶登记', 'maritime'],
  ['引航', 'maritime'],
  ['救助打捞', 'salvage'],
  ['水上搜救', 'waterSearchRescue'],
];

const MATTERS =
  '从业资格证办理 道路运输证年审 经营许可办理 投诉受理范围 遗失物品查找 票价标准 通行费减免 超限超载认定 动态监控 非法营运举报 退票改签 安全须知 信用评价 服务质量考核 车辆报废更新 绿色通道政策 施工占道通告 应急处置 运营补贴申领 拒载绕路处理 乘客权益保障 无障碍服务 押金退还 车辆年检 违章处理 驾驶员培训 安全生产检查 事故报告 收费标准公示 夜间运营 节假日免费通行 行李托运 儿童票 老年人优待 学生卡办理 线路调整 首末班时间 停运公告 发票开具 证件补办 变更登记 注销登记 危险品申报 船员适任证书 船舶检验 通航安全'.split(
    ' ',
  );

const KINDS = '办事指南 常见问题 政策解读 收费标准 投诉处理流程 服务规范 办理须知 答复口径'.split(' ');

const DEPARTMENTS = [
  '交通运输局',
  '道路运输管理处',
  '客运出租汽车管理处',
  '公路事业发展中心',
  '港航事业发展中心',
  '海事局',
  '综合行政执法支队',
  '12328热线中心',
];

// Sentence templates: {p} place, {s} subject, {m} matter, {d} department, {n} a number.
const SENTENCES = [
  '{p}{s}{m}由{p}市{d}负责受理，申请人应当提交身份证明和相关材料。',
  '办理{m}一般需要{n}个工作日，材料齐全的当场受理。',
  '{s}经营者应当落实安全生产主体责任，定期开展隐患排查。',
  '乘客对{s}服务不满意的，可以拨打12328热线投诉，热线受理后转承办单位办理。',
  '承办单位应当在{n}个工作日内答复来电人，情况复杂的可以申请延期。',
  '{m}的具体标准以{p}市{d}公布的最新规定为准。',
  '对处理结果不满意的，可以依法申请行政复议或者提起行政诉讼。',
  '发现{s}存在安全隐患的，请及时拨打12328举报，紧急情况请拨打110。',
  '{s}应当安装卫星定位装置并接入{p}市监控平台，企业落实动态监控主体责任。',
  '投诉时请提供车牌号码或船名、乘车时间、上下车地点和票据信息。',
  '重大节假日期间，七座以下小型客车通行收费公路免收车辆通行费。',
  '{p}市{d}在政务服务中心设有窗口，工作日上午九点至下午五点办公。',
  '{m}可以通过政务服务网、手机应用或者线下窗口办理。',
  '未取得许可擅自从事{s}经营的，由{d}责令停止经营并依法处罚。',
  '{s}票价实行政府指导价，调整时应当举行听证并向社会公布。',
  '遗失物品请联系{s}运营企业客服，或者到{p}市{d}失物招领处查询。',
  '{s}驾驶员应当持证上岗，文明服务，不得拒载、绕路、甩客。',
  '{p}市{s}{m}相关问题，可以登录{d}门户网站查看办事指南。',
  '船舶进出港口应当按规定报告，服从海事管理机构的交通管制。',
  '车货总重超过限值的认定为超限运输，应当卸载转运后方可放行。',
  '新能源车辆可以享受{p}市运营补贴，补贴标准为每车每年{n}百元。',
  '恶劣天气条件下，{s}可能临时停运或者调整班次，请关注{d}发布的公告。',
  '申请{m}的，申请人应当年满十八周岁，具有完全民事行为能力。',
  '老年人、残疾人和现役军人享受{s}优先服务和相应优待。',
  '{d}对{s}服务质量实行信用评价，评价结果向社会公开。',
  '证件遗失的，应当在{n}日内向原发证机关申请补办。',
];

let seed = 42;
/** Starts the generator over: every database of a run gets the same articles and queries. */
export const reseed = (): void => {
  seed = 42;
};
export const rnd = (n: number): number => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return Math.floor((seed / 2_147_483_648) * n);
};
export const pick = <T>(xs: readonly T[]): T => xs[rnd(xs.length)] as T;
// Skewed choice: the first items of a list come up far more often (common subjects, matters).
const pickSkewed = <T>(xs: readonly T[]): T => xs[Math.floor(xs.length * (rnd(1000) / 1000) ** 2)] as T;

export interface GeneratedArticle {
  key: string;
  title: string;
  body: string;
  domain: string;
  tags: string[];
}

export function generateArticle(i: number): GeneratedArticle {
  const [subject, domain] = pickSkewed(SUBJECTS);
  const matter = pickSkewed(MATTERS);
  const place = pick(PLACES);
  const kind = pick(KINDS);
  const fill = (t: string) =>
    t
      .replaceAll('{p}', place)
      .replaceAll('{s}', subject)
      .replaceAll('{m}', matter)
      .replaceAll('{d}', pick(DEPARTMENTS))
      .replaceAll('{n}', String(2 + rnd(28)));
  const sentences = Array.from({ length: 3 + rnd(7) }, () => fill(pick(SENTENCES)));
  const withPlace = rnd(3) > 0;
  return {
    key: `bench-${i}`,
    title: `${withPlace ? place : ''}${subject}${matter}${kind}`,
    body: sentences.join(''),
    domain,
    tags: [subject, matter, ...(rnd(2) ? [kind] : [])],
  };
}

/** What agents type during a call: two or three words, a phrase with question words, one word. */
export function generateQuery(): string {
  const [subject] = pick(SUBJECTS);
  const matter = pick(MATTERS);
  switch (rnd(6)) {
    case 0:
      return `${subject}${matter}`;
    case 1:
      return `怎么办理${matter}`;
    case 2:
      return `${pick(PLACES)}${subject}投诉`;
    case 3:
      return subject;
    case 4:
      return `${subject} ${matter.slice(0, 2)}`;
    default:
      return `${pick(PLACES)}${matter}`;
  }
}

/**
 * Who owns the articles: mostly national, then the chain of the bench's county (province, city,
 * county) and, so that scoping matters, other provinces and cities. A tenth of the articles below
 * the ministry override a national key.
 */
export const OWNERS = [
  ['MOT', 40],
  ['320000', 12],
  ['320100', 10],
  ['320102', 4],
  ['320200', 8],
  ['320500', 8],
  ['330000', 10],
  ['330100', 8],
] as const;

/** Loads the articles in one bulk-load transaction (words counted, index entries merged at its end). */
export async function loadArticles(db: Db, orgs: ReadonlyMap<string, number>, count: number) {
  await db.transaction().execute(async (trx) => {
    await beginBulkLoad(trx);
    await insertArticles(trx, orgs, count);
    await endBulkLoad(trx);
  });
}

async function insertArticles(db: Executor, orgs: ReadonlyMap<string, number>, count: number) {
  const now = new Date();
  const owners = OWNERS.flatMap(([code, weight]) => Array<string>(weight).fill(code));
  for (let start = 0; start < count; start += 1000) {
    const rows = [];
    for (let i = start; i < Math.min(count, start + 1000); i++) {
      const a = generateArticle(i);
      const owner = pick(owners);
      // An override reuses the key of an earlier (mostly national) article.
      const key = owner !== 'MOT' && i > 100 && rnd(10) === 0 ? `bench-${rnd(i)}` : a.key;
      const c = { title: a.title, body: a.body, domain: a.domain, categoryCode: null, tags: a.tags };
      const { search_vector, search_text } = searchColumns(c);
      rows.push(sql`(${key}, ${orgs.get(owner)}, 'published', 1, ${a.title}, ${a.body}, ${a.domain}, ${a.tags}::text[],
        ${search_vector}::tsvector, ${search_text}, ${now}, ${now}, ${now})`);
    }
    await sql`insert into kb_article (key, org_unit_id, status, current_version, title, body, domain, tags,
      search_vector, search_text, published_at, created_at, updated_at) values ${sql.join(rows)}
      on conflict (org_unit_id, key) do nothing`.execute(db);
  }
}
