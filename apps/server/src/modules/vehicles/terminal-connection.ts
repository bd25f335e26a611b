// One terminal's TCP connection: framing, the JT/T 808 session rules and the connection's limits.
import type { Socket } from 'node:net';
import {
  decodeFrame,
  type Edition,
  encodePacket,
  Framer,
  type Header,
  type Location,
  MESSAGE_IDS,
  type Message,
  type Packet,
} from '@jtgov/jt808';
import { MAX_PLATFORM_RESPONSE_FRAME, phoneBcd, writePlatformResponseFrame } from './platform-response.ts';
import { DECODE_OPTIONS, toRow } from './position-rows.ts';
import type { WriteDone } from './position-writer.ts';
import type { PositionRow } from './positions.repository.ts';
import { SubpackageAssembler, type SubpackageLimits } from './subpackages.ts';
import type { RegisterResult, TerminalVehicle } from './terminals.service.ts';

/** 0x8001 results (JT/T 808-2013 Table 5). */
export const RESULT = { ok: 0, failed: 1, messageError: 2, unsupported: 3 } as const;

export interface ConnectionLimits extends SubpackageLimits {
  readonly maxFrameLength: number;
  readonly authTimeoutMs: number;
  readonly idleTimeoutMs: number;
  /** Sustained frames per second, and the burst allowed above it. */
  readonly framesPerSecond: number;
  readonly frameBurst: number;
  /** Frames read but not yet answered (positions awaiting durability included); reading pauses above. */
  readonly maxInFlight: number;
  /** Unsent reply bytes beyond which a client that does not read is dropped. */
  readonly maxOutboundBytes: number;
  readonly maxBadFrames: number;
  readonly maxAuthFailures: number;
  /** Accepted GNSS times: not older than this, not later than now plus maxFutureMs. */
  readonly maxAgeMs: number;
  readonly maxFutureMs: number;
}

/** What a connection asks of the gateway: the registry, the writer, the clock. */
export interface ConnectionHost {
  readonly limits: ConnectionLimits;
  now(): Date;
  register(
    conn: TerminalConnection,
    header: Header,
    message: Extract<Message, { kind: 'register' }>,
  ): Promise<{
    result: RegisterResult;
    authCode?: string;
  }>;
  authenticate(conn: TerminalConnection, header: Header, authCode: string): Promise<TerminalVehicle | null>;
  /** Calls `done` once the rows are committed (no argument) or failed (the error), in order. */
  writePositions(rows: PositionRow[], done: WriteDone): void;
  closed(conn: TerminalConnection): void;
  log(level: 'info' | 'warn', details: object, message: string): void;
}

export type CloseReason =
  | 'peer'
  | 'idle'
  | 'auth-timeout'
  | 'auth-failed'
  | 'rate-limit'
  | 'bad-frames'
  | 'frame-too-long'
  | 'slow-client'
  | 'logout'
  | 'replaced'
  | 'shutdown';

export class TerminalConnection {
  readonly socket: Socket;
  readonly #host: ConnectionHost;
  readonly #framer: Framer;
  vehicle: TerminalVehicle | null = null;
  #serial = 0;
  #tokens: number;
  #refilledAt = performance.now();
  #inFlight = 0;
  #writeBlocked = false;
  #paused = false;
  /** Replies of this turn of the event loop, sent in one write at its end. */
  #out = Buffer.allocUnsafe(1024);
  #outLength = 0;
  /** The BCD phone of 0x8001 replies, for the header phone and edition it was made for. */
  #replyPhone: { phone: string; version: Edition; bcd: Uint8Array } | undefined;
  #badFrames = 0;
  #authFailures = 0;
  #chain: Promise<void> = Promise.resolve();
  /** Frames in the chain not handled yet: while any is, later frames queue behind it. */
  #chained = 0;
  /** The header phone last checked to be the vehicle's, as the terminal writes it. */
  #ownPhone: string | undefined;
  #authTimer: NodeJS.Timeout | undefined;
  #subpackages: SubpackageAssembler | undefined;
  closeReason: CloseReason | undefined;

