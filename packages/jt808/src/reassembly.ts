// Subpackage reassembly (JT/T 808-2013 §4.4.3 and §8.3; 2019 §8.6). Packets of one message carry
// consecutive serials, so the first packet's serial — the "original serial" 0x8003 refers to — is
// serial - (index - 1) whichever packet arrives first. Time is passed in: the module stays pure.
import type { Header } from './header.ts';

export interface ReassemblerOptions {
  /** Largest packet count accepted for one message. */
  maxPackets?: number;
  /** Messages being assembled at once; the least recently active is dropped beyond it. */
  maxMessages?: number;
  /** Bytes held across all messages; least recently active messages are dropped beyond it. */
  maxBytes?: number;
  /** Idle time after which missing packets are requested (0x8003). */
  requestAfterMs?: number;
  /** Requests per message before it is abandoned. */
  maxRequests?: number;
}

export type ReassemblyResult =
  | { status: 'complete'; header: Header; body: Uint8Array }
  | { status: 'pending'; received: number; total: number }
  | { status: 'rejected'; reason: string };

/** A message still missing packets: answer with 0x8003 { originalSerial, packetIds: missing }. */
export interface IncompleteMessage {
  header: Header;
  originalSerial: number;
  missing: number[];
  /** True when the message was dropped after maxRequests requests. */
  abandoned: boolean;
}

interface Group {
  key: string;
  header: Header;
  originalSerial: number;
  parts: (Uint8Array | undefined)[];
  received: number;
  bytes: number;
  lastActivity: number;
  requests: number;
}

export class Reassembler {
  private readonly groups = new Map<string, Group>();
  private bytes = 0;
  private readonly maxPackets: number;
  private readonly maxMessages: number;
  private readonly maxBytes: number;
  private readonly requestAfterMs: number;
  private readonly maxRequests: number;

  constructor(options: ReassemblerOptions = {}) {
    this.maxPackets = options.maxPackets ?? 1024;
    this.maxMessages = options.maxMessages ?? 4;
    this.maxBytes = options.maxBytes ?? 1 << 20;
    this.requestAfterMs = options.requestAfterMs ?? 10_000;
    this.maxRequests = options.maxRequests ?? 3;
  }

  /** Messages being assembled and the bytes they hold. */
  get size(): { messages: number; bytes: number } {
    return { messages: this.groups.size, bytes: this.bytes };
  }

  /** Adds one packet (its header has `subpackage`; body is its raw body bytes). */
  accept(header: Header, body: Uint8Array, nowMs: number): ReassemblyResult {
    const sub = header.subpackage;
    if (!sub) return { status: 'complete', header, body };
    const { total, index } = sub;
    if (total < 1 || index < 1 || index > total)
      return { status: 'rejected', reason: `packet ${index} of ${total}` };
    if (total > this.maxPackets)
      return { status: 'rejected', reason: `${total} packets exceed ${this.maxPackets}` };
    const originalSerial = (header.serial - (index - 1)) & 0xffff;
    const key = `${header.version}|${header.phone}|${header.msgId}|${total}|${originalSerial}`;
    let group = this.groups.get(key);
    if (!group) {
      group = {
        key,
        header,
        originalSerial,
        parts: new Array(total),
        received: 0,
        bytes: 0,
        lastActivity: nowMs,
        requests: 0,
      };
      this.groups.set(key, group);
    } else {
      // Re-insert to keep the Map in order of activity (oldest first).
      this.groups.delete(key);
      this.groups.set(key, group);
    }
    group.lastActivity = nowMs;
    if (index === 1) group.header = header;
    const previous = group.parts[index - 1];
    if (previous) {
      group.bytes -= previous.length;
      this.bytes -= previous.length;
    } else group.received++;
    const part = body.slice();
    group.parts[index - 1] = part;
    group.bytes += part.length;
    this.bytes += part.length;
    if (group.received === total) {
      this.drop(group);
      const out = new Uint8Array(group.bytes);
      let o = 0;
      for (const p of group.parts) {
        out.set(p!, o);
        o += p!.length;
      }
      const { subpackage: _, ...rest } = group.header;
      return { status: 'complete', header: { ...rest, serial: originalSerial }, body: out };
    }
    this.enforceLimits(group);
    if (!this.groups.has(key)) return { status: 'rejected', reason: 'reassembly limits exceeded' };
    return { status: 'pending', received: group.received, total };
  }

  /**
   * Messages idle for requestAfterMs: each is returned with its missing packet ids so the caller can
   * send 0x8003, and counts as requested; after maxRequests it is dropped and marked abandoned.
   */
  overdue(nowMs: number): IncompleteMessage[] {
    const out: IncompleteMessage[] = [];
    for (const group of [...this.groups.values()]) {
      if (nowMs - group.lastActivity < this.requestAfterMs) continue;
      const missing: number[] = [];
      for (let i = 0; i < group.parts.length; i++) if (!group.parts[i]) missing.push(i + 1);
      const abandoned = group.requests >= this.maxRequests;
      if (abandoned) this.drop(group);
      else {
        group.requests++;
        group.lastActivity = nowMs;
      }
      out.push({ header: group.header, originalSerial: group.originalSerial, missing, abandoned });
    }
    return out;
  }

  private drop(group: Group): void {
    this.groups.delete(group.key);
    this.bytes -= group.bytes;
  }

  private enforceLimits(current: Group): void {
    for (const group of this.groups.values()) {
      if (this.groups.size <= this.maxMessages && this.bytes <= this.maxBytes) break;
      if (group !== current || this.groups.size === 1) this.drop(group);
    }
  }
}
