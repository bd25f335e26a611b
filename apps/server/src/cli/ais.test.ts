// `jtgov ais decode` as a user runs it: the real binary, a real file on stdin.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { AisDecoder } from '@jtgov/ais';
import { GOLDEN_LINES, REFERENCE_GOLDENS } from '../../../../packages/ais/src/testing/fixtures.ts';

const JTGOV = fileURLToPath(new URL('../../bin/jtgov.js', import.meta.url));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function jtgov(args: string[], stdinFile: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const stdin = openSync(stdinFile, 'r');
    const child = spawn(process.execPath, [JTGOV, ...args], { stdio: [stdin, 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('latin1').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr!.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

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
    const { code, stdout, stderr } = await jtgov(['ais', 'decode'], input);
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
    const scaled = await jtgov(['ais', 'decode', '--gpsd'], input);
    assert.equal(scaled.code, 0);
    const lines = scaled.stdout.split('\r\n');
    assert.equal(lines.pop(), '');
    // 25 messages; the two type 24 parts print as one object.
    assert.equal(lines.length, 24);
    const first = JSON.parse(lines[0]!);
    assert.equal(first.turn, 'fastleft');
    assert.equal(first.status_text, 'Under way using engine');
    assert.match(lines[0]!, /"lon":-123\.395383,"lat":48\.381633,"course":224\.0,/);
    const raw = await jtgov(['ais', 'decode', '--gpsd', '-u'], input);
    assert.match(
      raw.stdout,
      /"scaled":false,"status":0,"status_text":"Under way using engine","turn":-127,"speed":123,/,
    );
  });

  it('answers usage errors with exit code 2', async () => {
    assert.equal((await jtgov(['ais', 'encode'], input)).code, 2);
    assert.equal((await jtgov(['ais', 'decode', '-u'], input)).code, 2);
    assert.equal((await jtgov(['ais', 'decode', '--nope'], input)).code, 2);
    const help = await jtgov(['ais', 'decode', '--help'], input);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /--gpsd/);
  });
});
