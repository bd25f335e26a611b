// Payload bits -> message, by type. The accepted lengths are gpsd 3.22's (drivers/driver_ais.c):
// tolerant of the short and long variants real transmitters send, strict where a wrong length
// means line noise.
import type { PayloadBits } from '../bits.ts';
import { type Failure, failure } from '../result.ts';
import { decodeAddressedBinary, decodeBroadcastBinary } from './binary.ts';
import {
  decodeClassBExtendedReport,
  decodeClassBPositionReport,
  decodeLongRangeReport,
  decodePositionReport,
  decodeSarAircraftReport,
} from './position.ts';
import {
  decodeAidToNavigationReport,
  decodeBaseStationReport,
  decodeStaticDataPartA,
  decodeStaticDataPartB,
  decodeStaticVoyageData,
} from './static.ts';
import type { AisMessage } from './types.ts';

/** Message types this package decodes. */
export const SUPPORTED_TYPES: readonly number[] = [1, 2, 3, 4, 5, 6, 8, 9, 11, 18, 19, 21, 24, 27];

function lengthFailure(type: number, bits: number, expected: string, tooLong: boolean): Failure {
  return failure(
    tooLong ? 'too_long_payload' : 'too_short',
    `type ${type} message of ${bits} bits; expected ${expected}`,
  );
}

function atLeast(type: number, bits: PayloadBits, min: number): Failure | undefined {
  return bits.bitLength < min ? lengthFailure(type, bits.bitLength, `at least ${min}`, false) : undefined;
}

function within(type: number, bits: PayloadBits, min: number, max: number): Failure | undefined {
  if (bits.bitLength < min) return lengthFailure(type, bits.bitLength, `at least ${min}`, false);
  if (bits.bitLength > max) return lengthFailure(type, bits.bitLength, `at most ${max}`, true);
  return undefined;
}

/** Decodes one assembled payload; a failure when the type is unknown or the length is wrong. */
export function decodePayload(bits: PayloadBits): AisMessage | Failure {
  if (bits.bitLength < 38) return failure('too_short', `payload of ${bits.bitLength} bits has no header`);
  const type = bits.uint(0, 6);
  switch (type) {
    case 1:
    case 2:
    case 3:
      return atLeast(type, bits, 163) ?? decodePositionReport(bits, type);
    case 4:
    case 11:
      return atLeast(type, bits, 168) ?? decodeBaseStationReport(bits, type);
    case 5:
      return atLeast(type, bits, 420) ?? decodeStaticVoyageData(bits);
    case 6:
      return within(type, bits, 88, 1008) ?? decodeAddressedBinary(bits);
    case 8:
      return within(type, bits, 56, 1008) ?? decodeBroadcastBinary(bits);
    case 9:
      return atLeast(type, bits, 168) ?? decodeSarAircraftReport(bits);
    case 18:
      return atLeast(type, bits, 168) ?? decodeClassBPositionReport(bits);
    case 19:
      return atLeast(type, bits, 312) ?? decodeClassBExtendedReport(bits);
    case 21:
      return within(type, bits, 272, 368) ?? decodeAidToNavigationReport(bits);
    case 24: {
      const part = bits.uint(38, 2);
      if (part === 0) return within(type, bits, 160, 168) ?? decodeStaticDataPartA(bits);
      if (part === 1) return atLeast(type, bits, 168) ?? decodeStaticDataPartB(bits);
      return failure('bad_part', `type 24 part number ${part} (only 0 = A and 1 = B exist)`);
    }
    case 27:
      // 96 bits by the standard; a full 168-bit slot is a known implementation error.
      if (bits.bitLength !== 96 && bits.bitLength !== 168) {
        return lengthFailure(type, bits.bitLength, '96 or 168', bits.bitLength > 96);
      }
      return decodeLongRangeReport(bits);
    default:
      return failure('unsupported_type', `message type ${type} is not decoded`);
  }
}