  constructor(socket: Socket, host: ConnectionHost) {
    this.socket = socket;
    this.#host = host;
    const { limits } = host;
    this.#framer = new Framer({ maxFrameLength: limits.maxFrameLength });
    this.#tokens = limits.frameBurst;
    socket.setNoDelay(true);
    socket.setTimeout(limits.idleTimeoutMs, () => this.close('idle'));
    this.#authTimer = setTimeout(() => this.close('auth-timeout'), limits.authTimeoutMs);
    socket.on('data', (chunk: Buffer) => this.#onData(chunk));
    socket.on('drain', () => {
      this.#writeBlocked = false;
      this.#updateFlow();
    });
    // A reset or a write to a closed peer: 'close' follows and does the cleanup.
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(this.#authTimer);
      this.#subpackages?.close();
      this.closeReason ??= 'peer';
      host.closed(this);
    });
  }

  get remote(): string {
    return `${this.socket.remoteAddress}:${this.socket.remotePort}`;
  }

  close(reason: CloseReason): void {
    if (this.closeReason) return;
    this.closeReason = reason;
    if (reason !== 'peer' && reason !== 'logout')
      this.#host.log(
        'info',
        { remote: this.remote, reason, vehicleId: this.vehicle?.id },
        'jt808 connection closed',
      );
    // Replies of this turn (the answer that made us close, say) are written out before the close.
    this.#flushReplies();
    if (reason === 'logout') this.socket.end();
    else this.socket.destroy();
  }

  /**
   * Sends the replies of this turn in one write (the acknowledgements of one committed batch, or of
   * a chunk's heartbeats): a copy, since the socket may hold it while the buffer is reused.
   */
  #flushReplies(): void {
    if (this.#outLength === 0) return;
    const bytes = Buffer.from(this.#out.subarray(0, this.#outLength));
    this.#outLength = 0;
    if (!this.socket.write(bytes)) this.#writeBlocked = true;
    if (this.socket.writableLength > this.#host.limits.maxOutboundBytes) this.close('slow-client');
    else this.#updateFlow();
  }

  /** Room for `n` more reply bytes this turn; the first reply of a turn schedules the write. */
  #reserve(n: number): void {
    if (this.#outLength === 0) process.nextTick(() => this.#flushReplies());
    if (this.#outLength + n <= this.#out.length) return;
    const grown = Buffer.allocUnsafe(Math.max(2 * this.#out.length, this.#outLength + n));
    this.#out.copy(grown, 0, 0, this.#outLength);
    this.#out = grown;
  }

  #nextSerial(): number {
    const serial = this.#serial;
    this.#serial = (serial + 1) & 0xffff;
    return serial;
  }

  /** Queues bytes for this turn's write; a client holding more unsent than allowed is dropped. */
  #queued(): void {
    if (this.socket.writableLength + this.#outLength > this.#host.limits.maxOutboundBytes)
      this.close('slow-client');
  }

  #onData(chunk: Buffer): void {
    if (this.closeReason) return;
    this.#framer.push(chunk, (event) => {
      if (this.closeReason) return;
      if (event.type === 'error') {
        if (event.error.code === 'frame-too-long') this.close('frame-too-long');
        else this.#badFrame();
        return;
      }
      if (!this.#takeToken()) {
        this.close('rate-limit');
        return;
      }
      const decoded = decodeFrame(event.frame, DECODE_OPTIONS);
      if (!decoded.ok) {
        this.#badFrame();
        return;
      }
      const { packet } = decoded;
      // Nothing handled before it still pending: a report needs no promise chain (most frames).
      if (this.#chained === 0)
        try {
          if (this.#handleNow(packet)) return;
        } catch (err) {
          this.#failed(packet.header, err);
          return;
        }
      this.#chained++;
      this.#begin();
      this.#chain = this.#chain
        .then(() => this.#handle(packet))
        .catch((err: unknown) => this.#failed(packet.header, err))
        .finally(() => {
          this.#chained--;
          this.#end();
        });
    });
  }

  #failed(header: Header, err: unknown): void {
    this.#host.log('warn', { remote: this.remote, err: String(err) }, 'jt808 message handling failed');
    this.#ack(header, RESULT.failed);
  }

  /**
   * Handles at once what needs no waiting — positions and heartbeats of the authenticated terminal,
   * unencrypted and whole — and says whether it did; anything else goes through the chain.
   */
  #handleNow(packet: Packet): boolean {
    const { header, message } = packet;
    if (header.encryption !== 0 || header.subpackage || !this.#isOwnPhone(header.phone)) return false;
    if (message.kind === 'location') this.#locations(header, [message]);
    else if (message.kind === 'locationBatch') this.#locations(header, message.items);
    else if (message.kind === 'heartbeat') this.#ack(header, RESULT.ok);
    else return false;
    return true;
  }

  /** The header's phone is the authenticated vehicle's (the last one seen is remembered). */
  #isOwnPhone(phone: string): boolean {
    if (!this.vehicle) return false;
    if (phone === this.#ownPhone) return true;
    if (normalise(phone) !== this.vehicle.phone) return false;
    this.#ownPhone = phone;
    return true;
  }

  #badFrame(): void {
    if (++this.#badFrames >= this.#host.limits.maxBadFrames) this.close('bad-frames');
  }

  #takeToken(): boolean {
    const { framesPerSecond, frameBurst } = this.#host.limits;
    const now = performance.now();
    this.#tokens = Math.min(frameBurst, this.#tokens + ((now - this.#refilledAt) * framesPerSecond) / 1000);
    this.#refilledAt = now;
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }

  #begin(): void {
    this.#inFlight++;
    this.#updateFlow();
  }

  #end(): void {
    this.#inFlight--;
    this.#updateFlow();
  }

  /** Reading stops while replies cannot be sent or too much is in flight: TCP pushes back on the terminal. */
  #updateFlow(): void {
    const pause = this.#writeBlocked || this.#inFlight >= this.#host.limits.maxInFlight;
    if (pause === this.#paused || this.closeReason) return;
    this.#paused = pause;
    if (pause) this.socket.pause();
    else this.socket.resume();
  }

  #reply(to: Header, message: Exclude<Message, { kind: 'raw' }>): void {
    if (this.closeReason) return;
    const header: Header = {
      msgId: MESSAGE_IDS[message.kind],
      version: to.version,
      phone: to.phone,
      serial: this.#nextSerial(),
      encryption: 0,
      reserved: false,
    };
    if (to.protocolVersion !== undefined) header.protocolVersion = to.protocolVersion;
    const frame = encodePacket({ header, message });
    this.#reserve(frame.length);
    this.#out.set(frame, this.#outLength);
    this.#outLength += frame.length;
    this.#queued();
  }

  /** A 0x8001 general response, encoded in place (most replies are). */
  #ack(header: Header, result: number): void {
    if (this.closeReason) return;
    let phone = this.#replyPhone;
    if (phone?.phone !== header.phone || phone.version !== header.version) {
      phone = { phone: header.phone, version: header.version, bcd: phoneBcd(header.phone, header.version) };
      this.#replyPhone = phone;
    }
    this.#reserve(MAX_PLATFORM_RESPONSE_FRAME);
    this.#outLength = writePlatformResponseFrame(
      this.#out,
      this.#outLength,
      header,
      phone.bcd,
      this.#nextSerial(),
      result,
    );
    this.#queued();
  }

  async #handle(packet: Packet): Promise<void> {
    if (this.closeReason) return;
    const { header, message } = packet;
    if (header.encryption !== 0) return this.#ack(header, RESULT.unsupported);
    if (header.subpackage) return this.#subpackage(packet);
    if (message.kind === 'register') {
      const { result, authCode } = await this.#host.register(this, header, message);
      this.#reply(header, {
        kind: 'registerResponse',
        replySerial: header.serial,
        result,
        ...(authCode !== undefined && { authCode }),
      });
      return;
    }
    if (message.kind === 'authenticate') return this.#authenticate(header, message.authCode);
    // A terminal sends nothing but registration and authentication before it is authenticated
    // (JT/T 808-2013 §5.3), and only under its own phone afterwards.
    if (!this.#isOwnPhone(header.phone)) return this.#ack(header, RESULT.failed);
    switch (message.kind) {
      case 'location':
        return this.#locations(header, [message]);
      case 'locationBatch':
        return this.#locations(header, message.items);
      case 'queryServerTime':
        this.#reply(header, { kind: 'serverTime', time: this.#host.now().toISOString() });
        return;
      case 'logout':
        this.#ack(header, RESULT.ok);
        this.close('logout');
        return;
      case 'heartbeat':
      case 'terminalResponse':
      case 'parameters':
      case 'attributes':
      case 'locationQueryResponse':
      case 'uplinkPassThrough':
        if (message.kind !== 'terminalResponse') this.#ack(header, RESULT.ok);
        return;
      default:
        return this.#ack(header, RESULT.unsupported);
    }
  }

  /**
   * Each packet is answered once: a held one at once, the one completing the message as that message
   * is (a location batch only after it is durable). Only authenticated terminals may hold memory.
   */
  async #subpackage(packet: Packet): Promise<void> {
    const { header } = packet;
    if (!this.vehicle || normalise(header.phone) !== this.vehicle.phone)
      return this.#ack(header, RESULT.failed);
    this.#subpackages ??= new SubpackageAssembler(this.#host.limits, (missing) =>
      this.#reply(missing.header, {
        kind: 'platformFragmentRequest',
        originalSerial: missing.originalSerial,
        packetIds: missing.missing,
      }),
    );
    const outcome = this.#subpackages.accept(packet);
    if (outcome.status === 'pending') return this.#ack(header, RESULT.ok);
    if (outcome.status === 'rejected') return this.#ack(header, RESULT.messageError);
    return this.#handle({
      header: { ...outcome.packet.header, serial: header.serial },
      message: outcome.packet.message,
    });
  }

  async #authenticate(header: Header, authCode: string): Promise<void> {
    const vehicle = await this.#host.authenticate(this, header, authCode);
    if (!vehicle) {
      this.#ack(header, RESULT.failed);
      if (++this.#authFailures >= this.#host.limits.maxAuthFailures) this.close('auth-failed');
      return;
    }
    this.vehicle = vehicle;
    this.#ownPhone = undefined;
    clearTimeout(this.#authTimer);
    this.#ack(header, RESULT.ok);
  }

  /**
   * Positions are acknowledged once committed. Rows without a usable time or place are not stored:
   * a report with none left is answered "message error"; a batch is answered for the rows kept.
   */
  #locations(header: Header, items: readonly Location[]): void {
    const vehicle = this.vehicle as TerminalVehicle;
    const now = this.#host.now().getTime();
    const rows: PositionRow[] = [];
    for (const item of items) {
      const row = toRow(vehicle.id, item, now, this.#host.limits);
      if (row) rows.push(row);
    }
    if (rows.length === 0) {
      this.#ack(header, RESULT.messageError);
      return;
    }
    // Not awaited: the next frame is handled while this batch is being committed; the writer
    // commits in order, so acknowledgements leave in the order reports came.
    this.#begin();
    this.#host.writePositions(rows, (err) => {
      this.#ack(header, err === undefined ? RESULT.ok : RESULT.failed);
      this.#end();
    });
  }
}

const normalise = (digits: string) => digits.replace(/^0+(?=.)/, '');
