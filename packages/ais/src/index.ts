// @jtgov/ais — AIS over NMEA 0183 (!AIVDM/!AIVDO): framing, assembly, decoding, gpsd JSON.
export { type AssemblerCounters, type AssemblerOptions, FragmentAssembler } from './assembler.ts';
export {
  AisDecoder,
  type Decoded,
  type DecodeResult,
  type DecoderCounters,
  type DecoderOptions,
  decodeText,
} from './decoder.ts';
export {
  type GpsdOptions,
  GpsdSession,
  GpsdStaticDataQueue,
  gpsdChannelContext,
  printfFixed,
  toGpsdJson,
} from './gpsd.ts';
export { LineSplitter } from './lines.ts';
export { decodePayload, SUPPORTED_TYPES } from './messages/decode.ts';
export { isAuxiliaryCraft } from './messages/static.ts';
export type * from './messages/types.ts';
export { pairStaticData, StaticDataPairing } from './pairing.ts';
export type { AisError, AisErrorCode, Failure } from './result.ts';
export {
  MAX_LINE_LENGTH,
  parseSentence,
  type ScanOptions,
  type Sentence,
  type SentenceResult,
  type TagBlock,
} from './sentence.ts';
