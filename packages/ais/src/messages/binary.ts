// Binary messages 6 (addressed) and 8 (broadcast): the application identifier (DAC, FI) and the
// raw application payload; application-specific contents are left to their consumers.
import type { PayloadBits } from '../bits.ts';
import type { AddressedBinary, BroadcastBinary } from './types.ts';

export function decodeAddressedBinary(bits: PayloadBits): AddressedBinary {
  const dataBits = bits.bitLength - 88;
  return {
    type: 6,
    repeat: bits.uint(6, 2),
    mmsi: bits.uint(8, 30),
    sequence: bits.uint(38, 2),
    destMmsi: bits.uint(40, 30),
    retransmit: bits.bit(70),
    dac: bits.uint(72, 10),
    fid: bits.uint(82, 6),
    data: bits.hex(88, dataBits),
    dataBits,
  };
}

export function decodeBroadcastBinary(bits: PayloadBits): BroadcastBinary {
  const dataBits = bits.bitLength - 56;
  return {
    type: 8,
    repeat: bits.uint(6, 2),
    mmsi: bits.uint(8, 30),
    dac: bits.uint(40, 10),
    fid: bits.uint(50, 6),
    data: bits.hex(56, dataBits),
    dataBits,
  };
}
