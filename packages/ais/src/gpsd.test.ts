// Our --gpsd rendering against what gpsdecode 3.22 printed for the reference's golden sentences
// (scaled, then -u), and gpsd's pairing of type 24 parts (its sample.aivdm collision sequence).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AisDecoder } from './decoder.ts';
import { GpsdSession, GpsdStaticDataQueue, printfFixed, toGpsdJson } from './gpsd.ts';
import type { StaticDataPartB } from './messages/types.ts';
import { REFERENCE_GOLDENS } from './testing/fixtures.ts';

const GPSDECODE_OUTPUT: Record<keyof typeof REFERENCE_GOLDENS, readonly [string, string]> = {
  type1: [
    '{"class":"AIS","device":"stdin","type":1,"repeat":0,"mmsi":371798000,"scaled":true,"status":0,"status_text":"Under way using engine","turn":"fastleft","speed":12.3,"accuracy":true,"lon":-123.395383,"lat":48.381633,"course":224.0,"heading":215,"second":33,"maneuver":0,"raim":false,"radio":34017}',
    '{"class":"AIS","device":"stdin","type":1,"repeat":0,"mmsi":371798000,"scaled":false,"status":0,"status_text":"Under way using engine","turn":-127,"speed":123,"accuracy":true,"lon":-74037230,"lat":29028980,"course":2240,"heading":215,"second":33,"maneuver":0,"raim":false,"radio":34017}',
  ],
  type5: [
    '{"class":"AIS","device":"stdin","type":5,"repeat":0,"mmsi":351759000,"scaled":true,"imo":9134270,"ais_version":0,"callsign":"3FOF8","shipname":"EVER DIADEM","shiptype":70,"shiptype_text":"Cargo - all ships of this type","to_bow":225,"to_stern":70,"to_port":1,"to_starboard":31,"epfd":1,"epfd_text":"GPS","eta":"05-15T14:00Z","draught":12.2,"destination":"NEW YORK","dte":0}',
    '{"class":"AIS","device":"stdin","type":5,"repeat":0,"mmsi":351759000,"scaled":false,"imo":9134270,"ais_version":0,"callsign":"3FOF8","shipname":"EVER DIADEM","shiptype":70,"shiptype_text":"Cargo - all ships of this type","to_bow":225,"to_stern":70,"to_port":1,"to_starboard":31,"epfd":1,"epfd_text":"GPS","eta":"05-15T14:00Z","draught":122,"destination":"NEW YORK","dte":0}',
  ],
  type9: [
    '{"class":"AIS","device":"stdin","type":9,"repeat":0,"mmsi":111265591,"scaled":true,"alt":15,"speed":0,"accuracy":false,"lon":11.881600,"lat":57.778455,"course":0.0,"second":28,"regional":0,"dte":0,"raim":false,"radio":49194}',
    '{"class":"AIS","device":"stdin","type":9,"repeat":0,"mmsi":111265591,"scaled":false,"alt":15,"speed":0,"accuracy":false,"lon":7128960,"lat":34667073,"course":0,"second":28,"regional":0,"dte":0,"raim":false,"radio":49194}',
  ],
  type18: [
    '{"class":"AIS","device":"stdin","type":18,"repeat":0,"mmsi":338087471,"scaled":true,"reserved":0,"speed":0.1,"accuracy":false,"lon":-74.072132,"lat":40.684540,"course":79.6,"heading":511,"second":49,"regional":0,"cs":true,"display":false,"dsc":true,"band":true,"msg22":true,"raim":true,"radio":917510}',
    '{"class":"AIS","device":"stdin","type":18,"repeat":0,"mmsi":338087471,"scaled":false,"reserved":0,"speed":1,"accuracy":false,"lon":-44443279,"lat":24410724,"course":796,"heading":511,"second":49,"regional":0,"cs":true,"display":false,"dsc":true,"band":true,"msg22":true,"raim":true,"radio":917510}',
  ],
  type19: [
    '{"class":"AIS","device":"stdin","type":19,"repeat":0,"mmsi":367059850,"scaled":true,"reserved":248,"speed":8.7,"accuracy":false,"lon":-88.810392,"lat":29.543695,"course":335.9,"heading":511,"second":46,"regional":4,"shipname":"CAPT.J.RIMES","shiptype":70,"shiptype_text":"Cargo - all ships of this type","to_bow":5,"to_stern":21,"to_port":4,"to_starboard":4,"epfd":1,"epfd_text":"GPS","raim":false,"dte":0,"assigned":false}',
    '{"class":"AIS","device":"stdin","type":19,"repeat":0,"mmsi":367059850,"scaled":false,"reserved":248,"speed":87,"accuracy":false,"lon":-53286235,"lat":17726217,"course":3359,"heading":511,"second":46,"regional":4,"shipname":"CAPT.J.RIMES","shiptype":70,"shiptype_text":"Cargo - all ships of this type","to_bow":5,"to_stern":21,"to_port":4,"to_starboard":4,"epfd":1,"epfd_text":"GPS","raim":false,"dte":0,"assigned":false}',
  ],
  type21: [
    '{"class":"AIS","device":"stdin","type":21,"repeat":0,"mmsi":123456789,"scaled":true,"aid_type":20,"aid_type_text":"Cardinal Mark N","name":"CHINA ROSE MURPHY EXPRESS ALERT","lon":-122.698592,"lat":47.920618,"accuracy":false,"to_bow":5,"to_stern":5,"to_port":5,"to_starboard":5,"epfd":1,"epfd_text":"GPS","second":50,"regional":165,"off_position":false,"raim":false,"virtual_aid":false}',
    '{"class":"AIS","device":"stdin","type":21,"repeat":0,"mmsi":123456789,"scaled":false,"aid_type":20,"aid_type_text":"Cardinal Mark N","name":"CHINA ROSE MURPHY EXPRESS ALERT","accuracy":false,"lon":-73619155,"lat":28752371,"to_bow":5,"to_stern":5,"to_port":5,"to_starboard":5,"epfd":1,"epfd_text":"GPS","second":50,"regional":165,"off_position":false,"raim":false,"virtual_aid":false}',
  ],
  type24: [
    '{"class":"AIS","device":"stdin","type":24,"repeat":0,"mmsi":271041815,"scaled":true,"shipname":"PROGUY","shiptype":60,"shiptype_text":"Passenger - all ships of this type","vendorid":"1D00014","model":12,"serial":199796,"callsign":"TC6163","to_bow":0,"to_stern":15,"to_port":0,"to_starboard":5}',
    '{"class":"AIS","device":"stdin","type":24,"repeat":0,"mmsi":271041815,"scaled":false,"shipname":"PROGUY","shiptype":60,"shiptype_text":"Passenger - all ships of this type","vendorid":"1D00014","model":12,"serial":199796,"callsign":"TC6163","to_bow":0,"to_stern":15,"to_port":0,"to_starboard":5}',
  ],
  type1Pyais: [
    '{"class":"AIS","device":"stdin","type":1,"repeat":0,"mmsi":366053209,"scaled":true,"status":3,"status_text":"Restricted manoeuverability","turn":0,"speed":0.0,"accuracy":false,"lon":-122.341618,"lat":37.802118,"course":219.3,"heading":1,"second":59,"maneuver":0,"raim":false,"radio":2281}',
    '{"class":"AIS","device":"stdin","type":1,"repeat":0,"mmsi":366053209,"scaled":false,"status":3,"status_text":"Restricted manoeuverability","turn":0,"speed":0,"accuracy":false,"lon":-73404971,"lat":22681271,"course":2193,"heading":1,"second":59,"maneuver":0,"raim":false,"radio":2281}',
  ],
};

