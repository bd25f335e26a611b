// Multi-sentence assembly. Fragments of different messages interleave in real feeds (GPSD
// AIVDM.adoc, type 24 notes), so a message is keyed by receiver talker, VDM/VDO, sequence id and
// channel; a group that does not complete within the timeout, or is pushed out by newer groups
// beyond the bound, is dropped and counted.
import { type Failure, failure } from './result.ts';

export interface AssemblerOptions {
  /** Drop a group whose first fragment is older than this (caller's clock, ms). Default 10 s. */
  readonly timeoutMs?: number;
  /** Bound on groups awaiting fragments; the oldest is dropped beyond it. Default 256. */
  readonly maxPending?: number;
  /** Bound on a group's six-bit groups (armored characters). Default 256 (1,536 bits). */
  readonly maxPayloadChars?: number;
}

export interface AssemblerCounters {
  /** Groups dropped because they timed out. */
  expired: number;
  /** Groups dropped to keep within `maxPending`. */
  evicted: number;
  /** Groups dropped because a new first fragment arrived under the same key. */
  superseded: number;
}

interface PendingGroup<T> {
  readonly count: number;
  next: number;
  readonly started: number;
  chars: number;
  readonly parts: Uint8Array[];
  readonly first: T;
}

export type AssemblyResult<T> =
  | { readonly status: 'pending' }
  | { readonly status: 'complete'; readonly parts: readonly Uint8Array[]; readonly first: T }
  | Failure;

const PENDING = { status: 'pending' } as const;

/** Assembles fragments (as six-bit value arrays) into complete payloads. */
export class FragmentAssembler<T> {
  readonly counters: AssemblerCounters = { expired: 0, evicted: 0, superseded: 0 };
  private readonly groups = new Map<number, PendingGroup<T>>();
  private readonly timeoutMs: number;
  private readonly maxPending: number;
  private readonly maxChars: number;

  constructor(options: AssemblerOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.maxPending = Math.max(1, options.maxPending ?? 256);
    this.maxChars = options.maxPayloadChars ?? 256;
  }

  get pending(): number {
    return this.groups.size;
  }

  /**
   * Adds fragment `number` of `count` under `key`. `first` is kept from the first fragment (its
   * metadata, such as a tag block) and handed back with the complete payload.
   */
  add(
    key: number,
    count: number,
    number: number,
    part: Uint8Array,
    first: T,
    now: number,
  ): AssemblyResult<T> {
    this.expire(now);
    const existing = this.groups.get(key);
    if (number === 1) {
      if (existing) {
        this.groups.delete(key);
        this.counters.superseded++;
      }
      if (part.length > this.maxChars) return tooLong(part.length);
      if (this.groups.size >= this.maxPending) {
        const oldest = this.groups.keys().next().value;
        if (oldest !== undefined) this.groups.delete(oldest);
        this.counters.evicted++;
      }
      this.groups.set(key, { count, next: 2, started: now, chars: part.length, parts: [part], first });
      return PENDING;
    }
    if (!existing) {
      return failure('orphan_fragment', `fragment ${number} of ${count} without its first fragment`);
    }
    if (existing.count !== count || existing.next !== number) {
      this.groups.delete(key);
      return failure(
        'fragment_out_of_order',
        `fragment ${number} of ${count} where ${existing.next} of ${existing.count} was expected`,
      );
    }
    existing.chars += part.length;
    if (existing.chars > this.maxChars) {
      this.groups.delete(key);
      return tooLong(existing.chars);
    }
    existing.parts.push(part);
    if (number < count) {
      existing.next++;
      return PENDING;
    }
    this.groups.delete(key);
    return { status: 'complete', parts: existing.parts, first: existing.first };
  }

  /** Drops every group older than the timeout. */
  expire(now: number): void {
    if (this.groups.size === 0) return;
    for (const [key, group] of this.groups) {
      // Insertion order is arrival order of first fragments: stop at the first young group.
      if (now - group.started <= this.timeoutMs) break;
      this.groups.delete(key);
      this.counters.expired++;
    }
  }

  /** Drops all pending groups, returning how many there were. */
  clear(): number {
    const n = this.groups.size;
    this.groups.clear();
    return n;
  }
}

function tooLong(chars: number): Failure {
  return failure('too_long_payload', `assembled payload of ${chars} characters exceeds the bound`);
}
