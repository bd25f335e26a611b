// `jtgov sim vehicles --count N --rate R`: N simulated JT/T 808 terminals of the demo fleet report
// R positions per second in total to a gateway, until --duration seconds pass or SIGINT.
import { parseArgs } from 'node:util';
import { SimFleet, type SimStats } from '../modules/vehicles/simulator.ts';

const USAGE = `usage: jtgov sim vehicles [--count N] [--rate R] [--host H] [--port P] [--duration S] [--edition 2013|2019]

  N simulated terminals (the demo fleet's phones and plates: 13900000000, 13900000001, …) connect
  over TCP, register (0x0100) and authenticate (0x0102), then report 0x0200 positions at R per
  second in total while driving between cities of 江苏 and 浙江; some overspeed now and then.
  A progress line goes to stderr; the summary to stdout when the run ends.

  --count N         terminals (default 50, the demo fleet)
  --rate R          reports per second over the fleet (default 50; 0: connect and stay idle)
  --host H          gateway address (default 127.0.0.1)
  --port P          gateway port (default 7808)
  --duration S      stop after S seconds (default: run until interrupted)
  --edition E       JT/T 808 edition of the frames, 2013 (default) or 2019
  --first K         index of the first demo vehicle (default 0)`;

function positive(name: string, raw: string | undefined, fallback: number, min = 0): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min) throw new Error(`--${name} expects a number ≥ ${min}, got ${raw}`);
  return n;
}

const line = (s: SimStats, rate: number) =>
  `online ${s.authenticated}/${s.connected} · sent ${s.sent} · acked ${s.acked} · failed ${s.failed} · ${rate.toFixed(1)}/s acked`;

export async function run(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      count: { type: 'string' },
      rate: { type: 'string' },
      host: { type: 'string' },
      port: { type: 'string' },
      duration: { type: 'string' },
      edition: { type: 'string' },
      first: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help || positionals[0] !== 'vehicles') {
    (values.help ? console.log : console.error)(USAGE);
    return values.help ? 0 : 2;
  }
  let fleet: SimFleet;
  let duration: number;
  try {
    const edition = values.edition ?? '2013';
    if (edition !== '2013' && edition !== '2019')
      throw new Error(`--edition expects 2013 or 2019, got ${edition}`);
    duration = positive('duration', values.duration, Number.POSITIVE_INFINITY);
    fleet = new SimFleet({
      host: values.host ?? '127.0.0.1',
      port: positive('port', values.port, 7808, 1),
      count: Math.floor(positive('count', values.count, 50, 1)),
      rate: positive('rate', values.rate, 50),
      first: Math.floor(positive('first', values.first, 0)),
      edition,
    });
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const started = performance.now();
  fleet.start();
  let lastAcked = 0;
  let lastAt = started;
  const tty = process.stderr.isTTY === true;
  const progress = setInterval(() => {
    const now = performance.now();
    const rate = ((fleet.stats.acked - lastAcked) * 1000) / (now - lastAt);
    lastAcked = fleet.stats.acked;
    lastAt = now;
    process.stderr.write(tty ? `\r\x1b[K${line(fleet.stats, rate)}` : `${line(fleet.stats, rate)}\n`);
  }, 1000);
  await new Promise<void>((resolve) => {
    const timer = Number.isFinite(duration) ? setTimeout(resolve, duration * 1000) : undefined;
    const onSignal = () => {
      clearTimeout(timer);
      resolve();
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  });
  clearInterval(progress);
  if (tty) process.stderr.write('\n');
  const stats = await fleet.stop();
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `sim: ${fleet.terminals.length} terminals, ${stats.registered} registered, ${stats.refused} refused; ` +
      `${stats.sent} reports sent, ${stats.acked} acknowledged, ${stats.failed} failed, ` +
      `${stats.reconnects} reconnects in ${seconds.toFixed(1)} s (${(stats.acked / seconds).toFixed(1)} acked/s)`,
  );
  return stats.refused > 0 && stats.authenticated === 0 ? 1 : 0;
}