const B_PART: StaticDataPartB = {
  type: 24,
  repeat: 0,
  mmsi: 0,
  part: 'B',
  shipType: 0,
  vendorId: '',
  model: 0,
  serial: 0,
  callSign: '',
  toBow: 0,
  toStern: 0,
  toPort: 0,
  toStarboard: 0,
  mothershipMmsi: undefined,
};

/** What gpsdecode prints for these lines: type 24 only as pairs of parts. */
function gpsdLines(lines: readonly string[], scaled: boolean): string[] {
  const decoder = new AisDecoder({ clock: () => 0 });
  const session = new GpsdSession({ scaled });
  const out: string[] = [];
  for (const line of lines) {
    const result = decoder.decode(line);
    const json = result?.ok ? session.render(result) : undefined;
    if (json !== undefined) out.push(json);
  }
  return out;
}

describe('toGpsdJson', () => {
  for (const [name, [scaled, unscaled]] of Object.entries(GPSDECODE_OUTPUT)) {
    it(`prints ${name} as gpsdecode -j and -u -j do`, () => {
      const lines = REFERENCE_GOLDENS[name as keyof typeof REFERENCE_GOLDENS];
      assert.deepEqual(gpsdLines(lines, true), [scaled]);
      assert.deepEqual(gpsdLines(lines, false), [unscaled]);
    });
  }

  it('names the device', () => {
    const result = new AisDecoder().decode(REFERENCE_GOLDENS.type1[0]);
    assert.ok(result?.ok);
    assert.match(toGpsdJson(result.message, { scaled: true, device: 'tcp://rx' }), /"device":"tcp:\/\/rx"/);
  });
});

