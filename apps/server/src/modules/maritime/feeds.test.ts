import assert from 'node:assert/strict';
import dgram from 'node:dgram';
import { mkdtempSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Decoded } from '@jtgov/ais';
import { type FeedContext, type FeedSpec, parseHostPort, replayPath, startFeed } from './feeds.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const TYPE1 = '!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A';
const TYPE5 = [
  '!AIVDM,2,1,1,A,55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0NSQEp6ClRp8,0*1C',
  '!AIVDM,2,2,1,A,88888888880,2*25',
];
const NOW = Date.parse('2026-11-27T01:00:00Z');

interface Heard {
  decoded: Decoded;
  receivedAt: number;
  wall: number;
}

function context(heard: Heard[], replayDir = FIXTURES): FeedContext {
  return {
    now: () => NOW,
    onMessage: (decoded, receivedAt) => heard.push({ decoded, receivedAt, wall: performance.now() }),
    replayDir,
    reconnect: { initialMs: 10, maxMs: 40 },
  };
}

const spec = (kind: FeedSpec['kind'], address: string, replay: FeedSpec['replay'] = null): FeedSpec => ({
  id: 7,
  kind,
  address,
  replay,
});

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await sleep(5);
}

/** A tag block `\c:<time>*hh\` in front of a sentence (IEC 61162-450). */
function tagged(time: number, sentence: string): string {
  const body = `c:${time}`;
  let sum = 0;
  for (const ch of body) sum ^= ch.charCodeAt(0);
  return `\\${body}*${sum.toString(16).toUpperCase().padStart(2, '0')}\\${sentence}`;
}

