import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DB_KINDS } from '../../../test/databases.ts';
import { type Session, startTestApp, TEST_PASSWORD, type TestApp } from '../../../test/harness.ts';

for (const kind of DB_KINDS) {
  describe(`users and roles on ${kind}`, () => {
    let t: TestApp;
    let njAdmin: Session;
    let sysAdmin: Session;
    let xuanwu: number;
    before(async () => {
      t = await startTestApp(kind);
      await t.createUser('sys', 'MOT', ['systemAdmin']);
      await t.createUser('nj.admin', '320100', ['orgAdmin']);
      await t.createUser('sh.staff', '310000', ['staff']);
      njAdmin = await t.login('nj.admin');
      sysAdmin = await t.login('sys');
      xuanwu = await t.orgId('320102');
    });
    after(() => t.close());

    test('an org administrator creates a user in its subtree; the initial password is shown once and must be changed', async () => {
      const res = await t.as(njAdmin, 'POST', '/api/users', {
        username: 'xw.clerk',
        displayName: '玄武区局职员',
        orgUnitId: xuanwu,
        roles: ['staff'],
      });
      assert.equal(res.statusCode, 201);
      const { user, initialPassword } = res.json();
      assert.equal(user.orgName, '玄武区交通运输局');
      assert.equal(user.mustChangePassword, true);
      assert.equal(typeof initialPassword, 'string');
      const first = await t.login('xw.clerk', initialPassword);
      assert.equal(
        (await t.as(first, 'GET', '/api/auth/session')).json().user.restriction,
        'password_change_required',
      );
      const audit = await t.handle.db
        .selectFrom('audit_event')
        .selectAll()
        .where('action', '=', 'user.create')
        .where('object_id', '=', String(user.id))
        .executeTakeFirstOrThrow();
      assert.equal(audit.actor_username, 'nj.admin');
      assert.equal((audit.after as { username: string }).username, 'xw.clerk');
      assert.ok(!JSON.stringify(audit.after).includes(initialPassword), 'no password in the audit log');
    });

    test('an org administrator cannot create users outside its subtree', async () => {
      const res = await t.as(njAdmin, 'POST', '/api/users', {
        username: 'js.intruder',
        displayName: 'x',
        orgUnitId: await t.orgId('320000'),
        roles: ['staff'],
      });
      assert.equal(res.statusCode, 403);
      assert.equal(res.json().error.code, 'out_of_jurisdiction');
    });

    test('the user list is the jurisdiction, filtered and paginated', async () => {
      const mine = (await t.as(njAdmin, 'GET', '/api/users?pageSize=100')).json();
      const names = mine.items.map((u: { username: string }) => u.username);
      assert.ok(names.includes('xw.clerk'));
      assert.ok(!names.includes('sh.staff') && !names.includes('sys'));
      assert.equal(mine.total, names.length);
      const all = (await t.as(sysAdmin, 'GET', '/api/users?pageSize=1&page=2')).json();
      assert.equal(all.items.length, 1);
      assert.equal(all.total, 4);
      const filtered = (await t.as(sysAdmin, 'GET', '/api/users?q=staff')).json();
      assert.deepEqual(
        filtered.items.map((u: { username: string }) => u.username),
        ['sh.staff'],
      );
      const shId = filtered.items[0].id;
      assert.equal((await t.as(njAdmin, 'GET', `/api/users/${shId}`)).statusCode, 404);
      assert.equal(
        (await t.as(njAdmin, 'PATCH', `/api/users/${shId}`, { displayName: 'x' })).statusCode,
        404,
      );
      assert.equal((await t.as(njAdmin, 'POST', `/api/users/${shId}/reset-password`)).statusCode, 404);
      assert.equal((await t.as(njAdmin, 'POST', `/api/users/${shId}/unlock`)).statusCode, 404);
    });

    test('no one grants a role carrying permissions they lack, or changes their own roles', async () => {
      const id = (await t.as(njAdmin, 'GET', '/api/users?q=xw.clerk')).json().items[0].id;
      const escalate = await t.as(njAdmin, 'PATCH', `/api/users/${id}`, { roles: ['systemAdmin'] });
      assert.equal(escalate.statusCode, 403);
      const self = await t.as(njAdmin, 'PATCH', `/api/users/${njAdmin.userId}`, { roles: ['staff'] });
      assert.equal(self.statusCode, 403);
      assert.equal(
        (await t.as(njAdmin, 'PATCH', `/api/users/${id}`, { roles: ['staff', 'orgAdmin'] })).statusCode,
        200,
      );
    });

    test('disabling a user ends its sessions and refuses its logins', async () => {
      await t.createUser('xw.leaver', '320102', ['staff']);
      const leaver = await t.login('xw.leaver');
      const id = (await t.as(njAdmin, 'GET', '/api/users?q=xw.leaver')).json().items[0].id;
      assert.equal(
        (await t.as(njAdmin, 'PATCH', `/api/users/${id}`, { status: 'disabled' })).statusCode,
        200,
      );
      assert.equal((await t.as(leaver, 'GET', '/api/me/tokens')).statusCode, 401);
      const again = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'xw.leaver', password: TEST_PASSWORD },
      });
      assert.equal(again.json().error.code, 'account_disabled');
    });

    test('a role taken away applies at the next request, though the credential was just resolved', async () => {
      await t.createUser('xw.deputy', '320102', ['orgAdmin']);
      const deputy = await t.login('xw.deputy');
      assert.equal((await t.as(deputy, 'GET', '/api/users')).statusCode, 200);
      const id = (await t.as(njAdmin, 'GET', '/api/users?q=xw.deputy')).json().items[0].id;
      assert.equal((await t.as(njAdmin, 'PATCH', `/api/users/${id}`, { roles: ['staff'] })).statusCode, 200);
      assert.equal((await t.as(deputy, 'GET', '/api/users')).statusCode, 403);
    });

    test('a reset password is new, shown once, and forces a change; unlock clears a lock', async () => {
      await t.createUser('xw.forgetful', '320102', ['staff']);
      const id = (await t.as(njAdmin, 'GET', '/api/users?q=xw.forgetful')).json().items[0].id;
      for (let i = 0; i < 5; i++) {
        await t.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'xw.forgetful', password: `Bad@guess${i}xx` },
        });
      }
      assert.equal((await t.as(njAdmin, 'GET', `/api/users/${id}`)).json().locked, true);
      assert.equal((await t.as(njAdmin, 'POST', `/api/users/${id}/unlock`)).json().locked, false);
      const { password } = (await t.as(njAdmin, 'POST', `/api/users/${id}/reset-password`)).json();
      const s = await t.login('xw.forgetful', password);
      assert.equal(
        (await t.as(s, 'GET', '/api/auth/session')).json().user.restriction,
        'password_change_required',
      );
    });

    test('custom roles: only known permissions the creator holds; built-ins are read-only', async () => {
      const perms = (await t.as(sysAdmin, 'GET', '/api/permissions')).json().items;
      assert.ok(perms.includes('org.read'));
      const created = await t.as(sysAdmin, 'POST', '/api/roles', {
        code: 'orgViewer',
        name: '组织查看',
        permissions: ['org.read'],
      });
      assert.equal(created.statusCode, 201);
      assert.equal(
        (await t.as(sysAdmin, 'POST', '/api/roles', { code: 'bogus', name: 'x', permissions: ['no.such'] }))
          .statusCode,
        400,
      );
      assert.equal(
        (
          await t.as(sysAdmin, 'POST', '/api/roles', {
            code: 'peeker',
            name: 'x',
            permissions: ['audit.read'],
          })
        ).statusCode,
        403,
      );
      const roles = (await t.as(sysAdmin, 'GET', '/api/roles?pageSize=50')).json().items;
      const builtin = roles.find((r: { code: string }) => r.code === 'staff');
      assert.equal(
        (await t.as(sysAdmin, 'PATCH', `/api/roles/${builtin.id}`, { name: 'x' })).statusCode,
        403,
      );
      assert.equal((await t.as(sysAdmin, 'DELETE', `/api/roles/${created.json().id}`)).statusCode, 200);
    });
  });
}
