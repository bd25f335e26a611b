import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DB_KINDS } from '../../../test/databases.ts';
import { type Session, startTestApp, type TestApp } from '../../../test/harness.ts';
import { png1x1 } from '../../platform/files/sniff.fixtures.ts';
import { type HotlineWorld, hotlineWorld } from './hotline-test-kit.ts';

async function multipart(filename: string, bytes: Uint8Array) {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type: 'application/octet-stream' }), filename);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return {
    payload: Buffer.from(await request.arrayBuffer()),
    contentType: request.headers.get('content-type') ?? '',
  };
}

const form = (phone: string, extra: Record<string, unknown> = {}) => ({
  requestType: 'complaint',
  categoryCode: '0401',
  fields: { busLine: '游2路' },
  description: '公交车到站不停，乘客无法上车',
  regionCode: '320102',
  requesterName: '李四',
  requesterPhone: phone,
  locationText: '玄武门站',
  ...extra,
});

for (const kind of DB_KINDS) {
  describe(`hotline public pages and reference data on ${kind}`, () => {
    let t: TestApp;
    let w: HotlineWorld;
    let dir: string;
    let root: Session;
    before(async () => {
      dir = await mkdtemp(join(tmpdir(), 'jtgov-hotline-'));
      t = await startTestApp(kind, { JTGOV_FILES_DIR: dir });
      w = await hotlineWorld(t);
      await t.createUser('mot.admin', 'MOT', ['systemAdmin']);
      await t.createUser('nj.admin', '320100', ['systemAdmin']);
      root = await t.login('mot.admin');
    });
    after(async () => {
      await t.close();
      await rm(dir, { recursive: true, force: true });
    });

    const pub = (method: string, url: string, payload?: object, ip = '203.0.113.7') =>
      t.app.inject({ method: method as 'GET', url, remoteAddress: ip, ...(payload && { payload }) });

    test('the category table is public and versioned; only the root publishes a version', async () => {
      const list = (await pub('GET', '/api/hotline/categories')).json();
      const taxi = list.items.find((c: { code: string }) => c.code === '0301');
      assert.deepEqual([taxi.domainName, taxi.version, taxi.fields[0].key], ['道路运输', 1, 'plateNo']);
      const body = {
        code: '0301',
        domain: 'roadTransport',
        name: '巡游出租汽车',
        fields: [{ key: 'plateNo', label: '车牌号码', type: 'plateNo', required: true }],
        validFrom: '2026-11-28',
      };
      const nj = await t.login('nj.admin');
      assert.equal((await t.as(nj, 'POST', '/api/hotline/categories', body)).statusCode, 403);
      const v2 = await t.as(root, 'POST', '/api/hotline/categories', body);
      assert.equal(v2.statusCode, 201, v2.body);
      assert.equal(v2.json().version, 2);
      const today = (await pub('GET', '/api/hotline/categories?asOf=2026-11-27')).json();
      assert.equal(today.items.find((c: { code: string }) => c.code === '0301').name, '出租汽车');
      const later = (await pub('GET', '/api/hotline/categories?asOf=2026-12-01')).json();
      assert.equal(later.items.find((c: { code: string }) => c.code === '0301').name, '巡游出租汽车');
      const reasons = (await t.as(w.agent, 'GET', '/api/hotline/reasons')).json();
      const emergency = reasons.items.find((r: { code: string }) => r.code === 'emergency');
      assert.match(emergency.script, /110/);
    });

    test('the upload limits the public form shows are the ones the server applies', async () => {
      const limits = await t.app.inject({ method: 'GET', url: '/api/hotline/public/attachments/limits' });
      assert.equal(limits.statusCode, 200, limits.body);
      const l = limits.json();
      assert.equal(l.maxBytes, t.app.platform.config.files.maxBytes);
      assert.equal(l.maxFiles, 5);
      const pdf = l.types.find((x: { mime: string }) => x.mime === 'application/pdf');
      assert.deepEqual(pdf?.extensions, ['pdf']);
      const { payload, contentType } = await multipart(
        'notes.exe',
        Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03]),
      );
      const refused = await t.app.inject({
        method: 'POST',
        url: '/api/hotline/public/attachments',
        payload,
        headers: { 'content-type': contentType },
        remoteAddress: '203.0.113.8',
      });
      assert.equal(refused.statusCode, 415, 'a type not in the list is refused');
    });

    test('web form with an attachment; lookup by number and code shows only the citizen timeline', async () => {
      const { payload, contentType } = await multipart('photo.png', png1x1());
      const up = await t.app.inject({
        method: 'POST',
        url: '/api/hotline/public/attachments',
        payload,
        headers: { 'content-type': contentType },
        remoteAddress: '203.0.113.7',
      });
      assert.equal(up.statusCode, 201, up.body);
      const bad = await pub(
        'POST',
        '/api/hotline/public/tickets',
        form('13700000001', { attachments: [{ id: up.json().id, token: 'wrong' }] }),
      );
      assert.equal(bad.statusCode, 400);
      const res = await pub(
        'POST',
        '/api/hotline/public/tickets',
        form('13700000001', { attachments: [{ id: up.json().id, token: up.json().token }] }),
      );
      assert.equal(res.statusCode, 201, res.body);
      const { ticketNo, queryCode } = res.json();
      const staff = (await t.as(w.agent, 'GET', `/api/hotline/tickets/by-no/${ticketNo}`)).json();
      assert.deepEqual(
        [staff.ticket.channel, staff.ticket.centreOrgId, staff.ticket.regionOrgId],
        ['web', w.ids.nj, w.ids.xw],
      );
      assert.equal(staff.attachments[0].mime, 'image/png');
      const id = staff.ticket.id;
      await t.as(w.agent, 'POST', `/api/hotline/tickets/${id}/notes`, {
        body: '内部备注：该线路司机屡次被投诉',
      });
      await t.as(w.agent, 'POST', `/api/hotline/tickets/${id}/dispatch`, { handlingOrgId: w.ids.xw });
      await t.as(w.xwHandler, 'POST', `/api/hotline/tickets/${id}/sign-for`);
      await t.as(w.xwHandler, 'POST', `/api/hotline/tickets/${id}/reply`, {
        facts: '经查属实',
        handling: '已责令公交公司整改',
        legalBasis: '《城市公共汽车和电车客运管理规定》',
      });
      await t.as(w.supervisor, 'POST', `/api/hotline/tickets/${id}/review`, { approve: true });
      const wrong = await pub(
        'GET',
        `/api/hotline/public/tickets/${ticketNo}?code=${queryCode === '000000' ? '000001' : '000000'}`,
      );
      assert.equal(wrong.statusCode, 404);
      const view = await pub('GET', `/api/hotline/public/tickets/${ticketNo}?code=${queryCode}`);
      assert.equal(view.statusCode, 200, view.body);
      const v = view.json();
      assert.deepEqual(
        v.timeline.map((e: { status: string }) => e.status),
        ['已受理', '转办中', '办理中', '已办结'],
      );
      assert.equal(v.reply.handling, '已责令公交公司整改');
      for (const secret of ['13700000001', '李四', '内部备注', 'nj.agent', 'xw.handler', '玄武区交通运输局'])
        assert.ok(!view.body.includes(secret), `the public view leaks ${secret}`);
    });

    test('captcha-free limits: per phone number and per address, per hour', async () => {
      for (let i = 0; i < 5; i += 1)
        assert.equal(
          (await pub('POST', '/api/hotline/public/tickets', form('13700000002'), `198.51.100.${i}`))
            .statusCode,
          201,
        );
      const sixth = await pub('POST', '/api/hotline/public/tickets', form('13700000002'), '198.51.100.99');
      assert.equal(sixth.statusCode, 429);
      for (let i = 0; i < 10; i += 1)
        await pub('POST', '/api/hotline/public/tickets', form(`1370000010${i}`), '192.0.2.1');
      const eleventh = await pub('POST', '/api/hotline/public/tickets', form('13700000200'), '192.0.2.1');
      assert.equal(eleventh.statusCode, 429);
      t.clock.advance(3_600_001);
      assert.equal(
        (await pub('POST', '/api/hotline/public/tickets', form('13700000002'), '192.0.2.1')).statusCode,
        201,
      );
    });
  });
}
