import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { DB_KINDS } from '../../../test/databases.ts';
import { type Session, startTestApp, type TestApp } from '../../../test/harness.ts';
import { OPEN311_CREATE_JOB, OPEN311_RATE_PER_MINUTE } from './open311.service.ts';
import { createQueuedTicket } from './open311-query.service.ts';
import { hotlineCalendar } from './tickets.service.ts';

/** XML as the JSON the spec's Spark mapping gives: wrappers of repeated elements become arrays. */
const LISTS = new Set([
  'services',
  'service_requests',
  'errors',
  'attributes',
  'values',
  'endpoints',
  'formats',
]);
function xmlToJson(xml: string): unknown {
  assert.match(xml, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n/);
  const tokens = xml.replace(/^<\?xml[^>]*\?>\n/, '').match(/<\/?[a-z_]+\/?>|[^<]+/g) ?? [];
  let i = 0;
  const unescapeXml = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  function element(): [string, unknown] {
    const open = tokens[i++] as string;
    const name = open.replace(/[</>]/g, '');
    if (open.endsWith('/>')) return [name, null];
    const children: [string, unknown][] = [];
    let text = '';
    while (!(tokens[i] as string).startsWith('</')) {
      if ((tokens[i] as string).startsWith('<')) children.push(element());
      else text += unescapeXml(tokens[i++] as string);
    }
    i++;
    if (LISTS.has(name)) return [name, children.map(([, v]) => v)];
    if (children.length === 0) return [name, text];
    return [name, Object.fromEntries(children)];
  }
  return element()[1];
}
/** JSON with every scalar as the text XML carries (null as empty). */
const asText = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(asText)
    : v && typeof v === 'object'
      ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, asText(x)]))
      : v === null
        ? null
        : String(v);

