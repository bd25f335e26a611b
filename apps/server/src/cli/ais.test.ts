// `jtgov ais decode` as a user runs it: the real binary, a real file on stdin.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { AisDecoder } from '@jtgov/ais';
import { GOLDEN_LINES, REFERENCE_GOLDENS } from '../../../../packages/ais/src/testing/fixtures.ts';
import { runJtgov } from '../../test/cli.ts';

describe('jtgov ais decode', () => {
  let dir: string;
  let input: string;
  const broken = ['garbage', REFERENCE_GOLDENS.type1[0].replace('*4A', '*4B')];

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'jtgov-ais-'));
    input = join(dir, 'feed.nmea');
    writeFileSync(input, `${[...GOLDEN_LINES, '', ...broken].join('\r\n')}\r\n`);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('writes one JSON object per message in our field names and reports bad lines on stderr', async () => {
    const { code, stdout, stderr } = await runJtgov(['ais', 'decode'], input, 'latin1');
    assert.equal(code, 0, stderr);
    const decoder = new AisDecoder();
    const expected = GOLDEN_LINES.map((l) => decoder.decode(l))
      .filter((r) => r?.ok)
      .map((r) => JSON.parse(JSON.stringify(r!.ok ? r!.message : null)));
    assert.deepEqual(
      stdout
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l)),
      expected,
    );
    const errors = stderr
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.deepEqual(
      errors.map((e) => [e.error.code, e.input]),
      [
        ['not_nmea', 'garbage'],
        ['bad_checksum', broken[1]],
      ],
    );
  });

  it('writes gpsdecode -j objects with --gpsd and its raw integers with -u', async () => {
    const scaled = await runJtgov(['ais', 'decode', '--gpsd'], input, 'latin1');
    assert.equal(scaled.code, 0);
    const lines = scaled.stdout.split('\r\n');
    assert.equal(lines.pop(), '');
    // 25 messages; the two type 24 parts print as one object.
    assert.equal(lines.length, 24);
    const first = JSON.parse(lines[0]!);
    assert.equal(first.turn, 'fastleft');
    assert.equal(first.status_text, 'Under way using engine');
    assert.match(lines[0]!, /"lon":-123\.395383,"lat":48\.381633,"course":224\.0,/);
    const raw = await runJtgov(['ais', 'decode', '--gpsd', '-u'], input, 'latin1');
    assert.match(
      raw.stdout,
      /"scaled":false,"status":0,"status_text":"Under way using engine","turn":-127,"speed":123,/,
    );
  });

  it('answers usage errors with exit code 2', async () => {
    assert.equal((await runJtgov(['ais', 'encode'], input, 'latin1')).code, 2);
    assert.equal((await runJtgov(['ais', 'decode', '-u'], input, 'latin1')).code, 2);
    assert.equal((await runJtgov(['ais', 'decode', '--nope'], input, 'latin1')).code, 2);
    const help = await runJtgov(['ais', 'decode', '--help'], input, 'latin1');
    assert.equal(help.code, 0);
    assert.match(help.stdout, /--gpsd/);
  });
});