describe('printfFixed', () => {
  it('rounds exact halves to even as glibc does, everything else as toFixed', () => {
    assert.equal(printfFixed(69.25, 1), '69.2');
    assert.equal(printfFixed(69.75, 1), '69.8');
    assert.equal(printfFixed(-0.25, 1), '-0.2');
    assert.equal(printfFixed(2.5, 0), '2');
    assert.equal(printfFixed(3.5, 0), '4');
    assert.equal(printfFixed(0.35, 1), '0.3', '0.35 is below the half in binary');
    assert.equal(printfFixed(-118.95, 1), '-119.0', '-118.95 is beyond the half in binary');
    assert.equal(printfFixed(123.456, 6), '123.456000');
  });
});

describe('GpsdStaticDataQueue', () => {
  it('prints only part B lines that find their part A, as gpsd does', () => {
    const lines = [
      '!AIVDM,1,1,,A,H42O55lti4hhhilD3nink000?050,0*40',
      '!AIVDM,1,1,,A,H42O3qiA8U10Tp0000000000000,2*37',
      '!AIVDM,1,1,,A,H42O0U0Lu`@Dno4000000000000,2*18',
      '!AIVDM,1,1,,A,H42Mh`lUi2hhljiI=mikk000B050,0*17',
      '!AIVDM,1,1,,A,H42O0U4Ui3hhhlmI=mmhl000H060,0*2E',
    ];
    assert.deepEqual(gpsdLines(lines, true), [
      '{"class":"AIS","device":"stdin","type":24,"repeat":0,"mmsi":271040660,"scaled":true,"shipname":"GOZDEM-1","shiptype":37,"shiptype_text":"Pleasure Craft","vendorid":"1C00045","model":12,"serial":199989,"callsign":"YM5504","to_bow":0,"to_stern":24,"to_port":0,"to_starboard":6}',
    ]);
  });

  it('holds eight part A names, the oldest overwritten first', () => {
    const queue = new GpsdStaticDataQueue();
    const a = (mmsi: number) => ({ type: 24, repeat: 0, mmsi, part: 'A', shipName: `S${mmsi}` }) as const;
    const b = (mmsi: number) => ({ ...B_PART, mmsi });
    for (let i = 1; i <= 10; i++) assert.equal(queue.accept(a(i)), undefined);
    assert.equal(queue.accept(b(1)), undefined);
    assert.equal(queue.accept(b(10))?.shipName, 'S10');
    assert.equal(queue.accept(b(10)), undefined, 'a repeated part B finds no name');
  });

  it('pairs within a channel context only: A and 1, B and 2', () => {
    const queue = new GpsdStaticDataQueue();
    const a = (mmsi: number) => ({ type: 24, repeat: 0, mmsi, part: 'A', shipName: 'X' }) as const;
    const b = (mmsi: number) => ({ ...B_PART, mmsi });
    queue.accept(a(1), 'A');
    queue.accept(a(2), 'B');
    queue.accept(a(3), undefined);
    queue.accept(a(4), 'C');
    assert.equal(queue.accept(b(1), 'B'), undefined);
    assert.equal(queue.accept(b(1), '1')?.mmsi, 1);
    assert.equal(queue.accept(b(2), '2')?.mmsi, 2);
    assert.equal(queue.accept(b(3), 'A')?.mmsi, 3);
    assert.equal(queue.accept(b(4), 'C'), undefined);
  });
});