for (const kind of DB_KINDS) {
  describe(`Open311 GeoReport v2 conformance on ${kind}`, () => {
    let t: TestApp;
    let base: string;
    let apiKey: string;
    let otherKey: string;
    let noIntakeKey: string;
    const get = async (path: string) => {
      const res = await fetch(`${base}${path}`);
      return { status: res.status, type: res.headers.get('content-type'), body: await res.text() };
    };
    const json = async (path: string) => {
      const res = await get(path);
      assert.equal(res.type, 'application/json; charset=utf-8', path);
      return { ...res, data: JSON.parse(res.body) };
    };
    const post = async (format: 'xml' | 'json', form: Record<string, string | string[]>, key = apiKey) => {
      const body = new URLSearchParams();
      if (key) body.append('api_key', key);
      for (const [k, v] of Object.entries(form))
        for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
      const res = await fetch(`${base}/requests.${format}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
        body,
      });
      return { status: res.status, type: res.headers.get('content-type'), body: await res.text() };
    };
    const taxi = {
      service_code: '0301',
      'attribute[plateNo]': '苏A12345',
      address_string: '南京市玄武区中山路1号',
    };
    const tokenOf = async (session: Session) =>
      (await t.as(session, 'POST', '/api/me/tokens', { name: 'open311 gateway' })).json().token as string;

    before(async () => {
      t = await startTestApp(kind);
      await t.createUser('nj.app', '320100', ['hotlineAgent']);
      await t.createUser('nj.app2', '320100', ['hotlineAgent']);
      await t.createUser('nj.viewer', '320100', ['staff']);
      await t.createUser('mot.hotline', 'MOT', ['systemAdmin']);
      apiKey = await tokenOf(await t.login('nj.app'));
      otherKey = await tokenOf(await t.login('nj.app2'));
      noIntakeKey = await tokenOf(await t.login('nj.viewer'));
      const admin = await t.login('mot.hotline');
      const batch = await t.as(admin, 'PUT', '/api/hotline/open311/services/0502', { type: 'batch' });
      assert.equal(batch.statusCode, 200, batch.body);
      const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
      base = `${address}/open311/v2`;
    });
    after(() => t.close());

    test('1. discovery.xml and discovery.json say the same', async () => {
      const xml = await get('/discovery.xml');
      assert.deepEqual([xml.status, xml.type], [200, 'text/xml; charset=utf-8']);
      const j = await json('/discovery.json');
      assert.deepEqual(xmlToJson(xml.body), asText(j.data));
      assert.deepEqual(j.data.endpoints[0].formats, ['text/xml', 'application/json']);
      for (const field of ['changeset', 'contact', 'key_service']) assert.ok(j.data[field]);
      assert.equal(j.data.endpoints[0].url, base);
    });

    test('2. every method answers in both formats; JSON ids are strings', async () => {
      const services = await json('/services.json');
      const taxiService = services.data.find((s: { service_code: string }) => s.service_code === '0301');
      assert.deepEqual(
        [typeof taxiService.service_code, taxiService.type, taxiService.metadata, taxiService.group],
        ['string', 'realtime', true, '道路运输'],
      );
      assert.deepEqual(xmlToJson((await get('/services.xml')).body), asText(services.data));
      const definition = await json('/services/0301.json');
      assert.deepEqual(xmlToJson((await get('/services/0301.xml')).body), asText(definition.data));
      const plate = definition.data.attributes.find((a: { code: string }) => a.code === 'plateNo');
      assert.deepEqual([plate.datatype, plate.required, plate.order], ['string', true, 1]);
      const orders = definition.data.attributes.map((a: { order: number }) => a.order);
      assert.deepEqual(
        orders,
        [...orders.keys()].map((k) => k + 1),
        'order is 1-based and unique',
      );
      const created = await post('json', taxi);
      assert.equal(created.status, 201, created.body);
      const [receipt] = JSON.parse(created.body);
      assert.equal(typeof receipt.service_request_id, 'string');
      const xmlCreated = await post('xml', taxi);
      assert.match(
        xmlCreated.body,
        /<service_requests><request><service_request_id>\d+<\/service_request_id>/,
      );
      const one = await json(`/requests/${receipt.service_request_id}.json`);
      assert.equal(one.data[0].service_request_id, receipt.service_request_id);
      assert.deepEqual(
        xmlToJson((await get(`/requests/${receipt.service_request_id}.xml`)).body),
        asText(one.data),
      );
      const all = await json('/requests.json');
      assert.deepEqual(xmlToJson((await get('/requests.xml')).body), asText(all.data));
      assert.equal((await get('/requests/00000000000000.json')).status, 404);
      assert.equal((await get('/services/9999.xml')).status, 404);
      assert.equal((await get('/services.xml?jurisdiction_id=NOWHERE')).status, 404);
      assert.equal((await get('/services.json?jurisdiction_id=320100')).status, 200);
    });

    test('3. dates without a zone or impossible dates are refused with 400', async () => {
      for (const bad of [
        '2026-11-01T00:00:00',
        '2026-11-01',
        '2026-13-01T00:00:00Z',
        '2026-02-30T00:00:00+08:00',
      ]) {
        const res = await get(`/requests.xml?start_date=${encodeURIComponent(bad)}`);
        assert.equal(res.status, 400, bad);
        assert.match(res.body, /<errors><error><code>400<\/code><description>start_date must be/);
      }
      assert.equal(
        (await get(`/requests.json?start_date=${encodeURIComponent('2026-11-01T00:00:00+08:00')}`)).status,
        200,
      );
    });

    test('4. an empty optional argument is the same as an absent one', async () => {
      const plain = await get('/requests.json');
      const empty = await get(
        '/requests.json?status=&service_code=&start_date=&end_date=&service_request_id=&jurisdiction_id=&page=&page_size=',
      );
      assert.deepEqual([empty.status, empty.body], [plain.status, plain.body]);
      const withEmpty = await post('json', {
        ...taxi,
        email: '',
        phone: '',
        description: '',
        lat: '',
        long: '',
      });
      assert.equal(withEmpty.status, 201, withEmpty.body);
    });

    test('5. no location is 400, a bad or missing key 403, an unknown service 404', async () => {
      const { address_string: _, ...noPlace } = taxi;
      const missing = await post('json', noPlace);
      assert.equal(missing.status, 400);
      assert.equal(JSON.parse(missing.body)[0].code, 400);
      const badKey = await post('json', taxi, 'jtk_not-a-key');
      assert.deepEqual(JSON.parse(badKey.body), [
        { code: 403, description: "Invalid api_key received -- can't proceed with create_request." },
      ]);
      assert.equal((await post('xml', taxi, '')).status, 403);
      assert.equal(
        (await post('json', taxi, noIntakeKey)).status,
        403,
        'a key of a user who may not take tickets',
      );
      const unknown = await post('xml', { ...taxi, service_code: '9999' });
      assert.equal(unknown.status, 404);
      assert.match(unknown.body, /<errors><error><code>404<\/code>/);
      assert.equal((await post('json', { ...taxi, lat: '32.05' })).status, 400, 'lat without long');
    });

    test('6. required attributes are enforced and multivaluelists decode', async () => {
      const noPlate = await post('json', { service_code: '0301', address_string: '中山路' });
      assert.equal(noPlate.status, 400);
      const multi = await post('json', {
        ...taxi,
        'attribute[issues][]': ['拒载', '绕路'],
        description: '晚上打车',
      });
      assert.equal(multi.status, 201, multi.body);
      const id = JSON.parse(multi.body)[0].service_request_id;
      const [request] = (await json(`/requests/${id}.json`)).data;
      assert.equal(request.description, '【涉及：拒载、绕路】晚上打车');
      const stray = await post('json', { ...taxi, 'attribute[issues][]': ['飞行'] });
      assert.equal(stray.status, 400);
      const unknownAttr = await post('json', { ...taxi, 'attribute[nothing]': 'x' });
      assert.equal(unknownAttr.status, 400);
    });

    test('7. a realtime service returns an id, a batch service a token that resolves', async () => {
      const services = (await json('/services.json')).data as { service_code: string; type: string }[];
      assert.equal(services.find((s) => s.service_code === '0502')?.type, 'batch');
      const queued = await post('json', {
        service_code: '0502',
        address_string: '南京港',
        description: '船员证书咨询',
      });
      assert.equal(queued.status, 201, queued.body);
      const [receipt] = JSON.parse(queued.body);
      assert.deepEqual([typeof receipt.token, receipt.service_request_id], ['string', undefined]);
      const pending = await json(`/tokens/${receipt.token}.json`);
      assert.deepEqual(pending.data, [{ service_request_id: null, token: receipt.token }]);
      const jobs = await t.handle.db
        .selectFrom('job')
        .select('payload')
        .where('kind', '=', OPEN311_CREATE_JOB)
        .execute();
      const deps = {
        secretBox: t.app.platform.secretBox,
        calendar: await hotlineCalendar(t.handle.db),
        now: t.clock.now(),
      };
      for (const job of jobs)
        await createQueuedTicket(t.handle.db, deps, (job.payload as { requestId: number }).requestId);
      const resolved = await json(`/tokens/${receipt.token}.json`);
      assert.match(resolved.data[0].service_request_id, /^\d{14}$/);
      const xml = await get(`/tokens/${receipt.token}.xml`);
      assert.match(
        xml.body,
        /<service_requests><request><service_request_id>\d{14}<\/service_request_id><token>/,
      );
      assert.equal((await get('/tokens/0123456789abcdef.json')).status, 404);
    });

    test('8. lists: 90-day ranges, the last 90 days by default, at most 1000, ids override filters', async () => {
      const range = (s: string, e: string) =>
        `start_date=${encodeURIComponent(s)}&end_date=${encodeURIComponent(e)}`;
      assert.equal(
        (await get(`/requests.json?${range('2026-01-01T00:00:00Z', '2026-06-01T00:00:00Z')}`)).status,
        400,
      );
      assert.equal(
        (await get(`/requests.json?${range('2026-06-01T00:00:00Z', '2026-01-01T00:00:00Z')}`)).status,
        400,
      );
      const old = JSON.parse((await post('json', taxi)).body)[0].service_request_id;
      await t.handle.db
        .updateTable('hotline_ticket')
        .set({ received_at: new Date('2026-07-01T00:00:00Z') })
        .where('ticket_no', '=', old)
        .execute();
      const recent = (await json('/requests.json')).data as { service_request_id: string }[];
      assert.ok(
        !recent.some((r) => r.service_request_id === old),
        'older than 90 days is not in the default list',
      );
      const july = (
        await json(`/requests.json?${range('2026-06-15T00:00:00+08:00', '2026-07-15T00:00:00+08:00')}`)
      ).data;
      assert.deepEqual(
        july.map((r: { service_request_id: string }) => r.service_request_id),
        [old],
      );
      const newest = recent[0]?.service_request_id as string;
      const both = (
        await json(`/requests.json?service_request_id=${old},${newest}&status=closed&service_code=9999`)
      ).data;
      assert.deepEqual(
        new Set(both.map((r: { service_request_id: string }) => r.service_request_id)),
        new Set([old, newest]),
      );
      // 1001 more Open311 tickets, copied in SQL from one of them.
      const { rows: columns } = await sql<{ column_name: string }>`
        select column_name from information_schema.columns
        where table_name = 'hotline_ticket' and column_name not in ('id', 'ticket_no', 'external_id')`.execute(
        t.handle.db,
      );
      const cols = sql.join(columns.map((c) => sql.ref(c.column_name)));
      await sql`insert into hotline_ticket (ticket_no, ${cols})
        select '9' || lpad(g::text, 13, '0'), ${cols} from hotline_ticket, generate_series(1, 1001) g
        where ticket_no = ${newest}`.execute(t.handle.db);
      await sql`insert into open311_request (token, api_token_id, user_id, centre_org_id, service_code, payload, status, ticket_id, created_at, updated_at)
        select md5(t.ticket_no), r.api_token_id, r.user_id, r.centre_org_id, r.service_code, '{}', 'created', t.id, r.created_at, r.updated_at
        from hotline_ticket t, (select * from open311_request limit 1) r where t.ticket_no like '9%'`.execute(
        t.handle.db,
      );
      assert.equal((await json('/requests.json')).data.length, 1000);
      const page2 = (await json('/requests.json?page=2&page_size=1000')).data.length;
      assert.ok(page2 > 1, `paging reaches past the first 1000 (${page2})`);
      assert.equal((await json('/requests.json?page_size=5')).data.length, 5);
      assert.equal((await get('/requests.json?page_size=1001')).status, 400);
    });

    test('9. status is open or closed; the fine state is in status_notes', async () => {
      const id = JSON.parse((await post('json', taxi)).body)[0].service_request_id;
      const [open] = (await json(`/requests/${id}.json`)).data;
      assert.deepEqual([open.status, open.status_notes], ['open', '已受理（dispatching）']);
      assert.ok(open.expected_datetime.endsWith('Z'));
      const closedAt = new Date('2026-11-27T03:00:00Z');
      await t.handle.db
        .updateTable('hotline_ticket')
        .set({ state: 'closed', closed_at: closedAt })
        .where('ticket_no', '=', id)
        .execute();
      const [closed] = (await json(`/requests/${id}.json?status=open`)).data;
      assert.deepEqual(
        [closed.status, closed.status_notes, closed.updated_datetime],
        ['closed', '已办结（closed）', closedAt.toISOString()],
      );
      const statuses = new Set(
        ((await json('/requests.json?page_size=1000')).data as { status: string }[]).map((r) => r.status),
      );
      assert.deepEqual([...statuses].sort(), ['closed', 'open']);
      const onlyClosed = (await json('/requests.json?status=closed')).data as {
        service_request_id: string;
      }[];
      assert.deepEqual(
        onlyClosed.map((r) => r.service_request_id),
        [id],
      );
      assert.equal((await get('/requests.json?status=pending')).status, 400);
    });

    test('10. personal data never appears in GET responses', async () => {
      const created = await post('json', {
        ...taxi,
        first_name: '三',
        last_name: '张',
        phone: '13912345678',
        email: 'zhangsan@example.cn',
        description: '我是张三，电话13912345678，邮箱zhangsan@example.cn，身份证320102199001011234',
      });
      const id = JSON.parse(created.body)[0].service_request_id;
      for (const path of [
        `/requests/${id}.json`,
        `/requests/${id}.xml`,
        '/requests.json?page_size=1000',
        '/requests.xml?page_size=1000',
      ]) {
        const { body } = await get(path);
        for (const secret of [
          '张三',
          '13912345678',
          'zhangsan@example.cn',
          '320102199001011234',
          'first_name',
          'phone',
        ])
          assert.ok(!body.includes(secret), `${path} shows ${secret}`);
      }
      const stored = await t.handle.db
        .selectFrom('open311_request')
        .select('payload')
        .where('token', 'in', t.handle.db.selectFrom('open311_request').select('token'))
        .execute();
      assert.ok(
        !JSON.stringify(stored).includes('13912345678'),
        'the request log keeps no personal data once the ticket has it',
      );
    });

    test('POSTs are rate-limited per api_key, refused ones included', async () => {
      for (let i = 0; i < OPEN311_RATE_PER_MINUTE; i++)
        assert.equal((await post('json', { ...taxi, service_code: '9999' }, otherKey)).status, 404);
      const limited = await post('json', taxi, otherKey);
      assert.equal(limited.status, 429);
      assert.equal(JSON.parse(limited.body)[0].code, 429);
      assert.equal((await post('json', taxi)).status, 201, 'another key is not limited');
    });
  });
}
