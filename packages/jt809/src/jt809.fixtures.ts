// JT/T 809 test vectors from shared/reference/protocols.md §2 (all from SmallChi/JT809).
import assert from 'node:assert/strict';
import { fromHex } from '@jtgov/jt808';
import { type DecodeOptions, decodeFrame, type Packet } from './codec.ts';
import { Framer } from './frame.ts';

export const GOLDEN = {
  /** JT809_0x1001Test: 2011 login, SN 133, access code 20141013, v1.0.0, key 9999. */
  m1001:
    '5B' +
    '00000048' +
    '00000085' +
    '1001' +
    '013353D5' +
    '010000' +
    '00' +
    '0000270F' +
    '0133EFB8' +
    '3230313830393230' +
    `3132372E302E302E31${'00'.repeat(23)}0329` +
    'C30D' +
    '5D',
  /** README "举个栗子1": 0x9400/0x9401 with two 5a 01 escapes, 146 bytes unescaped, CRC BA D8. */
  m9400:
    '5B000000920000068294000133EFB8010000000000270FD4C1413132333435000000000000000000000000000294010000005C01000200000000' +
    '5A01AC3F40123FFAA1000000005A01AC4D5003736D616C6C636869000000000000000031323334353637383930310000000000000000003132' +
    '33343536407171' +
    '2E636F6D00000000000000000000000000000000000000BAD85D',
  /** JT809_0x1102Test (2019): UP_MANAGE_MSG_RSP, access code 10086, header time 2020-07-08 09:46:44
   * UTC; DATA_TYPE 0x1102, DATA_LENGTH 36, platform "3000012345", start = end = the header time,
   * 0 lost, 10 breaks, 30 s down. */
  m1102:
    '5B0000004C000000011102000027660000000000000000000000005F059604' +
    '1102000000243330303030313233343500000000005F059604000000005F059604000000000A0000001E' +
    '17B45D',
} as const;

/** Statistics bodies (SmallChi/JT809 JT809_0x9101Test, Jt809_0x9102Test). */
export const STATISTICS = {
  /** 10,000 locations from 1537513862 to 1537531862 (2018-09-21 07:11:02-12:11:02 UTC). */
  m9101: '00002710000000005BA49986000000005BA4DFD6',
  /** Its DATA_TYPE is 0x2766 (10086), not 0x9102; platform "10010", 2011-11-11 03:11:11 UTC twice. */
  m9102: '27660000001B3130303130000000000000000000004EBC924F000000004EBC924F',
} as const;

/** Sub-business bodies (JT809_0x1200_0x1202Test). */
export const GNSS = {
  /** 2011: 2012-07-19 15:15:15, lon 133.123456, lat 24.123456, 50/51 km/h, 150 km, dir 45, alt 45. */
  m1202_2011: '00130707DC0F0F0F07EF4D80017018400032003300000096002D002D0000000300000101',
  /** 2019 Test_2019_4: encrypted flag, a JT/T 808 0x0200 body of 38 bytes, three platform alarms. */
  m1202_2019:
    '0100000026000000010000000200BA7F0E07E4F11C0028003C0000180715101010010400000064020200373131313131313131313131' +
    '00000001323232323232323232323200000002333333333333333333333300000003',
  /** 2019 Test_2019_2: empty GNSS_DATA. */
  m1202_2019Empty:
    '0100000000313131313131313131313100000001323232323232323232323200000002333333333333333333333300000003',
} as const;

/** The encryption vector of JT809EncryptTest. */
export const ENCRYPTION = {
  keys: { m1: 30_000_000, ia1: 20_000_000, ic1: 20_000_000 },
  key: 256178,
  plain: '01020304050607',
  cipher: 'D34C7078A73A41',
} as const;

export function contentOf(frameHex: string): Uint8Array {
  const frames: Uint8Array[] = [];
  new Framer().push(fromHex(frameHex)!, (e) => {
    if (e.type === 'frame') frames.push(e.frame);
  });
  assert.equal(frames.length, 1, `one frame in ${frameHex}`);
  return frames[0]!;
}

export function decodeHex(frameHex: string, options?: DecodeOptions): Packet {
  const result = decodeFrame(contentOf(frameHex), options);
  if (!result.ok) assert.fail(`${result.error.code}: ${result.error.message}`);
  return result.packet;
}
