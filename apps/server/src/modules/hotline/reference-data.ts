import type { CategoryField, HotlineReasonTable, HotlineTypeProfileTable } from './hotline.tables.ts';

/**
 * Business domains of JT/T 1019.4 (业务分类与编码). The standard's own code values are not
 * public; these two-digit domain codes and four-digit item codes are this instance's, versioned
 * so that a later mapping to the official table is a new version, not an edit.
 */
export const DOMAINS = [
  { code: '01', key: 'highway', name: '公路' },
  { code: '02', key: 'waterway', name: '水路' },
  { code: '03', key: 'roadTransport', name: '道路运输' },
  { code: '04', key: 'urbanPassenger', name: '城市客运' },
  { code: '05', key: 'maritime', name: '海事' },
  { code: '06', key: 'salvage', name: '救助打捞' },
  { code: '07', key: 'waterSearchRescue', name: '水上搜救' },
  { code: '08', key: 'other', name: '其他' },
] as const;

const plate = (required: boolean): CategoryField => ({
  key: 'plateNo',
  label: '车牌号码',
  type: 'plateNo',
  required,
});
const ship = (required: boolean): CategoryField => ({
  key: 'shipName',
  label: '船名',
  type: 'shipName',
  required,
});
const text = (key: string, label: string, required = false): CategoryField => ({
  key,
  label,
  type: 'text',
  required,
});

export interface SeedCategory {
  readonly code: string;
  readonly name: string;
  readonly fields: readonly CategoryField[];
}

export const SEED_CATEGORIES: readonly SeedCategory[] = [
  { code: '0101', name: '路况信息', fields: [text('roadName', '道路名称'), text('stakeNo', '桩号')] },
  { code: '0102', name: '公路收费', fields: [plate(true), text('tollStation', '收费站', true)] },
  { code: '0103', name: '路政管理', fields: [text('roadName', '道路名称', true), text('stakeNo', '桩号')] },
  {
    code: '0104',
    name: '公路养护与设施',
    fields: [text('roadName', '道路名称', true), text('stakeNo', '桩号')],
  },
  { code: '0201', name: '航道通航', fields: [text('waterway', '航道名称', true)] },
  { code: '0202', name: '港口服务', fields: [text('port', '港口名称', true)] },
  { code: '0203', name: '水路客运', fields: [ship(true), text('route', '航线')] },
  { code: '0301', name: '出租汽车', fields: [plate(true)] },
  {
    code: '0302',
    name: '网络预约出租汽车',
    fields: [plate(true), { key: 'platform', label: '网约车平台', type: 'text', required: false }],
  },
  { code: '0303', name: '道路客运', fields: [plate(false), text('busLine', '班线')] },
  { code: '0304', name: '道路货运', fields: [plate(true)] },
  { code: '0305', name: '驾驶员培训', fields: [text('school', '驾校名称', true)] },
  { code: '0306', name: '机动车维修', fields: [text('shop', '维修企业', true)] },
  {
    code: '0401',
    name: '城市公共汽电车',
    fields: [{ key: 'busLine', label: '公交线路', type: 'busLine', required: true }, plate(false)],
  },
  {
    code: '0402',
    name: '城市轨道交通',
    fields: [{ key: 'busLine', label: '线路', type: 'busLine', required: true }, text('station', '车站')],
  },
  { code: '0403', name: '互联网租赁自行车', fields: [text('operator', '运营企业')] },
  { code: '0501', name: '船舶污染', fields: [ship(false)] },
  { code: '0502', name: '船员服务', fields: [] },
  { code: '0503', name: '水上交通安全', fields: [ship(false)] },
  { code: '0601', name: '救助打捞', fields: [ship(false)] },
  { code: '0701', name: '水上遇险求助', fields: [ship(false), text('waters', '水域', true)] },
  { code: '0801', name: '其他交通运输事项', fields: [] },
];

