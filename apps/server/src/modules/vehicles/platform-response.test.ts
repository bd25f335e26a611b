import assert from 'node:assert/strict';
import { test } from 'node:test';
import { encodePacket, type Header, toHex } from '@jtgov/jt808';
import fc from 'fast-check';
import { MAX_PLATFORM_RESPONSE_FRAME, phoneBcd, writePlatformResponseFrame } from './platform-response.ts';

const u16 = fc.integer({ min: 0, max: 0xffff });
const u8 = fc.integer({ min: 0, max: 0xff });
const digits = (max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: max });
/** A received header: either edition, values that need escaping included (0x7e, 0x7d). */
const header: fc.Arbitrary<Header> = fc.oneof(
  fc.record({ msgId: u16, serial: u16, phone: digits(12) }).map((h) => ({
    ...h,
    version: '2013' as const,
    encryption: 0,
    reserved: false,
  })),
  fc
    .record({
      msgId: u16,
      serial: u16,
      phone: digits(20),
      protocolVersion: fc.option(u8, { nil: undefined }),
    })
    .map(({ protocolVersion, ...h }) => ({
      ...h,
      version: '2019' as const,
      encryption: 0,
      reserved: false,
      ...(protocolVersion !== undefined && { protocolVersion }),
    })),
);

test('the in-place 0x8001 frame is byte for byte the generic encoder’s, written anywhere in a reused buffer', () => {
  const out = new Uint8Array(4 * MAX_PLATFORM_RESPONSE_FRAME).fill(0xaa);
  fc.assert(
    fc.property(
      header,
      u16,
      u8,
      fc.nat({ max: 2 * MAX_PLATFORM_RESPONSE_FRAME }),
      (to, serial, result, at) => {
        const end = writePlatformResponseFrame(out, at, to, phoneBcd(to.phone, to.version), serial, result);
        const reply: Header = {
          msgId: 0x8001,
          version: to.version,
          phone: to.phone,
          serial,
          encryption: 0,
          reserved: false,
          ...(to.protocolVersion !== undefined && { protocolVersion: to.protocolVersion }),
        };
        const expected = encodePacket({
          header: reply,
          message: { kind: 'platformResponse', replySerial: to.serial, replyId: to.msgId, result },
        });
        assert.equal(toHex(out.subarray(at, end)), toHex(expected));
        assert.ok(end - at <= MAX_PLATFORM_RESPONSE_FRAME);
      },
    ),
    { numRuns: 3000 },
  );
});
