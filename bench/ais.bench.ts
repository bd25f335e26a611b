// AIS decoding on a generated feed of ≥ 1 M sentences (two-sentence type 5 interleaved across
// channels, type 24 A/B pairs, …): in-process decode throughput on one core, then
// `jtgov ais decode --gpsd` end to end next to gpsd's `gpsdecode -j` on the same file in the same
// run, and the count of messages where the two outputs differ.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCorpus } from '../packages/ais/src/testing/corpus.ts';
// @ts-expect-error plain ESM helper without types
import { ensureGpsdecode, GPSDECODE } from '../scripts/system-packages.mjs';

const SENTENCES = Number(process.env.BENCH_AIS_SENTENCES ?? 1_000_000);
const JTGOV = join(import.meta.dirname, '..', 'apps', 'server', 'bin', 'jtgov.js');

function writeCorpus(file: string): { sentences: number; messages: number } {
  const fd = openSync(file, 'w');
  try {
    return generateCorpus({ sentences: SENTENCES }, (text) => writeSync(fd, text));
  } finally {
    closeSync(fd);
  }
}

/** Messages decoded per second by the decoder itself (bench/ais-decode.ts, its own process). */
function decodeRate(file: string): { messages: number; perSecond: number; rounds: number } {
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'ais-decode.ts'), file],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  if (child.status !== 0) throw new Error(`ais-decode.ts exited ${child.status}`);
  return JSON.parse(child.stdout);
}

/** Wall-clock seconds of a command reading `input`, output to `output` (best of two). */
function timed(command: string, args: string[], input: string, output: string): number {
  let best = Number.POSITIVE_INFINITY;
  for (let run = 0; run < 2; run++) {
    const stdin = openSync(input, 'r');
    const stdout = openSync(output, 'w');
    try {
      const started = performance.now();
      const result = spawnSync(command, args, { stdio: [stdin, stdout, 'inherit'] });
      if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}`);
      best = Math.min(best, (performance.now() - started) / 1000);
    } finally {
      closeSync(stdin);
      closeSync(stdout);
    }
  }
  return best;
}

/** Lines of a file, read a block at a time. */
function* lines(file: string): Generator<string> {
  const fd = openSync(file, 'r');
  const block = Buffer.allocUnsafe(1 << 20);
  let rest = '';
  try {
    for (;;) {
      const n = readSync(fd, block, 0, block.length, null);
      if (n === 0) break;
      const text = rest + block.toString('latin1', 0, n);
      const parts = text.split('\n');
      rest = parts.pop()!;
      yield* parts;
    }
    if (rest) yield rest;
  } finally {
    closeSync(fd);
  }
}

/** Output lines (messages) that differ, counting missing and extra lines as differences. */
function countDifferences(ours: string, theirs: string): { compared: number; different: number } {
  const a = lines(ours);
  const b = lines(theirs);
  let compared = 0;
  let different = 0;
  for (;;) {
    const x = a.next();
    const y = b.next();
    if (x.done && y.done) break;
    compared++;
    if (x.done || y.done || x.value !== y.value) different++;
  }
  return { compared, different };
}

ensureGpsdecode();
const scratch = mkdtempSync(join(tmpdir(), 'jtgov-bench-ais-'));
try {
  const corpus = join(scratch, 'feed.nmea');
  const started = performance.now();
  const written = writeCorpus(corpus);
  const megabytes = statSync(corpus).size / 1e6;
  console.log(
    `corpus: ${written.sentences.toLocaleString('en')} sentences, ${written.messages.toLocaleString('en')} messages, ${megabytes.toFixed(0)} MB (generated in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );

  const inProcess = decodeRate(corpus);
  const devNull = '/dev/null';
  const cli = timed(process.execPath, [JTGOV, 'ais', 'decode', '--gpsd'], corpus, devNull);
  const gpsd = timed(GPSDECODE, ['-j'], corpus, devNull);
  const oursFile = join(scratch, 'ours.json');
  const theirsFile = join(scratch, 'gpsd.json');
  timed(process.execPath, [JTGOV, 'ais', 'decode', '--gpsd'], corpus, oursFile);
  timed(GPSDECODE, ['-j'], corpus, theirsFile);
  const diff = countDifferences(oursFile, theirsFile);

  const rate = (seconds: number) => `${((written.messages / seconds) * 1e-3).toFixed(0)} k msg/s`;
  console.log('\nAIS decode (one core each)');
  console.log(
    `  in-process decode            ${(inProcess.perSecond / 1e6).toFixed(2)} M msg/s (best of ${inProcess.rounds}; ${inProcess.messages.toLocaleString('en')} messages)`,
  );
  console.log(
    `  jtgov ais decode --gpsd      ${cli.toFixed(2)} s end to end (${rate(cli)}), output to /dev/null`,
  );
  console.log(
    `  gpsdecode -j                 ${gpsd.toFixed(2)} s end to end (${rate(gpsd)}), output to /dev/null`,
  );
  console.log(
    `  in-process vs gpsdecode      ${(inProcess.perSecond / (written.messages / gpsd)).toFixed(1)}×`,
  );
  console.log(`  jtgov CLI time / gpsdecode   ${(cli / gpsd).toFixed(2)}`);
  console.log(
    `  --gpsd output vs gpsdecode   ${diff.different.toLocaleString('en')} differing of ${diff.compared.toLocaleString('en')} objects`,
  );
  if (diff.different > 0) process.exitCode = 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
