import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DB_KINDS } from '../../../test/databases.ts';
import { type Session, startTestApp, type TestApp } from '../../../test/harness.ts';
import { imoCheckDigitValid } from './vessel-registry.service.ts';

test('IMO check digit: 9074729 (the worked example of IMO res. A.1117(30)) and a wrong one', () => {
  // 9·7 + 0·6 + 7·5 + 4·4 + 7·3 + 2·2 = 139 → 9.
  assert.equal(imoCheckDigitValid(9074729), true);
  assert.equal(imoCheckDigitValid(9074728), false);
  assert.equal(imoCheckDigitValid(123456), false);
});

const CONTACTS = {
  owner: { name: '中远海运散货运输有限公司', phone: '+86 20 0000 0001', email: 'owner@example.cn' },
  operator: null,
  emergency: { name: '王船长', phone: '+86 138 0000 0002', email: null },
};

for (const kind of DB_KINDS) {
  describe(`vessel registry on ${kind}`, () => {
    let t: TestApp;
    let shDuty: Session;
    let zjDuty: Session;
    let shStaff: Session;
    let shOrg: number;
    let entryId: number;
    before(async () => {
      t = await startTestApp(kind);
      await t.createUser('sh.duty', '310000', ['sarDutyOfficer']);
      await t.createUser('zj.duty', '330000', ['sarDutyOfficer']);
      await t.createUser('sh.staff', '310000', ['staff']);
      shDuty = await t.login('sh.duty');
      zjDuty = await t.login('zj.duty');
      shStaff = await t.login('sh.staff');
      shOrg = await t.orgId('310000');
    });
    after(() => t.close());

    const contactReads = async () =>
      (
        await t.handle.db
          .selectFrom('audit_event')
          .select('object_id')
          .where('action', '=', 'maritime.registry.contacts.read')
          .execute()
      ).length;

    test('MMSI classification per ITU-R M.585', async () => {
      const info = async (mmsi: number) => (await t.as(shStaff, 'GET', `/api/maritime/mmsi/${mmsi}`)).json();
      assert.deepEqual(await info(412345678), {
        mmsi: 412345678,
        valid: true,
        kind: 'ship',
        mid: 412,
        flag: { mid: 412, code: 'CN', nameZh: '中国', nameEn: 'China' },
        problem: null,
      });
      const cases: [number, string, boolean, string | null][] = [
        [4123456, 'coastStation', true, null], // 004123456: 00 + MID 412
        [41234567, 'group', true, null], // 041234567: 0 + MID 412
        [111412001, 'sarAircraft', true, null],
        [970011234, 'sart', true, null],
        [970001234, 'sart', false, 'manufacturerId'],
        [972011234, 'mob', true, null],
        [974011234, 'epirb', true, null],
        [200000001, 'ship', false, 'unallocatedMid'],
        [100000000, 'unknown', false, 'unknownFormat'],
      ];
      for (const [mmsi, k, valid, problem] of cases) {
        const got = await info(mmsi);
        assert.deepEqual([got.kind, got.valid, got.problem], [k, valid, problem], String(mmsi));
      }
    });

    test('a duty officer registers a vessel with contacts; the flag defaults from the MID', async () => {
      const res = await t.as(shDuty, 'POST', '/api/maritime/registry', {
        mmsi: 413000001,
        imo: 9074729,
        callSign: 'BQAB',
        name: '东方海星',
        shipType: 70,
        orgUnitId: shOrg,
        contacts: CONTACTS,
      });
      assert.equal(res.statusCode, 200, res.body);
      const e = res.json();
      entryId = e.id;
      assert.equal(e.flag, 'CN');
      assert.equal(e.mmsiKind, 'ship');
      assert.equal(e.category, 'cargo');
      assert.equal(e.hasContacts, true);
      assert.equal(e.orgName, '上海市交通运输委员会');
      assert.ok(!res.body.includes('王船长'), 'a write answers without contacts');
    });

    test('invalid MMSI, wrong IMO check digit, a second entry for one MMSI, a foreign org unit', async () => {
      const post = (body: object) =>
        t.as(shDuty, 'POST', '/api/maritime/registry', { name: '测试', orgUnitId: shOrg, ...body });
      const bad = await post({ mmsi: 200000001 });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.json().error.message, /MID/);
      assert.equal((await post({ mmsi: 970001234 })).statusCode, 400);
      assert.equal((await post({ mmsi: 413000002, imo: 9074728 })).statusCode, 400);
      assert.equal((await post({ mmsi: 413000001 })).statusCode, 409);
      const foreign = await post({ mmsi: 413000003, orgUnitId: await t.orgId('330000') });
      assert.equal(foreign.statusCode, 403);
      assert.equal(foreign.json().error.code, 'out_of_jurisdiction');
      assert.equal(
        (
          await t.as(shStaff, 'POST', '/api/maritime/registry', {
            mmsi: 413000004,
            name: 'x',
            orgUnitId: shOrg,
          })
        ).statusCode,
        403,
      );
    });

    test('lists and plain reads never carry contacts', async () => {
      const list = await t.as(shStaff, 'GET', '/api/maritime/registry?q=东方');
      assert.equal(list.statusCode, 200);
      assert.equal(list.json().total, 1);
      const one = await t.as(shStaff, 'GET', `/api/maritime/registry/${entryId}`);
      assert.equal(one.statusCode, 200);
      for (const body of [list.body, one.body]) {
        assert.ok(!body.includes('王船长') && !body.includes('138 0000') && !body.includes('owner@'), body);
      }
      assert.equal((await t.as(shStaff, 'GET', '/api/maritime/registry?q=413000001')).json().total, 1);
      assert.equal((await t.as(shStaff, 'GET', '/api/maritime/registry?q=9074729')).json().total, 1);
      assert.equal((await t.as(shStaff, 'GET', '/api/maritime/registry?kind=sart')).json().total, 0);
    });

    test('contacts: refused without maritime.contacts.read; every read is audited', async () => {
      const before = await contactReads();
      assert.equal(
        (await t.as(shStaff, 'GET', `/api/maritime/registry/${entryId}/contacts`)).statusCode,
        403,
      );
      assert.equal(await contactReads(), before);
      for (let i = 1; i <= 2; i++) {
        const res = await t.as(shDuty, 'GET', `/api/maritime/registry/${entryId}/contacts`);
        assert.equal(res.statusCode, 200);
        assert.deepEqual(res.json().contacts, CONTACTS);
        assert.equal(await contactReads(), before + i);
      }
      const entry = await t.handle.db
        .selectFrom('audit_event')
        .selectAll()
        .where('action', '=', 'maritime.registry.contacts.read')
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();
      assert.equal(entry.actor_username, 'sh.duty');
      assert.equal(entry.object_id, String(entryId));
    });

    test('another province sees neither the entry nor its contacts, and cannot change it', async () => {
      assert.equal((await t.as(zjDuty, 'GET', `/api/maritime/registry/${entryId}`)).statusCode, 404);
      assert.equal((await t.as(zjDuty, 'GET', `/api/maritime/registry/${entryId}/contacts`)).statusCode, 404);
      assert.equal((await t.as(zjDuty, 'GET', '/api/maritime/registry')).json().total, 0);
      assert.equal(
        (await t.as(zjDuty, 'PATCH', `/api/maritime/registry/${entryId}`, { name: '越权' })).statusCode,
        404,
      );
      assert.equal((await t.as(zjDuty, 'DELETE', `/api/maritime/registry/${entryId}`)).statusCode, 404);
    });

    test('changes are audited without the contacts themselves', async () => {
      const res = await t.as(shDuty, 'PATCH', `/api/maritime/registry/${entryId}`, {
        name: '东方海星轮',
        contacts: { ...CONTACTS, emergency: { name: '李大副', phone: '+86 139 0000 0003', email: null } },
      });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().name, '东方海星轮');
      const audits = await t.handle.db
        .selectFrom('audit_event')
        .select(['action', 'before', 'after'])
        .where('object_type', '=', 'vessel_registry')
        .where('action', 'in', ['maritime.registry.create', 'maritime.registry.update'])
        .execute();
      assert.equal(audits.length, 2);
      const text = JSON.stringify(audits);
      assert.ok(!text.includes('李大副') && !text.includes('王船长') && !text.includes('+86'), text);
      assert.match(text, /"contactsChanged":true/);
      const contacts = await t.as(shDuty, 'GET', `/api/maritime/registry/${entryId}/contacts`);
      assert.equal(contacts.json().contacts.emergency.name, '李大副');
    });

    test('delete', async () => {
      assert.equal((await t.as(shDuty, 'DELETE', `/api/maritime/registry/${entryId}`)).statusCode, 200);
      assert.equal((await t.as(shDuty, 'GET', `/api/maritime/registry/${entryId}`)).statusCode, 404);
    });
  });
}
