// One JT/T 809 TCP connection, either end: framing, the link's edition and encryption, serials.
import { randomInt } from 'node:crypto';
import type { Socket } from 'node:net';
import {
  decodeFrame,
  type Edition,
  type EncryptionKeys,
  encodePacket,
  Framer,
  type Header,
  MESSAGE_IDS,
  type Message,
  type MessageKind,
  type Packet,
} from '@jtgov/jt809';
import type { CountTraffic } from './platform-links-traffic.ts';

export interface LinkParameters {
  edition: Edition;
  /** MSG_GNSSCENTERID of every header: the subordinate's access code. */
  gnssCenterId: number;
  /** Body encryption with these constants, or none. */
  keys: EncryptionKeys | null;
}

export type Jt809Outgoing = Exclude<Message, { kind: 'raw' }>;

/** Largest unescaped frame accepted: a 0x1203 of five 2019 locations with extras stays far below. */
const MAX_FRAME = 16 * 1024;
/** Undecodable frames tolerated before the connection is dropped. */
const MAX_BAD_FRAMES = 10;

export class Jt809Connection {
  readonly socket: Socket;
  /** Null until known: a server learns them from the login. */
  params: LinkParameters | null;
  lastReceivedAt = 0;
  #serial = 0;
  #bad = 0;
  readonly #count: CountTraffic;

  constructor(
    socket: Socket,
    params: LinkParameters | null,
    onPacket: (packet: Packet, conn: Jt809Connection) => void,
    options: { keysFor?: (header: Header) => EncryptionKeys | undefined; count?: CountTraffic } = {},
  ) {
    this.socket = socket;
    this.params = params;
    this.#count = options.count ?? (() => {});
    const framer = new Framer({ maxFrameLength: MAX_FRAME });
    socket.setNoDelay(true);
    socket.on('error', () => {});
    socket.on('data', (chunk: Buffer) => {
      let frames = 0;
      const bad = this.#bad;
      framer.push(chunk, (event) => {
        if (socket.destroyed) return;
        if (event.type === 'error') return this.#badFrame();
        const p = this.params;
        let decoded = decodeFrame(event.frame, {
          ...(p && { version: p.edition }),
          ...(p?.keys && { keys: p.keys }),
        });
        // Before the parameters are known an encrypted login can be read once its keys are found.
        if (decoded.ok && !p && decoded.packet.header.encryptFlag !== 0 && options.keysFor) {
          const keys = options.keysFor(decoded.packet.header);
          if (keys) decoded = decodeFrame(event.frame, { version: decoded.packet.header.version, keys });
        }
        if (!decoded.ok) return this.#badFrame();
        this.lastReceivedAt = Date.now();
        frames++;
        onPacket(decoded.packet, this);
      });
      // Counted after the chunk's packets were handled: a server knows the link once its login is.
      this.#count({ framesIn: frames, bytesIn: chunk.length, errors: this.#bad - bad });
    });
  }

  #badFrame(): void {
    if (++this.#bad >= MAX_BAD_FRAMES) this.socket.destroy();
  }

  get open(): boolean {
    return !this.socket.destroyed && this.socket.writable;
  }

  /** Encodes and writes; false when the connection is closed or its parameters unknown. */
  send(message: Jt809Outgoing, params: LinkParameters | null = this.params): boolean {
    if (!params || !this.open) return false;
    const header: Header = {
      msgId: MESSAGE_IDS[message.kind as MessageKind],
      version: params.edition,
      serial: this.#serial,
      gnssCenterId: params.gnssCenterId,
      protocolVersion: params.edition === '2019' ? [1, 2, 15] : [1, 0, 0],
      encryptFlag: params.keys ? 1 : 0,
      encryptKey: params.keys ? randomInt(1, 0xffffffff) : 0,
    };
    if (params.edition === '2019') header.time = Math.floor(Date.now() / 1000);
    this.#serial = (this.#serial + 1) >>> 0;
    const bytes = encodePacket({ header, message }, params.keys ?? undefined);
    this.socket.write(bytes);
    this.#count({ framesOut: 1, bytesOut: bytes.length });
    return true;
  }
}
