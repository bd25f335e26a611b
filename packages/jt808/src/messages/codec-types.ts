import type { ByteReader, ByteWriter } from '../bytes.ts';
import type { DecodeContext, Edition } from '../context.ts';

/** One message body: decode reads the whole body (the caller checks nothing is left over). */
export interface BodyCodec<M extends { kind: string }> {
  kind: M['kind'];
  msgId: number;
  decode(r: ByteReader, ctx: DecodeContext): M;
  encode(w: ByteWriter, message: M, version: Edition): void;
}
