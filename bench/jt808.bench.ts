// JT/T 808 decode throughput on one core: a stream of 0x0200 location frames in 64 KiB TCP-sized
// chunks through the incremental framer and the typed decoder, next to a raw scan of the same
// bytes for the 0x7e flag in the same run. The ratio shows what framing, unescaping, checksum and
// typed decoding cost over merely touching every byte. Reference: SmallChi's .NET decoder publishes
// ~1 M 0x0200 decodes/s (BenchmarkDotNet, i7-8700K).
import { performance } from 'node:perf_hooks';
import { decodeFrame, encodePacket, Framer, type Packet } from '../packages/jt808/src/index.ts';

const FRAMES = 100_000;
const CHUNK = 64 * 1024;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);

/** Realistic reports: moving vehicles around Nanjing, the usual extra items, some escapes. */
function corpus(): Uint8Array {
  const parts: Uint8Array[] = [];
  let seed = 42;
  const random = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 0x100000000;
  };
  for (let i = 0; i < FRAMES; i++) {
    const second = i % 60;
    const packet: Packet = {
      header: {
        msgId: 0x0200,
        version: i % 4 === 0 ? '2019' : '2013',
        phone:
          i % 4 === 0
            ? `000000001391${String(i % 10_000_000).padStart(8, '0')}`
            : `0139${String(i % 100_000_000).padStart(8, '0')}`,
        serial: i & 0xffff,
        encryption: 0,
        reserved: false,
      },
      message: {
        kind: 'location',
        alarm: random() < 0.02 ? 2 : 0,
        status: 0x000c0003,
        lat: Math.round((31.9 + random() * 0.3) * 1e6) / 1e6,
        lon: Math.round((118.6 + random() * 0.3) * 1e6) / 1e6,
        altitude: Math.floor(random() * 60),
        speed: Math.floor(random() * 1200) / 10,
        direction: Math.floor(random() * 360),
        time: `2026-11-27T08:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(second).padStart(2, '0')}+08:00`,
        extras: [
          { type: 'mileage', value: Math.floor(random() * 5_000_000) / 10 },
          { type: 'fuel', value: Math.floor(random() * 4000) / 10 },
          { type: 'ioStatus', value: 0 },
          { type: 'signal', value: Math.floor(random() * 31) },
          { type: 'satellites', value: 4 + Math.floor(random() * 20) },
        ],
      },
    };
    if (packet.header.version === '2019') packet.header.protocolVersion = 1;
    parts.push(encodePacket(packet));
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

function decodeAll(stream: Uint8Array): number {
  const framer = new Framer();
  let decoded = 0;
  let failed = 0;
  let check = 0;
  for (let at = 0; at < stream.length; at += CHUNK)
    framer.push(stream.subarray(at, at + CHUNK), (event) => {
      if (event.type !== 'frame') {
        failed++;
        return;
      }
      const result = decodeFrame(event.frame);
      if (result.ok && result.packet.message.kind === 'location') {
        decoded++;
        check += result.packet.message.extras.length;
      } else failed++;
    });
  if (failed > 0 || decoded !== FRAMES || check !== FRAMES * 5)
    throw new Error(`decoded ${decoded}, failed ${failed}`);
  return decoded;
}

function scanFlags(stream: Uint8Array): number {
  let flags = 0;
  for (let at = 0; at < stream.length; at += CHUNK) {
    const end = Math.min(stream.length, at + CHUNK);
    for (let i = at; i < end; i++) if (stream[i] === 0x7e) flags++;
  }
  if (flags !== FRAMES * 2) throw new Error(`found ${flags} flags`);
  return flags;
}

/** Median of ROUNDS timed runs after one warm-up. */
function time(work: () => number): number {
  work();
  const samples: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const start = performance.now();
    work();
    samples.push((performance.now() - start) / 1000);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

const stream = corpus();
const mb = stream.length / 1e6;
const decodeSeconds = time(() => decodeAll(stream));
const scanSeconds = time(() => scanFlags(stream));

console.log(
  `\nJT/T 808 0x0200 decode, one core (${FRAMES.toLocaleString('en')} frames, ${mb.toFixed(1)} MB, ${(stream.length / FRAMES).toFixed(1)} B/frame avg, ${CHUNK / 1024} KiB chunks, median of ${ROUNDS})`,
);
console.log('pass'.padEnd(40), 'frames/s'.padStart(12), 'MB/s'.padStart(9), 'ms/pass'.padStart(9));
const row = (label: string, seconds: number) =>
  console.log(
    label.padEnd(40),
    (FRAMES / seconds).toFixed(0).padStart(12),
    (mb / seconds).toFixed(1).padStart(9),
    (seconds * 1000).toFixed(1).padStart(9),
  );
row('raw byte scan for 0x7e', scanSeconds);
row('Framer + decodeFrame (typed 0x0200)', decodeSeconds);
console.log(`decode takes ${(decodeSeconds / scanSeconds).toFixed(1)}x the time of the raw scan`);
