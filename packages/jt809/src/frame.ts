// Framing (JT/T 809-2011 §5.2): 0x5b | header | body | CRC WORD | 0x5d. Between the flags 0x5b is
// sent as 5a 01, 0x5a as 5a 02, 0x5d as 5e 01 and 0x5e as 5e 02.

const BEGIN = 0x5b;
const END = 0x5d;
const ESC_A = 0x5a;
const ESC_E = 0x5e;

export interface FramerError {
  code: 'invalid-escape' | 'frame-too-long' | 'incomplete-frame';
  message: string;
}

export type FramerEvent = { type: 'frame'; frame: Uint8Array } | { type: 'error'; error: FramerError };

export interface FramerOptions {
  /** Largest unescaped content (between the flags) accepted. */
  maxFrameLength?: number;
}

export const DEFAULT_MAX_FRAME_LENGTH = 64 * 1024;

/** Wraps unescaped content (header, body, CRC) in flags, escaped. */
export function escapeFrame(content: Uint8Array): Uint8Array {
  let extra = 0;
  for (const b of content) if (b === BEGIN || b === ESC_A || b === END || b === ESC_E) extra++;
  const out = new Uint8Array(content.length + extra + 2);
  out[0] = BEGIN;
  let o = 1;
  for (const b of content) {
    if (b === BEGIN || b === ESC_A) {
      out[o++] = ESC_A;
      out[o++] = b === BEGIN ? 0x01 : 0x02;
    } else if (b === END || b === ESC_E) {
      out[o++] = ESC_E;
      out[o++] = b === END ? 0x01 : 0x02;
    } else out[o++] = b;
  }
  out[o] = END;
  return out;
}

const special = (b: number) => b === BEGIN || b === END || b === ESC_A || b === ESC_E;

/**
 * Incremental framer for a JT/T 809 TCP stream: frames split or merged at any byte, junk outside
 * frames skipped, an escape byte at the end of a chunk carried over, memory bounded by
 * maxFrameLength. Emitted frames are unescaped content without flags; one that arrives whole and
 * unescaped inside a chunk is a view of that chunk.
 */
export class Framer {
  readonly maxFrameLength: number;
  junkBytes = 0;
  frames = 0;
  errors = 0;
  private inFrame = false;
  /** The escape byte seen last (0x5a or 0x5e), or 0. */
  private escape = 0;
  private discarding = false;
  private buf: Uint8Array = new Uint8Array(0);
  private len = 0;

  constructor(options: FramerOptions = {}) {
    this.maxFrameLength = options.maxFrameLength ?? DEFAULT_MAX_FRAME_LENGTH;
  }

  get bufferedBytes(): number {
    return this.len;
  }

  push(chunk: Uint8Array, sink: (event: FramerEvent) => void): void {
    const n = chunk.length;
    let i = 0;
    while (i < n) {
      if (!this.inFrame) {
        const start = chunk.indexOf(BEGIN, i);
        if (start < 0) {
          this.junkBytes += n - i;
          return;
        }
        this.junkBytes += start - i;
        this.open();
        i = start + 1;
      }
      if (this.len === 0 && this.escape === 0 && !this.discarding) {
        let k = i;
        while (k < n && !special(chunk[k]!)) k++;
        if (k < n && chunk[k] === END) {
          this.emit(sink, chunk.subarray(i, k));
          this.inFrame = false;
          i = k + 1;
          continue;
        }
      }
      i = this.consume(chunk, i, sink);
    }
  }

  end(sink: (event: FramerEvent) => void): void {
    if (this.inFrame && !this.discarding && (this.len > 0 || this.escape !== 0))
      this.fail(sink, 'incomplete-frame', `stream ended inside a frame (${this.len} bytes)`);
    this.inFrame = false;
    this.len = 0;
  }

  private open(): void {
    this.inFrame = true;
    this.len = 0;
    this.escape = 0;
    this.discarding = false;
  }

  private fail(sink: (event: FramerEvent) => void, code: FramerError['code'], message: string): void {
    this.errors++;
    sink({ type: 'error', error: { code, message } });
  }

  private emit(sink: (event: FramerEvent) => void, frame: Uint8Array): void {
    if (frame.length === 0) return;
    if (frame.length > this.maxFrameLength) {
      this.fail(sink, 'frame-too-long', `frame of ${frame.length} bytes exceeds ${this.maxFrameLength}`);
      return;
    }
    this.frames++;
    sink({ type: 'frame', frame });
  }

  private consume(chunk: Uint8Array, from: number, sink: (event: FramerEvent) => void): number {
    const n = chunk.length;
    for (let i = from; i < n; i++) {
      let b = chunk[i]!;
      if (b === BEGIN) {
        // A new frame starts before the last one ended: the last one was cut short.
        if (!this.discarding && (this.len > 0 || this.escape !== 0))
          this.fail(sink, 'incomplete-frame', `frame cut short after ${this.len} bytes`);
        this.open();
        return i + 1;
      }
      if (b === END) {
        if (this.escape !== 0 && !this.discarding)
          this.fail(sink, 'invalid-escape', 'escape byte before 0x5d');
        else if (!this.discarding) this.emit(sink, this.buf.slice(0, this.len));
        this.inFrame = false;
        this.len = 0;
        this.escape = 0;
        return i + 1;
      }
      if (this.discarding) continue;
      if (this.escape !== 0) {
        const esc = this.escape;
        this.escape = 0;
        if (b === 0x01) b = esc === ESC_A ? BEGIN : END;
        else if (b === 0x02) b = esc;
        else {
          this.discard(
            sink,
            'invalid-escape',
            `0x${esc.toString(16)} followed by 0x${b.toString(16).padStart(2, '0')}`,
          );
          continue;
        }
      } else if (b === ESC_A || b === ESC_E) {
        this.escape = b;
        continue;
      }
      if (this.len >= this.maxFrameLength) {
        this.discard(sink, 'frame-too-long', `frame exceeds ${this.maxFrameLength} bytes`);
        continue;
      }
      if (this.len === this.buf.length) {
        const next = new Uint8Array(Math.min(this.maxFrameLength, Math.max(128, this.buf.length * 2)));
        next.set(this.buf);
        this.buf = next;
      }
      this.buf[this.len++] = b;
    }
    return n;
  }

  private discard(sink: (event: FramerEvent) => void, code: FramerError['code'], message: string): void {
    this.discarding = true;
    this.len = 0;
    this.fail(sink, code, message);
  }
}
