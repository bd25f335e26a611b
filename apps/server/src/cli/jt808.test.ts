// `jtgov jt808 decode` as a user runs it: the real binary, a real file on stdin.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { decodeFrame, packetToJson } from '@jtgov/jt808';
import { contentOf, GOLDEN, YZH } from '../../../../packages/jt808/src/jt808.fixtures.ts';
import { jsonLines, runJtgov } from '../../test/cli.ts';

describe('jtgov jt808 decode', () => {
  let dir: string;
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'jtgov-jt808-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the contract fields for 0x0200 and 0x0704, in input order, with errors in place', async () => {
    const input = file(
      'frames.txt',
      [
        GOLDEN.m0200_sc8,
        'not hex',
        '',
        GOLDEN.m0704_trc2019,
        '0200',
        `${GOLDEN.m0002_trc2013.slice(0, -4)}ff7e`,
      ].join('\r\n'),
    );
    const { code, stdout, stderr } = await runJtgov(['jt808', 'decode'], input);
    assert.equal(code, 0, stderr);
    const [location, badHex, batch, noFrame, badChecksum] = jsonLines(stdout);
    assert.deepEqual(location, {
      msgId: 512,
      version: '2013',
      phone: '123456789012',
      serial: 126,
      body: {
        alarm: 1,
        status: 2,
        lat: 12.222222,
        lon: 132.444444,
        altitude: 40,
        speed: 6,
        direction: 0,
        time: '2018-10-15T10:10:10+08:00',
        extras: { mileage: 10, fuel: 12.5 },
      },
    });
    assert.deepEqual(badHex, {
      error: { code: 'invalid-hex', message: 'not an even run of hex digits' },
      input: 'not hex',
    });
    assert.equal(batch.version, '2019');
    assert.deepEqual(batch.body.items[0].extras, { mileage: 960.2, signal: 0, satellites: 14 });
    assert.equal(batch.body.items[0].lat, -27.263378);
    assert.equal(noFrame.error.code, 'no-frame');
    assert.equal(badChecksum.error.code, 'checksum');
    assert.equal(badChecksum.input, `${GOLDEN.m0002_trc2013.slice(0, -4)}ff7e`);
  });

  it('--lenient accepts what Traccar accepts and lists the warnings', async () => {
    const input = file('imei.txt', `${GOLDEN.m8300_trcImei}\n`);
    const strict = jsonLines((await runJtgov(['jt808', 'decode'], input)).stdout);
    assert.equal(strict[0].error.code, 'invalid-bcd');
    const [lenient] = jsonLines((await runJtgov(['jt808', 'decode', '--lenient'], input)).stdout);
    assert.equal(lenient.phone, '0b3a73ce2ff2');
    assert.deepEqual(lenient.body, { flags: 1, text: 'Test, Command, 123#' });
    assert.deepEqual(
      lenient.warnings.map((w: { code: string }) => w.code),
      ['invalid-bcd'],
    );
  });

  it('streams a large input: one output line per frame, same as the library', async () => {
    const corpus = YZH.map((f) => f.hex);
    const many = Array.from({ length: 30_000 }, (_, i) => corpus[i % corpus.length]!);
    const { code, stdout } = await runJtgov(['jt808', 'decode'], file('many.txt', `${many.join('\n')}\n`));
    assert.equal(code, 0);
    const out = stdout.trimEnd().split('\n');
    assert.equal(out.length, many.length);
    for (const i of [0, 1, 17, 29_999]) {
      const result = decodeFrame(contentOf(many[i]!));
      assert.ok(result.ok);
      assert.deepEqual(JSON.parse(out[i]!), JSON.parse(JSON.stringify(packetToJson(result.packet))));
    }
  });

  it('refuses an unknown subcommand', async () => {
    const { code, stderr } = await runJtgov(['jt808', 'encode'], file('empty.txt', ''));
    assert.equal(code, 2);
    assert.match(stderr, /usage: jtgov jt808 decode/);
  });
});
