import type { Session, TestApp } from '../../../test/harness.ts';

/** A small monthly form for tests: two numeric rows by mode of transport, with a total column. */
export const monthlyPassengerForm = (code = '测试统1表') => ({
  code,
  name: '道路水路旅客运输量（测试）',
  issuingAuthority: '交通运输部',
  approvingAuthority: '国家统计局',
  approvalNo: '国统制〔2026〕1号',
  validUntil: '2028-12-31',
  periodType: 'month',
  fillingLevels: ['county'],
  chainLevels: ['city', 'province', 'ministry'],
  requireChildrenApproved: true,
  fillOpenDays: 0,
  deadlineWorkingDays: 5,
  firstPeriod: '202601',
  layout: {
    rows: [
      {
        indicator: {
          code: 'passengers',
          name: '客运量',
          unit: '万人',
          valueType: 'number',
          decimals: 2,
          aggregation: 'sum',
          min: 0,
        },
      },
      {
        indicator: {
          code: 'trips',
          name: '班次',
          unit: '次',
          valueType: 'integer',
          decimals: 0,
          aggregation: 'sum',
        },
      },
    ],
    dimensions: [
      {
        code: 'mode',
        name: '按运输方式',
        options: [
          { code: 'road', name: '公路' },
          { code: 'water', name: '水路' },
        ],
      },
    ],
    total: true,
    subtotals: false,
  },
});

export interface StatsWorld {
  formId: number;
  admin: Session;
  /** 玄武区 filler and reviewer-with-fill (separation of duties probes). */
  xwFiller: Session;
  xwReviewer: Session;
  /** 鼓楼区, a sibling county. */
  glFiller: Session;
  njFiller: Session;
  njReviewer: Session;
  njReviewer2: Session;
  jsFiller: Session;
  jsReviewer: Session;
  motReviewer: Session;
  ids: { mot: number; js: number; nj: number; xw: number; gl: number };
}

/** A monthly form obliging every county from 2026, and the people of one chain county → ministry. */
export async function setUpStatsWorld(t: TestApp): Promise<StatsWorld> {
  await t.createUser('mot.admin', 'MOT', ['systemAdmin']);
  await t.createUser('xw.filler', '320102', ['staff']);
  await t.createUser('xw.reviewer', '320102', ['staff', 'statsReviewer']);
  await t.createUser('gl.filler', '320106', ['staff']);
  await t.createUser('nj.filler', '320100', ['staff']);
  await t.createUser('nj.reviewer', '320100', ['statsReviewer']);
  await t.createUser('nj.reviewer2', '320100', ['statsReviewer', 'staff']);
  await t.createUser('js.filler', '320000', ['staff']);
  await t.createUser('js.reviewer', '320000', ['statsReviewer']);
  await t.createUser('mot.reviewer', 'MOT', ['statsReviewer']);
  const admin = await t.login('mot.admin');
  const created = await t.as(admin, 'POST', '/api/stats/forms', monthlyPassengerForm());
  if (created.statusCode !== 201) throw new Error(`create form: ${created.body}`);
  const formId = created.json().id as number;
  const ids = {
    mot: await t.orgId('MOT'),
    js: await t.orgId('320000'),
    nj: await t.orgId('320100'),
    xw: await t.orgId('320102'),
    gl: await t.orgId('320106'),
  };
  const ob = await t.as(admin, 'POST', `/api/stats/forms/${formId}/obligations`, {
    orgUnitId: ids.mot,
    includeSubtree: true,
    validFrom: '2026-01-01',
    validTo: null,
  });
  if (ob.statusCode !== 201) throw new Error(`obligation: ${ob.body}`);
  return {
    formId,
    admin,
    xwFiller: await t.login('xw.filler'),
    xwReviewer: await t.login('xw.reviewer'),
    glFiller: await t.login('gl.filler'),
    njFiller: await t.login('nj.filler'),
    njReviewer: await t.login('nj.reviewer'),
    njReviewer2: await t.login('nj.reviewer2'),
    jsFiller: await t.login('js.filler'),
    jsReviewer: await t.login('js.reviewer'),
    motReviewer: await t.login('mot.reviewer'),
    ids,
  };
}

export const reportUrl = (w: StatsWorld, orgUnitId: number, period = '202610') =>
  `/api/stats/forms/${w.formId}/units/${orgUnitId}/periods/${period}`;
