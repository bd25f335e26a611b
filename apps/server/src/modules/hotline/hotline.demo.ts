import { SYSTEM_CONTEXT } from '../../platform/audit/audit.service.ts';
import type { Executor } from '../../platform/db/database.ts';
import { PERMISSIONS } from '../../platform/identity/permissions.ts';
import type { SecretBox } from '../../platform/identity/secrets.ts';
import { findOrgUnitByCode } from '../../platform/orgs/orgs.repository.ts';
import { callbacksOfRound } from './callbacks.repository.ts';
import { recordCallback } from './callbacks.service.ts';
import { replyTicket, reviewTicket } from './closure.service.ts';
import { requestExtension } from './deadlines.service.ts';
import { type Ctx, dispatchTicket, sendBackTicket, signForTicket } from './dispatch.service.ts';
import type { RequestType } from './hotline.tables.ts';
import { articleInForceByKey } from './kb-search.service.ts';
import { insertRule } from './routing.repository.ts';
import { createTicket, type HotlineDeps, hotlineCalendar } from './tickets.service.ts';

/** Demo calls: what citizens of 南京 and 苏州 typically ring 12328 about. */
const SAMPLES: readonly {
  type: RequestType;
  code: string;
  fields: Record<string, string>;
  text: string;
}[] = [
  { type: 'complaint', code: '0301', fields: { plateNo: '苏A8T301' }, text: '出租车司机拒载，称不顺路' },
  { type: 'complaint', code: '0301', fields: { plateNo: '苏AD2346' }, text: '出租车绕路多收费约二十元' },
  { type: 'complaint', code: '0302', fields: { plateNo: '苏A5K772' }, text: '网约车实际车辆与平台登记不符' },
  { type: 'complaint', code: '0401', fields: { busLine: '游2路' }, text: '公交车到站不停，乘客无法上车' },
  { type: 'inquiry', code: '0402', fields: { busLine: '地铁2号线' }, text: '地铁2号线首末班车时间咨询' },
  {
    type: 'inquiry',
    code: '0102',
    fields: { plateNo: '苏E1M233', tollStation: '苏州东' },
    text: 'ETC扣费异常咨询',
  },
  {
    type: 'suggestion',
    code: '0104',
    fields: { roadName: 'G312', stakeNo: 'K1203' },
    text: '建议在该路段增设减速标志',
  },
  { type: 'helpRequest', code: '0701', fields: { waters: '长江南京段' }, text: '渔船发动机故障请求救助' },
  { type: 'complaint', code: '0303', fields: { busLine: '南京—盐城' }, text: '长途客车超员，车内拥挤' },
  { type: 'inquiry', code: '0305', fields: { school: '某驾驶培训学校' }, text: '驾校退费政策咨询' },
];

const ROUND = ['320102', '320104', '320105', '320106'] as const;

/**
 * A few hundred tickets of 南京 and 苏州 in every stage, from 30 days ago to now, plus routing
 * rules. Idempotent: each demo ticket has an external id, and a second run adds nothing.
 */
