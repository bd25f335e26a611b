import type { ByteReader, ByteWriter } from '@jtgov/jt808';
import type { DecodeContext } from '../context.ts';
import type { Edition } from '../header.ts';

/** One message body: decode reads the whole body (the caller checks nothing is left over). */
export interface BodyCodec<M extends { kind: string }> {
  kind: M['kind'];
  msgId: number;
  decode(r: ByteReader, ctx: DecodeContext): M;
  encode(w: ByteWriter, message: M, version: Edition): void;
}
