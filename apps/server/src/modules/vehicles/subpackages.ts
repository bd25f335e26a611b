// Subpackaged uplinks of one connection (JT/T 808-2013 §4.4.3, §8.3): packets are held until the
// message is whole, missing ones are asked for with 0x8003 after a quiet period, and the memory a
// connection may hold is bounded (the Reassembler drops the least recently active message beyond it).
import { decodeBody, type IncompleteMessage, type Packet, Reassembler } from '@jtgov/jt808';
import { DECODE_OPTIONS } from './position-rows.ts';

export interface SubpackageLimits {
  /** Quiet time after which the missing packets are requested (0x8003). */
  readonly subpackageTimeoutMs: number;
  /** Bytes of incomplete messages one connection may hold. */
  readonly maxSubpackageBytes: number;
}

export type SubpackageOutcome =
  | { readonly status: 'complete'; readonly packet: Packet }
  | { readonly status: 'pending' }
  | { readonly status: 'rejected'; readonly reason: string };

/** Requests per message before it is given up (the Reassembler then drops it). */
const MAX_REQUESTS = 3;
/** Messages assembled at once per connection. */
const MAX_MESSAGES = 4;

export class SubpackageAssembler {
  readonly #reassembler: Reassembler;
  readonly #timeoutMs: number;
  readonly #request: (missing: IncompleteMessage) => void;
  readonly #now: () => number;
  #timer: NodeJS.Timeout | undefined;

  constructor(
    limits: SubpackageLimits,
    request: (missing: IncompleteMessage) => void,
    now = () => Date.now(),
  ) {
    this.#timeoutMs = limits.subpackageTimeoutMs;
    this.#reassembler = new Reassembler({
      maxMessages: MAX_MESSAGES,
      maxBytes: limits.maxSubpackageBytes,
      requestAfterMs: limits.subpackageTimeoutMs,
      maxRequests: MAX_REQUESTS,
    });
    this.#request = request;
    this.#now = now;
  }

  /** Bytes and messages held now. */
  get held(): { messages: number; bytes: number } {
    return this.#reassembler.size;
  }

  accept(packet: Packet): SubpackageOutcome {
    if (packet.message.kind !== 'raw') return { status: 'rejected', reason: 'not a subpackage' };
    const result = this.#reassembler.accept(packet.header, packet.message.data, this.#now());
    if (result.status === 'rejected') return result;
    if (result.status === 'pending') {
      this.#arm();
      return result;
    }
    const decoded = decodeBody(result.header, result.body, DECODE_OPTIONS);
    if (!decoded.ok) return { status: 'rejected', reason: decoded.error.message };
    return { status: 'complete', packet: { header: result.header, message: decoded.message } };
  }

  close(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #arm(): void {
    if (this.#timer) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      for (const missing of this.#reassembler.overdue(this.#now()))
        if (!missing.abandoned) this.#request(missing);
      if (this.#reassembler.size.messages > 0) this.#arm();
    }, this.#timeoutMs);
    this.#timer.unref();
  }
}