export async function seedDemoTickets(
  trx: Executor,
  now: Date,
  secretBox: SecretBox,
  count = 300,
): Promise<number> {
  const nj = await findOrgUnitByCode(trx, '320100');
  const sz = await findOrgUnitByCode(trx, '320500');
  if (!nj || !sz) return 0;
  const counties = await Promise.all(ROUND.map((c) => findOrgUnitByCode(trx, c)));
  const calendar = await hotlineCalendar(trx, now.getTime());
  const existingRules = await trx
    .selectFrom('hotline_routing_rule')
    .select('id')
    .where('owner_org_id', '=', nj.id)
    .executeTakeFirst();
  if (!existingRules) {
    await insertRule(trx, {
      owner_org_id: nj.id,
      category_prefix: '04',
      handling_org_id: nj.id,
      created_at: now,
    });
    await insertRule(trx, {
      owner_org_id: nj.id,
      category_prefix: '07',
      handling_org_id: nj.id,
      created_at: now,
    });
  }
  let added = 0;
  const all = new Set(PERMISSIONS);
  for (let i = 0; i < count; i += 1) {
    const sample = SAMPLES[i % SAMPLES.length] as (typeof SAMPLES)[number];
    const centre = i % 5 === 4 ? sz : nj;
    const county = centre === nj ? counties[i % counties.length] : undefined;
    const at = new Date(now.getTime() - (count - i) * 2.4 * 3_600_000);
    const deps: HotlineDeps = { secretBox, calendar, now: at };
    const ctxFor = (orgPath: string, t: Date = at): Ctx => ({
      audit: SYSTEM_CONTEXT,
      actor: { userId: null, username: 'demo', orgPath, permissions: all },
      now: t,
    });
    const stage = i % 10;
    const disposition =
      stage === 0 && sample.type === 'inquiry' ? 'instantAnswer' : stage === 1 ? 'notAccept' : 'accept';
    const created = await createTicket(trx, ctxFor(centre.path), deps, {
      channel: (['phone', 'phone', 'web', 'wechat', 'app', 'sms'] as const)[i % 6] ?? 'phone',
      externalId: `demo-${i}`,
      requestType: sample.type,
      categoryCode: sample.code,
      fields: sample.fields,
      description: `${sample.text}（演示工单 ${i + 1}）`,
      regionOrgId: county?.id ?? centre.id,
      requesterName: `${['张', '王', '李', '赵', '陈'][i % 5]}先生`,
      requesterPhone: `139${String(10_000_000 + i).padStart(8, '0')}`,
      centreOrgId: centre.id,
      disposition,
      ...(disposition === 'notAccept' && { notAcceptedReason: 'outsideRemit' }),
      ...(disposition === 'instantAnswer' && {
        kbArticleId: (await articleInForceByKey(trx, centre.path, 'ridehail-driver-licence', at)) ?? 0,
        answerText: '已按知识库答复',
      }),
    });
    if (!created.created) continue;
    added += 1;
    if (disposition !== 'accept' || stage === 2) continue;
    const id = created.ticket.id;
    const unit = county ?? centre;
    const step = (h: number) => new Date(at.getTime() + h * 3_600_000);
    const unitDeps = (h: number): HotlineDeps => ({ ...deps, now: step(h) });
    await dispatchTicket(trx, ctxFor(centre.path, step(1)), unitDeps(1), id, { handlingOrgId: unit.id });
    if (stage === 3) continue;
    if (stage === 4) {
      await sendBackTicket(trx, ctxFor(unit.path, step(2)), unitDeps(2), id, { reasonCode: 'wrongArea' });
      continue;
    }
    await signForTicket(trx, ctxFor(unit.path, step(3)), unitDeps(3), id);
    if (stage === 5) {
      if (i % 20 === 5)
        await requestExtension(trx, ctxFor(unit.path, step(4)), unitDeps(4), id, {
          days: 2,
          reason: '需调取监控录像核实',
          legalBasis: '《交通运输服务监督热线管理办法》',
        });
      continue;
    }
    await replyTicket(trx, ctxFor(unit.path, step(20)), unitDeps(20), id, {
      facts: '经调查核实，反映情况基本属实。',
      handling: '已约谈当事企业并责令整改，整改情况已回复来电人。',
      legalBasis: '《道路运输条例》及相关规定',
    });
    if (stage === 6) continue;
    await reviewTicket(trx, ctxFor(centre.path, step(24)), unitDeps(24), id, { approve: true });
    if (stage === 7) continue;
    for (const cb of await callbacksOfRound(trx, id, 1)) {
      await recordCallback(trx, ctxFor(centre.path, step(30)), unitDeps(30), cb.id, {
        satisfaction: stage === 9 ? 'dissatisfied' : i % 3 === 0 ? 'basicallySatisfied' : 'satisfied',
      });
    }
  }
  return added;
}
