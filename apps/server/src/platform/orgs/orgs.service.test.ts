import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DB_KINDS } from '../../../test/databases.ts';
import { type Session, startTestApp, type TestApp } from '../../../test/harness.ts';

interface Child {
  id: number;
  code: string;
  name: string;
  childCount: number;
}

for (const kind of DB_KINDS) {
  describe(`org changes on ${kind}`, () => {
    let t: TestApp;
    let jsAdmin: Session;
    let njAdmin: Session;
    const id: Record<string, number> = {};

    const post = (session: Session, url: string, body: unknown) => t.as(session, 'POST', `/api${url}`, body);
    const children = async (session: Session, unit: number, asOf?: string) => {
      const res = await t.as(
        session,
        'GET',
        `/api/orgs/${unit}/children?pageSize=200${asOf ? `&asOf=${asOf}` : ''}`,
      );
      assert.equal(res.statusCode, 200, res.body);
      return res.json().items as Child[];
    };
    /** The one audit event of this action on this unit. */
    const auditOf = async (action: string, objectId: number) => {
      const rows = await t.handle.db
        .selectFrom('audit_event')
        .selectAll()
        .where('action', '=', action)
        .where('object_id', '=', String(objectId))
        .execute();
      assert.equal(rows.length, 1, `${action} ${objectId}`);
      return rows[0] as (typeof rows)[number];
    };

    before(async () => {
      t = await startTestApp(kind);
      for (const code of ['320000', '320100', '320102', '320104', '320105', '320106', '320111', '320500'])
        id[code] = await t.orgId(code);
      await t.createUser('js.admin', '320000', ['orgAdmin']);
      await t.createUser('nj.admin', '320100', ['orgAdmin']);
      jsAdmin = await t.login('js.admin');
      njAdmin = await t.login('nj.admin');
    });
    after(() => t.close());

    test('create: a department at its parent level and region, an authority one level down, codes unique', async () => {
      const dept = await post(njAdmin, '/orgs', {
        parentId: id['320100'],
        name: '南京市公路事业发展中心',
        code: 'NJ-ROAD',
        kind: 'department',
        effectiveDate: '2026-01-05',
      });
      assert.equal(dept.statusCode, 201, dept.body);
      const created = dept.json();
      assert.equal(created.level, 'city');
      assert.equal(created.regionCode, '320100');
      assert.equal(created.path, `/1/${id['320000']}/${id['320100']}/${created.id}/`);
      assert.equal(created.validFrom, '2026-01-05');
      const audit = await auditOf('org.create', created.id);
      assert.equal(audit.org_path, created.path);
      assert.equal((audit.after as { code: string }).code, 'NJ-ROAD');

      const authority = await post(njAdmin, '/orgs', {
        parentId: id['320100'],
        name: '江北新区交通运输局',
        code: 'NJ-JIANGBEI',
        kind: 'authority',
        effectiveDate: '2026-01-05',
      });
      assert.equal(authority.statusCode, 201);
      assert.equal(authority.json().level, 'county');
      assert.equal(authority.json().regionCode, null);

      const taken = await post(njAdmin, '/orgs', {
        parentId: id['320100'],
        name: '重复',
        code: '320102',
        kind: 'department',
        effectiveDate: '2026-01-05',
      });
      assert.equal(taken.statusCode, 409);
      const belowCounty = await post(njAdmin, '/orgs', {
        parentId: id['320102'],
        name: '玄武区某局',
        code: 'XW-AUTH',
        kind: 'authority',
        effectiveDate: '2026-01-05',
      });
      assert.equal(belowCounty.statusCode, 400);
      const future = await post(njAdmin, '/orgs', {
        parentId: id['320100'],
        name: '未来中心',
        code: 'NJ-FUTURE',
        kind: 'department',
        effectiveDate: '2026-11-28',
      });
      assert.equal(future.statusCode, 400);
      const today = await post(njAdmin, '/orgs', {
        parentId: id['320100'],
        name: '今日中心',
        code: 'NJ-TODAY',
        kind: 'department',
        effectiveDate: '2026-11-27',
      });
      assert.equal(today.statusCode, 201);
      const badDate = await post(njAdmin, '/orgs', {
        parentId: id['320100'],
        name: '坏日期中心',
        code: 'NJ-BAD',
        kind: 'department',
        effectiveDate: '2026-02-30',
      });
      assert.equal(badDate.statusCode, 400);
      assert.equal(badDate.json().error.code, 'validation_failed');
    });

    test('rename: asOf the day before shows the old name, from the day on the new one', async () => {
      const res = await post(njAdmin, `/orgs/${id['320106']}/rename`, {
        name: '鼓楼区交通局',
        effectiveDate: '2026-04-01',
      });
      assert.equal(res.statusCode, 200, res.body);
      const nameOn = async (day: string) =>
        (await children(njAdmin, id['320100'] as number, day)).find((c) => c.id === id['320106'])?.name;
      assert.equal(await nameOn('2026-03-31'), '鼓楼区交通运输局');
      assert.equal(await nameOn('2026-04-01'), '鼓楼区交通局');
      assert.equal(await nameOn('2026-11-27'), '鼓楼区交通局');
      const history = await t.as(njAdmin, 'GET', `/api/orgs/${id['320106']}/history`);
      const entries = history.json().items;
      assert.deepEqual(
        entries.map((e: { name: string; change: string; validFrom: string; validTo: string | null }) => [
          e.name,
          e.change,
          e.validFrom,
          e.validTo,
        ]),
        [
          ['鼓楼区交通局', 'rename', '2026-04-01', null],
          ['鼓楼区交通运输局', 'create', '1970-01-01', '2026-04-01'],
        ],
      );
      assert.equal(entries[0].parentName, '南京市交通运输局');
      const audit = await auditOf('org.rename', id['320106'] as number);
      assert.equal((audit.before as { name: string }).name, '鼓楼区交通运输局');
      assert.equal((audit.after as { name: string }).name, '鼓楼区交通局');

      const earlier = await post(njAdmin, `/orgs/${id['320106']}/rename`, {
        name: '鼓楼区运输局',
        effectiveDate: '2026-03-31',
      });
      assert.equal(earlier.statusCode, 400);
      const same = await post(njAdmin, `/orgs/${id['320106']}/rename`, {
        name: '鼓楼区交通局',
        effectiveDate: '2026-05-01',
      });
      assert.equal(same.statusCode, 400);
      const future = await post(njAdmin, `/orgs/${id['320106']}/rename`, {
        name: '鼓楼区运输局',
        effectiveDate: '2027-01-01',
      });
      assert.equal(future.statusCode, 400);
    });

    test('merge moves children, users and paths; history keeps the old tree', async () => {
      const xw = id['320102'] as number;
      const qh = id['320104'] as number;
      const office = await post(njAdmin, '/orgs', {
        parentId: xw,
        name: '玄武区运输管理所',
        code: 'XW-TRANSPORT',
        kind: 'department',
        effectiveDate: '2026-01-01',
      });
      const section = await post(njAdmin, '/orgs', {
        parentId: office.json().id,
        name: '玄武区运输管理所客运科',
        code: 'XW-TRANSPORT-PAX',
        kind: 'department',
        effectiveDate: '2026-01-01',
      });
      const officeId = office.json().id as number;
      const sectionId = section.json().id as number;
      const xwUser = await t.createUser('xw.clerk', '320102', ['staff']);
      const xwClerk = await t.login('xw.clerk');

      const res = await post(njAdmin, `/orgs/${xw}/merge`, { targetId: qh, effectiveDate: '2026-06-01' });
      assert.equal(res.statusCode, 200, res.body);
      const merged = res.json();
      assert.equal(merged.status, 'merged');
      assert.equal(merged.mergedIntoId, qh);
      assert.equal(merged.parentId, qh);
      assert.equal(merged.validTo, '2026-06-01');

      const qhPath = `/1/${id['320000']}/${id['320100']}/${qh}/`;
      const units = await t.handle.db
        .selectFrom('org_unit')
        .select(['id', 'parent_id', 'path'])
        .where('id', 'in', [xw, officeId, sectionId])
        .execute();
      const byId = new Map(units.map((u) => [u.id, u]));
      assert.equal(byId.get(xw)?.path, `${qhPath}${xw}/`);
      assert.equal(byId.get(officeId)?.parent_id, qh);
      assert.equal(byId.get(officeId)?.path, `${qhPath}${officeId}/`);
      assert.equal(byId.get(sectionId)?.path, `${qhPath}${officeId}/${sectionId}/`);

      const codes = (items: Child[]) => items.map((c) => c.code);
      assert.deepEqual(codes(await children(njAdmin, qh)), ['XW-TRANSPORT']);
      assert.deepEqual(codes(await children(njAdmin, qh, '2026-06-01')), ['XW-TRANSPORT']);
      assert.deepEqual(codes(await children(njAdmin, qh, '2026-05-31')), []);
      assert.deepEqual(codes(await children(njAdmin, xw, '2026-05-31')), ['XW-TRANSPORT']);
      assert.deepEqual(codes(await children(njAdmin, xw, '2026-06-01')), []);
      assert.deepEqual(codes(await children(njAdmin, officeId, '2026-06-01')), ['XW-TRANSPORT-PAX']);
      const nj = id['320100'] as number;
      assert.ok(codes(await children(njAdmin, nj, '2026-05-31')).includes('320102'));
      assert.ok(!codes(await children(njAdmin, nj, '2026-06-01')).includes('320102'));
      assert.ok(!codes(await children(njAdmin, nj)).includes('320102'));
      const sectionHistory = await t.as(njAdmin, 'GET', `/api/orgs/${sectionId}/history`);
      assert.deepEqual(
        sectionHistory.json().items.map((e: { change: string; path: string }) => [e.change, e.path]),
        [
          ['move', `${qhPath}${officeId}/${sectionId}/`],
          ['create', `/1/${id['320000']}/${nj}/${xw}/${officeId}/${sectionId}/`],
        ],
      );

      const user = await t.handle.db
        .selectFrom('app_user')
        .select('org_unit_id')
        .where('id', '=', xwUser)
        .executeTakeFirstOrThrow();
      assert.equal(user.org_unit_id, qh);
      const stale = await t.as(xwClerk, 'GET', '/api/orgs/root');
      assert.equal(stale.statusCode, 401);
      const fresh = await t.login('xw.clerk');
      assert.equal((await t.as(fresh, 'GET', '/api/orgs/root')).json().id, qh);
      // The target's jurisdiction holds the merged unit and its records.
      assert.equal((await t.as(fresh, 'GET', `/api/orgs/${xw}`)).statusCode, 200);

      const audit = await auditOf('org.merge', xw);
      assert.equal(audit.org_path, `${qhPath}${xw}/`);
      assert.equal((audit.before as { status: string }).status, 'active');
      const after = audit.after as { status: string; movedChildIds: number[]; movedUserIds: number[] };
      assert.equal(after.status, 'merged');
      assert.deepEqual(after.movedChildIds, [officeId]);
      assert.deepEqual(after.movedUserIds, [xwUser]);
    });

    test('merge rules: not into itself, a descendant, a lower level, a closed unit, nor back in time', async () => {
      const merge = (source: string, target: number, effectiveDate = '2026-07-01') =>
        post(jsAdmin, `/orgs/${id[source]}/merge`, { targetId: target, effectiveDate });
      assert.equal((await merge('320105', id['320105'] as number)).statusCode, 400);
      assert.equal((await merge('320100', id['320111'] as number)).statusCode, 400);
      assert.equal((await merge('320500', id['320111'] as number)).statusCode, 400);
      assert.equal((await merge('320000', id['320100'] as number)).statusCode, 403);
      // 鼓楼 was renamed on 2026-04-01: a change cannot take effect before that.
      assert.equal((await merge('320106', id['320105'] as number, '2026-03-31')).statusCode, 400);
      const merged = await post(jsAdmin, `/orgs/${id['320102']}/rename`, {
        name: '已合并',
        effectiveDate: '2026-07-01',
      });
      assert.equal(merged.statusCode, 409);
      const into = await post(jsAdmin, `/orgs/${id['320105']}/merge`, {
        targetId: id['320102'],
        effectiveDate: '2026-07-01',
      });
      assert.equal(into.statusCode, 409);
      const ok = await merge('320106', id['320105'] as number, '2026-04-01');
      assert.equal(ok.statusCode, 200, ok.body);
    });

    test('close: refused with active children or users, then the unit ends on the day', async () => {
      const withChildren = await post(jsAdmin, `/orgs/${id['320100']}/close`, {
        effectiveDate: '2026-08-01',
      });
      assert.equal(withChildren.statusCode, 409);
      const pk = id['320111'] as number;
      await t.createUser('pk.clerk', '320111', ['staff']);
      const withUsers = await post(njAdmin, `/orgs/${pk}/close`, { effectiveDate: '2026-08-01' });
      assert.equal(withUsers.statusCode, 409);
      await t.handle.db
        .updateTable('app_user')
        .set({ status: 'disabled' })
        .where('username', '=', 'pk.clerk')
        .execute();

      const res = await post(njAdmin, `/orgs/${pk}/close`, { effectiveDate: '2026-08-01' });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().status, 'closed');
      assert.equal(res.json().validTo, '2026-08-01');
      const nj = id['320100'] as number;
      const codes = async (asOf?: string) => (await children(njAdmin, nj, asOf)).map((c) => c.code);
      assert.ok(!(await codes()).includes('320111'));
      assert.ok((await codes('2026-07-31')).includes('320111'));
      assert.ok(!(await codes('2026-08-01')).includes('320111'));
      const again = await post(njAdmin, `/orgs/${pk}/close`, { effectiveDate: '2026-08-02' });
      assert.equal(again.statusCode, 409);
      const search = await t.as(njAdmin, 'GET', `/api/orgs?q=320111`);
      assert.equal(search.json().items[0].status, 'closed');
      const active = await t.as(njAdmin, 'GET', `/api/orgs?q=320111&status=active`);
      assert.equal(active.json().total, 0);

      const audit = await auditOf('org.close', pk);
      assert.equal(audit.org_path, `/1/${id['320000']}/${nj}/${pk}/`);
      assert.equal((audit.before as { status: string }).status, 'active');
      assert.equal((audit.after as { status: string }).status, 'closed');
      assert.equal(audit.actor_username, 'nj.admin');
    });

    test('a refused change leaves no trace', async () => {
      const before = await t.handle.db
        .selectFrom('audit_event')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const versions = await t.handle.db
        .selectFrom('org_unit_version')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      await post(jsAdmin, `/orgs/${id['320100']}/close`, { effectiveDate: '2026-08-01' });
      await post(jsAdmin, `/orgs/${id['320500']}/merge`, {
        targetId: id['320111'],
        effectiveDate: '2026-08-01',
      });
      const afterAudit = await t.handle.db
        .selectFrom('audit_event')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const afterVersions = await t.handle.db
        .selectFrom('org_unit_version')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(Number(afterAudit.n), Number(before.n));
      assert.equal(Number(afterVersions.n), Number(versions.n));
    });
  });
}
