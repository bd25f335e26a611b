// Framing (JT/T 808-2013 §4.4.1): 0x7e | content | 0x7e, where content = header | body | checksum
// with 0x7e sent as 0x7d 0x02 and 0x7d as 0x7d 0x01. Sending escapes after the checksum; receiving
// unescapes before verifying it.
import type { Jt808Error } from './context.ts';

const FLAG = 0x7e;
const ESC = 0x7d;

/** XOR of content[start..end) — the checksum covers header and body, unescaped (§4.4.4). */
export function xorChecksum(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let x = 0;
  for (let i = start; i < end; i++) x ^= bytes[i]!;
  return x;
}

/** Wraps unescaped content (header, body, checksum) into a frame with flags. */
export function escapeFrame(content: Uint8Array): Uint8Array {
  let extra = 0;
  for (let i = 0; i < content.length; i++) if (content[i] === FLAG || content[i] === ESC) extra++;
  const out = new Uint8Array(content.length + extra + 2);
  out[0] = FLAG;
  let o = 1;
  for (let i = 0; i < content.length; i++) {
    const b = content[i]!;
    if (b === FLAG) {
      out[o++] = ESC;
      out[o++] = 0x02;
    } else if (b === ESC) {
      out[o++] = ESC;
      out[o++] = 0x01;
    } else out[o++] = b;
  }
  out[o] = FLAG;
  return out;
}

export type FramerEvent = { type: 'frame'; frame: Uint8Array } | { type: 'error'; error: Jt808Error };

export interface FramerOptions {
  /** Largest unescaped content accepted; a 1023-byte body with a 2019 subpackage header is 1045. */
  maxFrameLength?: number;
}

export const DEFAULT_MAX_FRAME_LENGTH = 4096;

/**
 * Incremental framer for a TCP stream: frames split or merged at any byte, junk before a frame,
 * a lone 0x7d at the end of a chunk carried to the next. Memory is bounded by maxFrameLength, and no
 * buffer is held unless a frame spans chunks.
 *
 * Emitted frames are unescaped content without flags. A frame that arrives whole inside one chunk
 * without escapes is a view of that chunk (no copy): do not reuse the chunk while frames are alive.
 */
export class Framer {
  readonly maxFrameLength: number;
  /** Bytes skipped outside frames since creation. */
  junkBytes = 0;
  frames = 0;
  errors = 0;
  private inFrame = false;
  private escaping = false;
  private discarding = false;
  private buf: Uint8Array = new Uint8Array(0);
  private len = 0;
  /** Index of the next 0x7d in the chunk being pushed (its length when none), found natively. */
  private nextEsc = 0;

  constructor(options: FramerOptions = {}) {
    this.maxFrameLength = options.maxFrameLength ?? DEFAULT_MAX_FRAME_LENGTH;
  }

  /** Bytes held for a frame that has not ended yet. */
  get bufferedBytes(): number {
    return this.len;
  }

  push(chunk: Uint8Array, sink: (event: FramerEvent) => void): void {
    const n = chunk.length;
    let i = 0;
    this.nextEsc = -1;
    while (i < n) {
      if (!this.inFrame) {
        const start = chunk.indexOf(FLAG, i);
        if (start < 0) {
          this.junkBytes += n - i;
          return;
        }
        this.junkBytes += start - i;
        i = start + 1;
        this.inFrame = true;
        this.len = 0;
        this.escaping = false;
        this.discarding = false;
      }
      if (this.len === 0 && !this.escaping && !this.discarding) {
        const end = chunk.indexOf(FLAG, i);
        if (end === i) {
          // "7e 7e": the first flag ended a frame we never saw the start of; this one opens the next.
          i++;
          continue;
        }
        if (end > i) {
          this.emitWhole(chunk, i, end, sink);
          this.inFrame = false;
          i = end + 1;
          continue;
        }
      }
      i = this.consume(chunk, i, sink);
    }
  }

