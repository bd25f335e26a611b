import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, test } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { DB_KINDS } from '../../../test/databases.ts';
import { startTestApp, type TestApp, TestClock } from '../../../test/harness.ts';
import { SYSTEM_CONTEXT } from '../audit/audit.service.ts';
import { SecretBox } from '../identity/secrets.ts';
import { JobWorker } from '../jobs/job-worker.ts';
import type { Channel } from './channel.ts';
import { DELIVER_JOB, deliveryHandler } from './delivery.ts';
import { createEmailChannel } from './email.channel.ts';
import { notify, registerWebhook } from './notify.service.ts';
import { createWebhookChannel } from './webhook.channel.ts';
import { SIGNATURE_HEADER, verifyWebhookSignature } from './webhook-signature.ts';

const box = new SecretBox('00112233445566778899aabbccddeeff');
const WEBHOOK_SECRET = 'jiangsu-webhook-secret-0001';

interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

async function startSmtp(): Promise<{ url: string; mails: ReceivedMail[]; close(): Promise<void> }> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, mails, close: () => new Promise((r) => server.close(() => r())) };
}

interface Hit {
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

async function startHttp(status: () => number): Promise<{ url: string; hits: Hit[]; server: Server }> {
  const hits: Hit[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      hits.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(status()).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hooks/jtgov`, hits, server };
}

/** Decodes RFC 2047 encoded words (=?UTF-8?B?…?=) in a header. */
const decodeWords = (s: string) =>
  s.replace(/=\?UTF-8\?B\?([^?]+)\?=\s*/gi, (_m, b64: string) => Buffer.from(b64, 'base64').toString('utf8'));

for (const kind of DB_KINDS) {
  describe(`notification delivery on ${kind}`, () => {
    let t: TestApp;
    let smtp: Awaited<ReturnType<typeof startSmtp>>;
    let njUser: number;
    let shUser: number;
    let clock: TestClock;
    const channels = new Map<string, Channel>();

    before(async () => {
      t = await startTestApp(kind);
      smtp = await startSmtp();
      channels.set('email', createEmailChannel({ smtpUrl: smtp.url, from: 'jtgov <noreply@jtgov.test>' }));
      channels.set('webhook', createWebhookChannel({ timeoutMs: 5000 }));
      njUser = await t.createUser('nj.clerk', '320100', ['staff']);
      shUser = await t.createUser('sh.clerk', '310000', ['staff']);
      await t.handle.db
        .updateTable('app_user')
        .set({ email: 'nj.clerk@jtgov.test' })
        .where('id', '=', njUser)
        .execute();
    });
    after(async () => {
      await smtp.close();
      await t.close();
    });
    beforeEach(async () => {
      await t.handle.db.deleteFrom('job').execute();
      await t.handle.db.deleteFrom('webhook').execute();
      // Jobs are enqueued at the database's now(); the worker's clock starts just after it.
      clock = new TestClock(Date.now() + 1000);
    });

    const worker = (available = channels) =>
      new JobWorker({
        db: t.handle.db,
        clock,
        handlers: { [DELIVER_JOB]: deliveryHandler({ channels: available, secretBox: box }) },
        log: { error: () => undefined },
      });
    const send = (input: Parameters<typeof notify>[1]) =>
      t.handle.db.transaction().execute((trx) => notify(trx, input));
    const deliveriesOf = (notificationIds: number[]) =>
      t.handle.db
        .selectFrom('notification_delivery')
        .selectAll()
        .where('notification_id', 'in', notificationIds)
        .orderBy('id')
        .execute();

    test('e-mail reaches a real SMTP server; users without an address get none', async () => {
      const ids = await send({
        userIds: [njUser, shUser],
        title: '工单 12328-0001 已派发',
        body: '请在 5 个工作日内办结。',
        link: '/hotline/tickets/1',
        category: 'hotline.ticket.assigned',
        channels: ['inApp', 'email'],
      });
      const deliveries = await deliveriesOf(ids);
      assert.deepEqual(
        deliveries.map((d) => [d.channel, d.target, d.status]),
        [['email', 'nj.clerk@jtgov.test', 'pending']],
      );
      assert.equal(await worker().runDue(), 1);
      assert.equal(smtp.mails.length, 1);
      const mail = smtp.mails[0];
      assert.deepEqual(mail?.to, ['nj.clerk@jtgov.test']);
      assert.equal(mail?.from, 'noreply@jtgov.test');
      const subject = /^Subject: (.*(?:\r\n[ \t].*)*)/m.exec(mail?.raw ?? '')?.[1] ?? '';
      assert.equal(decodeWords(subject.replace(/\r\n/g, '')), '工单 12328-0001 已派发');
      assert.match(mail?.raw ?? '', new RegExp(`x-jtgov-delivery: ${deliveries[0]?.id}`, 'i'));
      const [sent] = await deliveriesOf(ids);
      assert.equal(sent?.status, 'sent');
      assert.equal(sent?.attempts, 1);
      assert.ok(sent?.sent_at);
    });

    test('webhooks get a signed POST for subscribed categories in their subtree', async () => {
      const receiver = await startHttp(() => 204);
      try {
        const jiangsu = await t.orgId('320000');
        await t.handle.db.transaction().execute((trx) =>
          registerWebhook(trx, SYSTEM_CONTEXT, box, {
            orgUnitId: jiangsu,
            url: receiver.url,
            secret: WEBHOOK_SECRET,
            events: ['hotline.ticket.assigned'],
          }),
        );
        const stored = await t.handle.db.selectFrom('webhook').select('secret').executeTakeFirstOrThrow();
        assert.ok(!stored.secret.includes(WEBHOOK_SECRET), 'the secret is sealed at rest');

        const ids = await send({
          userIds: [njUser, shUser],
          title: '工单已派发',
          body: '请及时处理',
          category: 'hotline.ticket.assigned',
          channels: ['webhook'],
        });
        await send({
          userIds: [njUser],
          title: '其他',
          body: '…',
          category: 'stats.report.returned',
          channels: ['webhook'],
        });
        const deliveries = await deliveriesOf(ids);
        assert.equal(deliveries.length, 1, 'only the Nanjing user is under the Jiangsu webhook');
        assert.equal(await worker().runDue(), 1);

        assert.equal(receiver.hits.length, 1);
        const hit = receiver.hits[0];
        assert.ok(hit);
        assert.equal(hit.headers['content-type'], 'application/json; charset=utf-8');
        assert.ok(verifyWebhookSignature(WEBHOOK_SECRET, hit.body, hit.headers[SIGNATURE_HEADER] as string));
        assert.ok(
          !verifyWebhookSignature(
            'another-secret-0000000',
            hit.body,
            hit.headers[SIGNATURE_HEADER] as string,
          ),
        );
        assert.ok(
          !verifyWebhookSignature(WEBHOOK_SECRET, `${hit.body} `, hit.headers[SIGNATURE_HEADER] as string),
        );
        const body = JSON.parse(hit.body);
        assert.equal(body.event, 'hotline.ticket.assigned');
        assert.equal(body.notification.title, '工单已派发');
        assert.deepEqual(body.recipient, { userId: njUser, username: 'nj.clerk' });
        assert.equal(hit.headers['x-jtgov-delivery'], String(deliveries[0]?.id));
        assert.equal((await deliveriesOf(ids))[0]?.status, 'sent');
      } finally {
        receiver.server.close();
      }
    });

    test('a failing endpoint is retried with backoff until the delivery is dead', async () => {
      const receiver = await startHttp(() => 503);
      const nanjing = await t.orgId('320100');
      try {
        await t.handle.db.transaction().execute((trx) =>
          registerWebhook(trx, SYSTEM_CONTEXT, box, {
            orgUnitId: nanjing,
            url: receiver.url,
            secret: WEBHOOK_SECRET,
            events: ['*'],
          }),
        );
        const ids = await send({
          userIds: [njUser],
          title: 't',
          body: 'b',
          category: 'any',
          channels: ['webhook'],
        });
        const w = worker();
        assert.equal(await w.runDue(), 1);
        let [delivery] = await deliveriesOf(ids);
        assert.equal(delivery?.status, 'failed');
        assert.equal(delivery?.last_error, 'webhook answered HTTP 503');
        assert.equal(await w.runDue(), 0, 'backing off');
        for (let round = 0; round < 20 && delivery?.status !== 'dead'; round += 1) {
          clock.advance(2 * 3_600_000);
          await w.runDue();
          [delivery] = await deliveriesOf(ids);
        }
        assert.equal(delivery?.status, 'dead');
        assert.equal(delivery?.attempts, 10);
        assert.equal(receiver.hits.length, 10);
        const job = await t.handle.db
          .selectFrom('job')
          .select(['status', 'attempts'])
          .executeTakeFirstOrThrow();
        assert.deepEqual(job, { status: 'dead', attempts: 10 });
      } finally {
        receiver.server.close();
      }
    });

    test('a channel this instance lacks makes the delivery dead at once', async () => {
      const ids = await send({
        userIds: [njUser],
        title: 't',
        body: 'b',
        category: 'any',
        channels: ['email'],
      });
      assert.equal(await worker(new Map()).runDue(), 1);
      const [delivery] = await deliveriesOf(ids);
      assert.equal(delivery?.status, 'dead');
      assert.match(delivery?.last_error ?? '', /not configured/);
      const job = await t.handle.db.selectFrom('job').select('status').executeTakeFirstOrThrow();
      assert.equal(job.status, 'done');
    });

    test('nothing is sent when the notifying transaction rolls back', async () => {
      await assert.rejects(
        t.handle.db.transaction().execute(async (trx) => {
          await notify(trx, {
            userIds: [njUser],
            title: 't',
            body: 'b',
            category: 'any',
            channels: ['inApp', 'email'],
          });
          throw new Error('the business write failed');
        }),
      );
      assert.equal(await worker().runDue(), 0);
    });
  });
}