describe('AIS feeds', () => {
  test('file replay as fast as possible: the golden sentences, every message once', async () => {
    const heard: Heard[] = [];
    const feed = startFeed(spec('file', 'golden.nmea', 'fast'), context(heard));
    await feed.finished;
    assert.equal(feed.stats.state, 'finished');
    assert.deepEqual(
      heard.map((h) => h.decoded.message.type),
      [1, 5, 9, 18, 19, 21, 24, 24, 1],
    );
    assert.deepEqual(
      { sentences: feed.stats.sentences, messages: feed.stats.messages, errors: feed.stats.errors },
      { sentences: 11, messages: 9, errors: 0 },
    );
    assert.equal(feed.stats.lastSeen, NOW);
    assert.ok(heard.every((h) => h.receivedAt === NOW));
  });

  test('file replay at the original pace follows the tag-block times; bad lines are counted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jtgov-ais-'));
    const t0 = 1_764_205_200_000;
    writeFileSync(
      join(dir, 'paced.nmea'),
      [
        tagged(t0, TYPE1),
        'garbage',
        tagged(t0 + 150, TYPE1),
        `${TYPE1.slice(0, -2)}00`,
        tagged(t0 + 300, TYPE1),
      ]
        .map((l) => `${l}\r\n`)
        .join(''),
    );
    const heard: Heard[] = [];
    const feed = startFeed(spec('file', 'paced.nmea', 'realtime'), context(heard, dir));
    await feed.finished;
    assert.equal(heard.length, 3);
    // The pace is never faster than the recording's (a lower bound only: a slow machine is later).
    assert.ok(heard[1]!.wall - heard[0]!.wall >= 145, `${heard[1]!.wall - heard[0]!.wall} ms`);
    assert.ok(heard[2]!.wall - heard[0]!.wall >= 295, `${heard[2]!.wall - heard[0]!.wall} ms`);
    assert.deepEqual([feed.stats.sentences, feed.stats.messages, feed.stats.errors], [5, 3, 2]);
  });

  test('a replay file must lie inside the replay directory', async () => {
    assert.throws(() => replayPath(FIXTURES, '../feeds.ts'), /relative to the replay directory/);
    assert.throws(() => replayPath(FIXTURES, '/etc/passwd'), /relative to the replay directory/);
    assert.equal(replayPath('/srv/ais', 'day1/a.nmea'), '/srv/ais/day1/a.nmea');
    const feed = startFeed(spec('file', '../feeds.ts', 'fast'), context([]));
    assert.equal(feed.stats.state, 'failed');
    const missing = startFeed(spec('file', 'missing.nmea', 'fast'), context([]));
    await missing.finished;
    assert.equal(missing.stats.state, 'failed');
    assert.match(missing.stats.lastError ?? '', /ENOENT/);
  });

  test('addresses', () => {
    assert.deepEqual(parseHostPort('127.0.0.1:10110'), { host: '127.0.0.1', port: 10110 });
    assert.deepEqual(parseHostPort('[::1]:0'), { host: '::1', port: 0 });
    assert.deepEqual(parseHostPort('ais.example.cn:5631'), { host: 'ais.example.cn', port: 5631 });
    for (const bad of ['10110', 'host:', 'host:70000', 'a b:1', ':1'])
      assert.throws(() => parseHostPort(bad), /host:port/);
  });

  test('TCP client: lines cut at every byte, then a reconnect after the peer hangs up', async () => {
    const heard: Heard[] = [];
    const peers: net.Socket[] = [];
    const server = net.createServer((s) => peers.push(s));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const { port } = server.address() as net.AddressInfo;
    const feed = startFeed(spec('tcp-client', `127.0.0.1:${port}`), context(heard));
    await feed.ready;
    assert.equal(feed.stats.state, 'connected');
    await until(() => peers.length === 1);
    const text = `${[TYPE1, ...TYPE5].join('\r\n')}\r\n`;
    for (const ch of text) peers[0]!.write(ch);
    await until(() => heard.length === 2);
    peers[0]!.destroy();
    await until(() => peers.length === 2);
    peers[1]!.write(`${tagged(1_764_205_200, TYPE1)}\n`);
    await until(() => heard.length === 3);
    assert.deepEqual(
      heard.map((h) => h.decoded.message.type),
      [1, 5, 1],
    );
    // A tag-block time is the reception time the receiver reported.
    assert.equal(heard[2]!.receivedAt, 1_764_205_200_000);
    assert.equal(feed.stats.reconnects, 1);
    assert.equal(feed.stats.messages, 3);
    await feed.stop();
    assert.equal(feed.stats.state, 'stopped');
    await new Promise<void>((done) => server.close(() => done()));
  });

  test('TCP client keeps retrying a peer that is not there yet', async () => {
    const probe = net.createServer();
    await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
    const { port } = probe.address() as net.AddressInfo;
    await new Promise<void>((done) => probe.close(() => done()));
    const heard: Heard[] = [];
    const feed = startFeed(spec('tcp-client', `127.0.0.1:${port}`), context(heard));
    await until(() => feed.stats.reconnects >= 2);
    const server = net.createServer((s) => s.end(`${TYPE1}\n`));
    await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
    await until(() => heard.length >= 1);
    await feed.stop();
    await new Promise<void>((done) => server.close(() => done()));
  });

  test('TCP server: each connection assembles its own fragments', async () => {
    const heard: Heard[] = [];
    const feed = startFeed(spec('tcp-server', '127.0.0.1:0'), context(heard));
    await feed.ready;
    const { port } = feed.address()!;
    const a = net.connect(port, '127.0.0.1');
    const b = net.connect(port, '127.0.0.1');
    await Promise.all([a, b].map((s) => new Promise((done) => s.once('connect', done))));
    await until(() => feed.stats.connections === 2);
    // Both peers use sequence id 1 on channel A, interleaved.
    a.write(`${TYPE5[0]}\n`);
    b.write(`${TYPE5[0]}\n`);
    a.write(`${TYPE5[1]}\n`);
    b.write(`${TYPE5[1]}\n`);
    await until(() => heard.length === 2);
    assert.ok(heard.every((h) => h.decoded.message.type === 5 && h.decoded.message.mmsi === 351759000));
    a.destroy();
    await until(() => feed.stats.connections === 1);
    await feed.stop();
    assert.equal(feed.stats.state, 'stopped');
    b.destroy();
  });

  test('a listener whose address is taken reports the failure', async () => {
    const first = startFeed(spec('tcp-server', '127.0.0.1:0'), context([]));
    await first.ready;
    const taken = `127.0.0.1:${first.address()!.port}`;
    const second = startFeed(spec('tcp-server', taken), context([]));
    await second.ready;
    assert.equal(second.stats.state, 'failed');
    assert.match(second.stats.lastError ?? '', /EADDRINUSE/);
    await second.stop();
    await first.stop();
  });

  test('UDP listener: several sentences a datagram', async () => {
    const heard: Heard[] = [];
    const feed = startFeed(spec('udp', '127.0.0.1:0'), context(heard));
    await feed.ready;
    const { port } = feed.address()!;
    const client = dgram.createSocket('udp4');
    const send = (text: string) =>
      new Promise<void>((done, fail) =>
        client.send(text, port, '127.0.0.1', (err) => (err ? fail(err) : done())),
      );
    await send(`${TYPE5.join('\r\n')}\r\n${TYPE1}`);
    await send('!AIVDM,1,1,,A,not-a-payload,0*00');
    await until(() => heard.length === 2 && feed.stats.errors === 1);
    assert.deepEqual([feed.stats.sentences, feed.stats.messages], [4, 2]);
    client.close();
    await feed.stop();
  });
});
