import type { Static } from 'typebox';
import type { CreateFormBody } from './forms.schemas.ts';
import { highwayMileageLayout } from './test-fixtures.ts';

type FormBody = Static<typeof CreateFormBody>;

const header = {
  issuingAuthority: '交通运输部',
  approvingAuthority: '国家统计局',
  approvalNo: '国统制〔2024〕示例号',
  validUntil: '2027-12-31',
  fillingLevels: ['county' as const],
  chainLevels: ['city' as const, 'province' as const, 'ministry' as const],
  requireChildrenApproved: true,
  fillOpenDays: 0,
};

/** 公路里程 by 行政等级 × 技术等级 × 路面类型, yearly (shaped after 交行统1-1表). */
export const highwayMileageForm: FormBody = {
  ...header,
  code: '交行统1-1表',
  name: '公路里程',
  periodType: 'year',
  deadlineWorkingDays: 40,
  firstPeriod: '2024',
  layout: highwayMileageLayout as FormBody['layout'],
};

const scopes = [
  { code: 'intra', name: '市内' },
  { code: 'inter', name: '跨市' },
  { code: 'interprov', name: '跨省' },
];

/** Monthly road passenger and freight volume; the transport month runs from the 26th to the 25th. */
export const roadTransportForm: FormBody = {
  ...header,
  code: '交行统2-1表',
  name: '道路旅客和货物运输量（月报）',
  periodType: 'monthE25',
  deadlineWorkingDays: 5,
  firstPeriod: '202401E25',
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
          code: 'passengerKm',
          name: '旅客周转量',
          unit: '万人公里',
          valueType: 'number',
          decimals: 2,
          aggregation: 'sum',
          min: 0,
        },
      },
      {
        indicator: {
          code: 'freight',
          name: '货运量',
          unit: '万吨',
          valueType: 'number',
          decimals: 2,
          aggregation: 'sum',
          min: 0,
        },
      },
      {
        indicator: {
          code: 'freightKm',
          name: '货物周转量',
          unit: '万吨公里',
          valueType: 'number',
          decimals: 2,
          aggregation: 'sum',
          min: 0,
        },
      },
    ],
    dimensions: [{ code: 'scope', name: '按运距范围', options: scopes }],
    total: true,
    subtotals: false,
  },
};

const sources = [
  { code: 'central', name: '中央投资' },
  { code: 'local', name: '地方财政' },
  { code: 'loan', name: '国内贷款' },
  { code: 'own', name: '企业自筹及其他' },
];
const wan = (code: string, name: string) => ({
  indicator: {
    code,
    name,
    unit: '万元',
    valueType: 'number' as const,
    decimals: 0,
    aggregation: 'sum' as const,
    min: 0,
  },
  indent: 1,
});

/** Transport fixed-asset investment completed, monthly, by sector × source of funds. */
export const investmentForm: FormBody = {
  ...header,
  code: '交行统5-1表',
  name: '交通固定资产投资完成额（月报）',
  periodType: 'month',
  deadlineWorkingDays: 7,
  firstPeriod: '202401',
  layout: {
    rows: [
      { ...wan('total', '投资完成额合计'), indent: 0, sumOf: ['highway', 'waterway', 'hub', 'other'] },
      wan('highway', '公路建设'),
      wan('waterway', '水运建设'),
      wan('hub', '综合交通枢纽'),
      wan('other', '其他'),
    ],
    dimensions: [{ code: 'source', name: '按资金来源', options: sources }],
    total: true,
    subtotals: false,
  },
};

export const DEMO_FORMS: readonly FormBody[] = [highwayMileageForm, roadTransportForm, investmentForm];
