// Lines from a byte stream cut at arbitrary points (TCP, pipes, files), without copying lines that
// lie inside one chunk and with a bound on what is carried between chunks.
import { MAX_LINE_LENGTH } from './sentence.ts';

export type LineHandler = (src: Uint8Array, start: number, end: number) => void;

const LF = 10;

export class LineSplitter {
  private readonly carry: Uint8Array;
  private carried = 0;

  /** Lines longer than `maxLineLength` are passed on cut to `maxLineLength + 1` bytes. */
  constructor(maxLineLength = MAX_LINE_LENGTH) {
    this.carry = new Uint8Array(maxLineLength + 1);
  }

  /** Hands every line completed by `chunk` to `onLine` (without its '\n'); keeps the rest. */
  push(chunk: Uint8Array, onLine: LineHandler): void {
    let at = 0;
    for (;;) {
      const lf = chunk.indexOf(LF, at);
      if (lf < 0) break;
      if (this.carried > 0) {
        this.append(chunk, at, lf);
        const n = this.carried;
        this.carried = 0;
        onLine(this.carry, 0, n);
      } else {
        onLine(chunk, at, lf);
      }
      at = lf + 1;
    }
    if (at < chunk.length) this.append(chunk, at, chunk.length);
  }

  /** Hands over the last line when the input did not end with '\n'. */
  end(onLine: LineHandler): void {
    if (this.carried === 0) return;
    const n = this.carried;
    this.carried = 0;
    onLine(this.carry, 0, n);
  }

  private append(chunk: Uint8Array, start: number, end: number): void {
    const room = this.carry.length - this.carried;
    const take = Math.min(room, end - start);
    if (take > 0) {
      this.carry.set(chunk.subarray(start, start + take), this.carried);
      this.carried += take;
    }
  }
}
