// Two test instances linked by JT/T 809: the upper one accepts the lower one as the subordinate
// platform of 江苏 (320000), and the lower one forwards 江苏's vehicles to the upper one's port.
import assert from 'node:assert/strict';
import type { Session, TestApp } from './harness.ts';

export const JIANGSU_ACCESS = { gnssCenterId: 32000001, userId: 3200, password: 'js809pwd' };

export async function linkJiangsu(
  upper: { t: TestApp; root: Session },
  lower: { t: TestApp; root: Session },
  port: number,
  edition: '2011' | '2019',
): Promise<{ subordinateId: number; uplinkId: number }> {
  const sub = await upper.t.as(upper.root, 'POST', '/api/vehicles/platform-links', {
    name: '江苏省监管平台',
    direction: 'subordinate',
    orgUnitId: await upper.t.orgId('320000'),
    edition,
    ...JIANGSU_ACCESS,
  });
  assert.equal(sub.statusCode, 200, sub.body);
  const up = await lower.t.as(lower.root, 'POST', '/api/vehicles/platform-links', {
    name: '全国道路货运车辆公共监管平台',
    direction: 'superior',
    orgUnitId: await lower.t.orgId('320000'),
    host: '127.0.0.1',
    port,
    downLinkHost: '127.0.0.1',
    downLinkPort: 0,
    edition,
    ...JIANGSU_ACCESS,
  });
  assert.equal(up.statusCode, 200, up.body);
  return { subordinateId: sub.json().id, uplinkId: up.json().id };
}
