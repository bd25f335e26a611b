import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DB_KINDS } from '../../../test/databases.ts';
import { type Session, startTestApp, type TestApp } from '../../../test/harness.ts';
import { reportUrl, type StatsWorld, setUpStatsWorld } from './stats-test-kit.ts';

interface GridRow {
  orgUnitId: number;
  kind: string;
  reviewerOrgUnitId: number | null;
}

for (const kind of DB_KINDS) {
  describe(`stats review-level skipping on ${kind}`, () => {
    let t: TestApp;
    let w: StatsWorld;
    let jsAdmin: Session;
    let njAdmin: Session;
    const skipUrl = (orgUnitId: number, level: string) =>
      `/api/stats/forms/${w.formId}/review-skips/${orgUnitId}/${level}`;
    const grid = async (who: Session, scope: number, period = '202610') => {
      const res = await t.as(
        who,
        'GET',
        `/api/stats/forms/${w.formId}/periods/${period}/completeness?orgUnitId=${scope}&pageSize=200`,
      );
      assert.equal(res.statusCode, 200, res.body);
      return res.json().items as GridRow[];
    };
    const fill = async (who: Session, orgUnitId: number, period = '202610') => {
      const res = await t.as(who, 'PUT', `${reportUrl(w, orgUnitId, period)}/cells`, {
        cells: [{ key: 'passengers.road', value: '5' }],
      });
      assert.equal(res.statusCode, 200, res.body);
    };

    before(async () => {
      t = await startTestApp(kind);
      w = await setUpStatsWorld(t);
      await t.createUser('js.admin', '320000', ['systemAdmin']);
      await t.createUser('nj.admin', '320100', ['systemAdmin']);
      jsAdmin = await t.login('js.admin');
      njAdmin = await t.login('nj.admin');
    });
    after(() => t.close());

    test('a county reporting straight to the province: submit goes past the city, the province approves', async () => {
      const njBefore = (await t.as(w.njReviewer, 'GET', reportUrl(w, w.ids.nj))).json().children;
      const jsBefore = (await t.as(w.jsReviewer, 'GET', reportUrl(w, w.ids.js))).json().children;
      const set = await t.as(w.admin, 'PUT', skipUrl(w.ids.xw, 'city'), { reason: '省直管县' });
      assert.equal(set.statusCode, 201, set.body);
      assert.equal(
        (await t.as(w.admin, 'PUT', skipUrl(w.ids.xw, 'city'), { reason: '省直管' })).statusCode,
        200,
      );

      const url = reportUrl(w, w.ids.xw);
      assert.equal((await t.as(w.xwFiller, 'GET', url)).json().reviewerOrgUnitId, w.ids.js);
      await fill(w.xwFiller, w.ids.xw);
      const submitted = await t.as(w.xwFiller, 'POST', `${url}/submit`, {});
      assert.equal(submitted.statusCode, 200, submitted.body);
      const stored = await t.handle.db
        .selectFrom('stats_report')
        .select('reviewer_org_unit_id')
        .where('org_unit_id', '=', w.ids.xw)
        .where('period', '=', '202610')
        .executeTakeFirstOrThrow();
      assert.equal(stored.reviewer_org_unit_id, w.ids.js);
      const inbox = (await t.as(w.jsReviewer, 'GET', '/api/stats/inbox?pageSize=200')).json();
      assert.ok(
        inbox.items.some(
          (i: { status: string; orgUnitId: number }) => i.status === 'toReview' && i.orgUnitId === w.ids.xw,
        ),
      );
      const byCity = await t.as(w.njReviewer, 'POST', `${url}/approve`);
      assert.equal(byCity.statusCode, 409, byCity.body);
      assert.equal(byCity.json().error.details.reason, 'not_reviewer');
      const byProvince = await t.as(w.jsReviewer, 'POST', `${url}/approve`);
      assert.equal(byProvince.statusCode, 200, byProvince.body);
      assert.equal(byProvince.json().state, 'approved');

      // The city waits for one child fewer, the province for one more: the county itself.
      const njAfter = (await t.as(w.njReviewer, 'GET', reportUrl(w, w.ids.nj))).json().children;
      const jsAfter = (await t.as(w.jsReviewer, 'GET', reportUrl(w, w.ids.js))).json().children;
      assert.equal(njAfter.total, njBefore.total - 1);
      assert.equal(jsAfter.total, jsBefore.total + 1);
      assert.equal(jsAfter.approved, jsBefore.approved + 1, 'the county it approved counts as done');
      const rows = await grid(w.jsReviewer, w.ids.js);
      assert.equal(rows.find((r) => r.orgUnitId === w.ids.xw)?.reviewerOrgUnitId, w.ids.js);
      assert.equal(rows.find((r) => r.orgUnitId === w.ids.gl)?.reviewerOrgUnitId, w.ids.nj);

      const cleared = await t.as(w.admin, 'DELETE', skipUrl(w.ids.xw, 'city'));
      assert.equal(cleared.statusCode, 204, cleared.body);
      assert.equal((await t.as(w.xwFiller, 'GET', url)).json().reviewerOrgUnitId, w.ids.nj);
      assert.equal((await t.as(w.admin, 'DELETE', skipUrl(w.ids.xw, 'city'))).statusCode, 404);
      const audited = await t.handle.db
        .selectFrom('audit_event')
        .select('action')
        .where('action', 'like', 'stats.reviewSkip.%')
        .orderBy('seq')
        .execute();
      assert.deepEqual(
        audited.map((a) => a.action),
        ['stats.reviewSkip.set', 'stats.reviewSkip.set', 'stats.reviewSkip.clear'],
      );
    });

    test('a city that does not review: no aggregate of its own, its counties report to the province', async () => {
      const before = await grid(w.jsReviewer, w.ids.js, '202609');
      assert.ok(before.some((r) => r.orgUnitId === w.ids.nj && r.kind === 'aggregate'));
      const set = await t.as(jsAdmin, 'PUT', skipUrl(w.ids.nj, 'city'), { reason: '市级不设统计审核' });
      assert.equal(set.statusCode, 201, set.body);

      const rows = await grid(w.jsReviewer, w.ids.js, '202609');
      assert.equal(rows.length, before.length - 1, 'the city is no longer expected to report');
      assert.ok(!rows.some((r) => r.orgUnitId === w.ids.nj));
      const njCounties = rows.filter(
        (r) => before.find((b) => b.orgUnitId === r.orgUnitId)?.reviewerOrgUnitId === w.ids.nj,
      );
      assert.ok(njCounties.length >= 2);
      assert.ok(njCounties.every((r) => r.reviewerOrgUnitId === w.ids.js));
      assert.equal((await t.as(w.njReviewer, 'GET', reportUrl(w, w.ids.nj, '202609'))).statusCode, 404);
      const rates = (
        await t.as(
          w.jsReviewer,
          'GET',
          `/api/stats/forms/${w.formId}/periods/202609/rates?orgUnitId=${w.ids.js}`,
        )
      ).json().levels as { level: string; expected: number }[];
      const beforeCities = before.filter((r) => r.kind === 'aggregate' && r.orgUnitId !== w.ids.js).length;
      assert.equal(rates.find((l) => l.level === 'city')?.expected, beforeCities - 1);

      const url = reportUrl(w, w.ids.gl, '202609');
      await fill(w.glFiller, w.ids.gl, '202609');
      assert.equal((await t.as(w.glFiller, 'POST', `${url}/submit`, {})).statusCode, 200);
      assert.equal((await t.as(w.njReviewer, 'POST', `${url}/approve`)).statusCode, 409);
      assert.equal((await t.as(w.jsReviewer, 'POST', `${url}/approve`)).statusCode, 200);

      const listed = await t.as(w.jsReviewer, 'GET', `/api/stats/forms/${w.formId}/review-skips`);
      assert.equal(listed.statusCode, 200, listed.body);
      assert.deepEqual(
        listed
          .json()
          .items.map((s: { orgUnitId: number; level: string; reason: string }) => [
            s.orgUnitId,
            s.level,
            s.reason,
          ]),
        [[w.ids.nj, 'city', '市级不设统计审核']],
      );
      assert.equal((await t.as(jsAdmin, 'DELETE', skipUrl(w.ids.nj, 'city'))).statusCode, 204);
    });

    test('who may skip what: above the level, inside the jurisdiction, never the owning level', async () => {
      const own = await t.as(njAdmin, 'PUT', skipUrl(w.ids.nj, 'city'), {});
      assert.equal(own.statusCode, 403, 'a city does not excuse itself from reviewing');
      const sibling = await t.as(njAdmin, 'PUT', skipUrl(w.ids.js, 'province'), {});
      assert.equal(sibling.statusCode, 403, 'the province is outside the city’s jurisdiction');
      const county = await t.as(w.admin, 'PUT', skipUrl(w.ids.xw, 'county'), {});
      assert.equal(county.statusCode, 400, 'the county level fills and reviews nothing');
      const below = await t.as(w.admin, 'PUT', skipUrl(w.ids.nj, 'county'), {});
      assert.equal(below.statusCode, 400);
      const ministry = await t.as(w.admin, 'PUT', skipUrl(w.ids.js, 'ministry'), {});
      assert.equal(ministry.statusCode, 400, 'the owning level publishes and is never skipped');
      const noPermission = await t.as(w.jsReviewer, 'PUT', skipUrl(w.ids.nj, 'city'), {});
      assert.equal(noPermission.statusCode, 403);
      const listed = await t.as(w.admin, 'GET', `/api/stats/forms/${w.formId}/review-skips`);
      assert.equal(listed.json().total, 0);
    });

    test('a dated skip applies to periods in its range; a report in flight keeps its reviewer', async () => {
      const reviewer = async (period: string) =>
        (await t.as(w.xwFiller, 'GET', reportUrl(w, w.ids.xw, period))).json().reviewerOrgUnitId;
      // 玄武区 goes straight to the province from August 2026.
      const set = await t.as(w.admin, 'PUT', skipUrl(w.ids.xw, 'city'), {
        reason: '省直管县',
        fromPeriod: '202608',
      });
      assert.equal(set.statusCode, 201, set.body);
      assert.deepEqual([await reviewer('202607'), await reviewer('202608')], [w.ids.nj, w.ids.js]);
      const reviewerIn = async (period: string) =>
        (await grid(w.jsReviewer, w.ids.js, period)).find((r) => r.orgUnitId === w.ids.xw)?.reviewerOrgUnitId;
      assert.deepEqual([await reviewerIn('202607'), await reviewerIn('202608')], [w.ids.nj, w.ids.js]);
      const listed = (await t.as(w.admin, 'GET', `/api/stats/forms/${w.formId}/review-skips`)).json();
      assert.deepEqual(
        listed.items.map((i: { fromPeriod: string | null; untilPeriod: string | null }) => [
          i.fromPeriod,
          i.untilPeriod,
        ]),
        [['202608', null]],
      );
      // Ended after August: later months are reviewed by the city again.
      const ended = await t.as(w.admin, 'PUT', skipUrl(w.ids.xw, 'city'), {
        reason: '省直管县',
        fromPeriod: '202608',
        untilPeriod: '202608',
      });
      assert.equal(ended.statusCode, 200, ended.body);
      assert.equal(await reviewer('202609'), w.ids.nj);

      // September's report is submitted to the city, then a skip from September is set: it stays the city's.
      const url = reportUrl(w, w.ids.xw, '202609');
      await fill(w.xwFiller, w.ids.xw, '202609');
      assert.equal((await t.as(w.xwFiller, 'POST', `${url}/submit`, {})).statusCode, 200);
      const moved = await t.as(w.admin, 'PUT', skipUrl(w.ids.xw, 'city'), {
        reason: '',
        fromPeriod: '202609',
      });
      assert.equal(moved.statusCode, 200, moved.body);
      assert.equal(await reviewer('202609'), w.ids.nj, 'in flight: the reviewer it was sent to');
      assert.equal((await t.as(w.jsReviewer, 'POST', `${url}/approve`)).statusCode, 409);
      assert.equal((await t.as(w.njReviewer, 'POST', `${url}/approve`)).statusCode, 200);

      const backwards = await t.as(w.admin, 'PUT', skipUrl(w.ids.xw, 'city'), {
        fromPeriod: '202612',
        untilPeriod: '202611',
      });
      assert.equal(backwards.statusCode, 400, backwards.body);
      const wrongType = await t.as(w.admin, 'PUT', skipUrl(w.ids.xw, 'city'), { fromPeriod: '2026Q4' });
      assert.equal(wrongType.statusCode, 400, wrongType.body);
      assert.equal((await t.as(w.admin, 'DELETE', skipUrl(w.ids.xw, 'city'))).statusCode, 204);
    });
  });
}
