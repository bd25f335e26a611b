import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSentence } from './sentence.ts';
import { checksum } from './testing/encoder.ts';
import { REFERENCE_GOLDENS } from './testing/fixtures.ts';

const TYPE1 = REFERENCE_GOLDENS.type1[0];

function withChecksum(body: string): string {
  return `!${body}*${checksum(body)}`;
}

function errorCode(line: string, requireChecksum = true): string | undefined {
  const result = parseSentence(line, { requireChecksum });
  return result.ok ? undefined : result.error.code;
}

describe('parseSentence', () => {
  it('splits a single-fragment sentence into its fields', () => {
    const result = parseSentence(TYPE1);
    assert.ok(result.ok);
    assert.deepEqual(result.sentence, {
      talker: 'AI',
      ownShip: false,
      fragmentCount: 1,
      fragmentNumber: 1,
      channel: 'A',
      payload: '15RTgt0PAso;90TKcjM8h6g208CQ',
      fillBits: 0,
      hasChecksum: true,
    });
  });

  it('reads fragment count, number, sequence id and fill bits of a multi-sentence message', () => {
    const result = parseSentence(REFERENCE_GOLDENS.type5[1]);
    assert.ok(result.ok);
    assert.equal(result.sentence.fragmentCount, 2);
    assert.equal(result.sentence.fragmentNumber, 2);
    assert.equal(result.sentence.sequenceId, 1);
    assert.equal(result.sentence.fillBits, 2);
  });

  it('accepts any talker, VDO, numeric channels and no channel', () => {
    for (const [body, talker, ownShip, channel] of [
      ['BSVDM,1,1,,1,15RTgt0PAso;90TKcjM8h6g208CQ,0', 'BS', false, '1'],
      ['ABVDM,1,1,,2,15RTgt0PAso;90TKcjM8h6g208CQ,0', 'AB', false, '2'],
      ['AIVDO,1,1,,,15RTgt0PAso;90TKcjM8h6g208CQ,0', 'AI', true, undefined],
    ] as const) {
      const result = parseSentence(withChecksum(body));
      assert.ok(result.ok, body);
      assert.equal(result.sentence.talker, talker);
      assert.equal(result.sentence.ownShip, ownShip);
      assert.equal(result.sentence.channel, channel);
    }
  });

  it('parses an IEC 61162-450 tag block and checks its checksum', () => {
    const tag = 's:2573345,c:1671620143,g:1-2-73,n:12,t:hello';
    const result = parseSentence(`\\${tag}*${checksum(tag)}\\${TYPE1}`);
    assert.ok(result.ok);
    assert.deepEqual(result.sentence.tagBlock, {
      source: '2573345',
      time: 1671620143,
      group: { sentence: 1, total: 2, id: 73 },
      lineCount: 12,
      text: 'hello',
    });
    assert.equal(errorCode(`\\${tag}*00\\${TYPE1}`), 'bad_tag_block');
    assert.equal(errorCode(`\\${tag}*${checksum(tag)}${TYPE1}`), 'bad_tag_block');
    assert.ok(parseSentence(`\\c:1671620143\\${TYPE1}`).ok, 'tag block without checksum');
  });

  it('tolerates line ends, leading text and receiver fields after the checksum', () => {
    assert.ok(parseSentence(`${TYPE1}\r\n`).ok);
    assert.ok(parseSentence(`  18/05/2012 18:15:37 ${TYPE1}`).ok);
    assert.ok(parseSentence(`${TYPE1},b003669952,1241544035`).ok);
    assert.ok(parseSentence(TYPE1.replace('*4A', '*4a')).ok, 'lower-case checksum digits');
  });

  it('rejects a wrong or missing checksum, unless told to accept a missing one as gpsd does', () => {
    assert.equal(errorCode(TYPE1.replace('*4A', '*4B')), 'bad_checksum');
    assert.equal(errorCode(TYPE1.replace('*4A', '*4')), 'bad_checksum');
    const bare = TYPE1.slice(0, TYPE1.indexOf('*'));
    assert.equal(errorCode(bare), 'missing_checksum');
    assert.equal(errorCode(bare, false), undefined);
    assert.equal(errorCode(TYPE1.replace('*4A', '*4B'), false), 'bad_checksum');
  });

  it('names what is wrong with malformed lines', () => {
    const cases: [string, string][] = [
      ['', 'empty'],
      ['   \r\n', 'empty'],
      ['hello world', 'not_nmea'],
      [withChecksum('GPGGA,1,2,3,4,5,6'), 'unsupported_sentence'],
      [withChecksum('aiVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0'), 'unsupported_sentence'],
      [withChecksum('AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ'), 'bad_field'],
      [withChecksum('AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0,0'), 'bad_field'],
      [withChecksum('AIVDM,0,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0'), 'bad_field'],
      [withChecksum('AIVDM,10,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0'), 'bad_field'],
      [withChecksum('AIVDM,1,2,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0'), 'bad_field'],
      [withChecksum('AIVDM,2,1,12,A,15RTgt0PAso;90TKcjM8h6g208CQ,0'), 'bad_field'],
      [withChecksum('AIVDM,1,1,,AB,15RTgt0PAso;90TKcjM8h6g208CQ,0'), 'bad_field'],
      [withChecksum('AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,6'), 'bad_field'],
      [withChecksum('AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQx,0'), 'bad_payload'],
      [`!AIVDM,1,1,,A,${'1'.repeat(600)},0*00`, 'too_long'],
    ];
    for (const [line, code] of cases) assert.equal(errorCode(line), code, line);
  });

  it('accepts bytes as well as strings', () => {
    const result = parseSentence(new TextEncoder().encode(TYPE1));
    assert.ok(result.ok);
    assert.equal(result.sentence.payload, '15RTgt0PAso;90TKcjM8h6g208CQ');
  });
});
