// Child of ais.bench.ts: decodes a corpus file in this process, in a fresh isolate (generating the
// corpus in the same process slows decoding by a third), and prints {messages, perSecond}.
import { readFileSync } from 'node:fs';
import { AisDecoder, LineSplitter } from '../packages/ais/src/index.ts';

const ROUNDS = 3;
const bytes = readFileSync(process.argv[2]!);
let best = 0;
let messages = 0;
// Round 0 warms the JIT up.
for (let round = 0; round <= ROUNDS; round++) {
  const decoder = new AisDecoder({ clock: () => 0 });
  const splitter = new LineSplitter();
  let count = 0;
  const started = performance.now();
  splitter.push(bytes, (src, start, end) => {
    if (decoder.decodeRange(src, start, end, 0)?.ok) count++;
  });
  const seconds = (performance.now() - started) / 1000;
  if (round > 0) best = Math.max(best, count / seconds);
  messages = count;
}
console.log(JSON.stringify({ messages, perSecond: best, rounds: ROUNDS }));