/** 不予受理 grounds from published 12328/12345 rules, each with the agent's script and referral. */
export const SEED_NOT_ACCEPTED: readonly HotlineReasonTable[] = [
  {
    kind: 'notAccepted',
    code: 'outsideRemit',
    name: '不属于交通运输职责范围',
    script: '您反映的事项不属于交通运输部门职责范围，建议您向相关主管部门反映。',
    referral: '12345',
  },
  {
    kind: 'notAccepted',
    code: 'unclearRequest',
    name: '无明确诉求对象、事实或理由',
    script: '您反映的事项缺少明确的对象、事实或理由，请补充后再次来电。',
    referral: null,
  },
  {
    kind: 'notAccepted',
    code: 'inLegalProcess',
    name: '已进入诉讼、仲裁、行政复议或信访程序',
    script: '您反映的事项已进入法定程序，请按相应程序办理。',
    referral: null,
  },
  {
    kind: 'notAccepted',
    code: 'emergency',
    name: '紧急求助事项',
    script: '您反映的是紧急事项，请立即拨打110、119或120。',
    referral: '110',
  },
  {
    kind: 'notAccepted',
    code: 'railAviationPost',
    name: '铁路、民航、邮政事项',
    script: '铁路事项请拨打12306，民航事项请拨打12326，邮政快递事项请拨打12305。',
    referral: '12306',
  },
  {
    kind: 'notAccepted',
    code: 'harassment',
    name: '恶意骚扰或无实质内容',
    script: '本热线用于受理交通运输服务诉求，请勿占用热线资源。',
    referral: null,
  },
];

/** Reasons a handling unit gives when it sends a ticket back to the centre (退回). */
export const SEED_SEND_BACK: readonly HotlineReasonTable[] = [
  { kind: 'sendBack', code: 'notOurScope', name: '不属于本单位职责', script: '', referral: null },
  { kind: 'sendBack', code: 'wrongArea', name: '不属于本辖区', script: '', referral: null },
  { kind: 'sendBack', code: 'insufficientInfo', name: '工单信息不全，无法办理', script: '', referral: null },
  { kind: 'sendBack', code: 'duplicate', name: '重复工单', script: '', referral: null },
  { kind: 'sendBack', code: 'other', name: '其他原因', script: '', referral: null },
];

/**
 * Time limits per request type, in working days. The national values of 交运发〔2021〕89号 were
 * not available; these follow the published provincial examples (Shandong 12345: 15 working days,
 * one extension of 7; a municipal rule: inquiries within 3 working days).
 */
export const SEED_PROFILES: readonly HotlineTypeProfileTable[] = [
  {
    request_type: 'inquiry',
    sign_for_days: 1,
    handling_days: 2,
    reply_days: 3,
    extension_days: 3,
    max_extensions: 1,
    max_send_backs: 2,
    callback_permille: 100,
    callback_days: 1,
    archive_after_days: 15,
  },
  {
    request_type: 'complaint',
    sign_for_days: 1,
    handling_days: 10,
    reply_days: 15,
    extension_days: 7,
    max_extensions: 1,
    max_send_backs: 2,
    callback_permille: 1000,
    callback_days: 1,
    archive_after_days: 30,
  },
  {
    request_type: 'suggestion',
    sign_for_days: 1,
    handling_days: 10,
    reply_days: 15,
    extension_days: 7,
    max_extensions: 1,
    max_send_backs: 2,
    callback_permille: 300,
    callback_days: 1,
    archive_after_days: 30,
  },
  {
    request_type: 'helpRequest',
    sign_for_days: 1,
    handling_days: 2,
    reply_days: 3,
    extension_days: 2,
    max_extensions: 1,
    max_send_backs: 2,
    callback_permille: 300,
    callback_days: 1,
    archive_after_days: 15,
  },
];

/** The first version's validity starts on this date (the seed's, not a standard's). */
export const SEED_VALID_FROM = '2026-01-01';
