import type { Session, TestApp } from '../../../test/harness.ts';

/** Users of a small hotline network: 南京 centre (320100), 玄武/鼓楼 counties, 苏州, 浙江. */
export interface HotlineWorld {
  agent: Session;
  supervisor: Session;
  xwHandler: Session;
  glHandler: Session;
  szAgent: Session;
  provinceSupervisor: Session;
  ids: { nj: number; xw: number; gl: number; sz: number; js: number; hz: number; zj: number };
}

export async function hotlineWorld(t: TestApp): Promise<HotlineWorld> {
  await t.createUser('nj.agent', '320100', ['hotlineAgent']);
  await t.createUser('nj.supervisor', '320100', ['hotlineSupervisor']);
  await t.createUser('xw.handler', '320102', ['hotlineHandler']);
  await t.createUser('gl.handler', '320106', ['hotlineHandler']);
  await t.createUser('sz.agent', '320500', ['hotlineAgent', 'hotlineSupervisor']);
  await t.createUser('js.supervisor', '320000', ['hotlineSupervisor']);
  return relogin(t);
}

/** Fresh sessions for the world's users (after a test moves the clock past the idle timeout). */
export async function relogin(t: TestApp): Promise<HotlineWorld> {
  return {
    agent: await t.login('nj.agent'),
    supervisor: await t.login('nj.supervisor'),
    xwHandler: await t.login('xw.handler'),
    glHandler: await t.login('gl.handler'),
    szAgent: await t.login('sz.agent'),
    provinceSupervisor: await t.login('js.supervisor'),
    ids: {
      nj: await t.orgId('320100'),
      xw: await t.orgId('320102'),
      gl: await t.orgId('320106'),
      sz: await t.orgId('320500'),
      js: await t.orgId('320000'),
      hz: await t.orgId('330100'),
      zj: await t.orgId('330000'),
    },
  };
}

/** A complaint about a taxi in 玄武区, as an agent enters it. */
export const taxiComplaint = (xw: number, extra: Record<string, unknown> = {}) => ({
  requestType: 'complaint',
  categoryCode: '0301',
  fields: { plateNo: '苏A·T1234' },
  description: '出租车司机拒载，要求按表计价被拒绝',
  locationText: '南京市玄武区中山路',
  lat: 32.05,
  lon: 118.78,
  regionOrgId: xw,
  requesterName: '张三',
  requesterPhone: '13812345678',
  ...extra,
});