  /** At end of stream: reports a frame that started but never ended, and resets. */
  end(sink: (event: FramerEvent) => void): void {
    if (this.inFrame && !this.discarding && (this.len > 0 || this.escaping))
      this.fail(sink, 'incomplete-frame', `stream ended inside a frame (${this.len} bytes)`);
    this.inFrame = false;
    this.len = 0;
    this.escaping = false;
    this.discarding = false;
  }

  private fail(sink: (event: FramerEvent) => void, code: Jt808Error['code'], message: string): void {
    this.errors++;
    sink({ type: 'error', error: { code, message } });
  }

  /** A frame that starts and ends inside one chunk. */
  private emitWhole(chunk: Uint8Array, start: number, end: number, sink: (event: FramerEvent) => void): void {
    if (this.nextEsc < start) {
      const found = chunk.indexOf(ESC, start);
      this.nextEsc = found < 0 ? chunk.length : found;
    }
    const esc = this.nextEsc < end ? this.nextEsc : -1;
    if (esc < 0) {
      if (end - start > this.maxFrameLength) {
        this.fail(sink, 'frame-too-long', `frame of ${end - start} bytes exceeds ${this.maxFrameLength}`);
        return;
      }
      this.frames++;
      sink({ type: 'frame', frame: chunk.subarray(start, end) });
      return;
    }
    const out = new Uint8Array(end - start);
    out.set(chunk.subarray(start, esc));
    let o = esc - start;
    for (let k = esc; k < end; k++) {
      const b = chunk[k]!;
      if (b !== ESC) {
        out[o++] = b;
        continue;
      }
      const next = k + 1 < end ? chunk[k + 1] : FLAG;
      if (next !== 0x01 && next !== 0x02) {
        this.fail(sink, 'invalid-escape', `0x7d followed by 0x${(next ?? 0).toString(16).padStart(2, '0')}`);
        return;
      }
      out[o++] = next === 0x01 ? ESC : FLAG;
      k++;
    }
    if (o > this.maxFrameLength) {
      this.fail(sink, 'frame-too-long', `frame of ${o} bytes exceeds ${this.maxFrameLength}`);
      return;
    }
    this.frames++;
    sink({ type: 'frame', frame: out.subarray(0, o) });
  }

  /** Byte by byte until the closing flag or the end of the chunk; returns the next index. */
  private consume(chunk: Uint8Array, from: number, sink: (event: FramerEvent) => void): number {
    const n = chunk.length;
    for (let i = from; i < n; i++) {
      let b = chunk[i]!;
      if (b === FLAG) {
        if (this.discarding) {
          this.inFrame = false;
          this.discarding = false;
          this.len = 0;
          return i + 1;
        }
        if (this.escaping) {
          this.escaping = false;
          this.inFrame = false;
          this.len = 0;
          this.fail(sink, 'invalid-escape', '0x7d followed by the 0x7e flag');
          return i + 1;
        }
        if (this.len === 0) continue;
        const frame = this.buf.slice(0, this.len);
        this.len = 0;
        this.inFrame = false;
        this.frames++;
        sink({ type: 'frame', frame });
        return i + 1;
      }
      if (this.discarding) continue;
      if (this.escaping) {
        this.escaping = false;
        if (b === 0x01) b = ESC;
        else if (b === 0x02) b = FLAG;
        else {
          this.discarding = true;
          this.len = 0;
          this.fail(sink, 'invalid-escape', `0x7d followed by 0x${b.toString(16).padStart(2, '0')}`);
          continue;
        }
      } else if (b === ESC) {
        this.escaping = true;
        continue;
      }
      if (this.len >= this.maxFrameLength) {
        this.discarding = true;
        this.len = 0;
        this.fail(sink, 'frame-too-long', `frame exceeds ${this.maxFrameLength} bytes`);
        continue;
      }
      if (this.len === this.buf.length) {
        const next = new Uint8Array(Math.min(this.maxFrameLength, Math.max(64, this.buf.length * 2)));
        next.set(this.buf);
        this.buf = next;
      }
      this.buf[this.len++] = b;
    }
    return n;
  }
}
