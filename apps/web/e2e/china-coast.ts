// Ships off the Chinese coast for the browser test's AIS replay, encoded with the decoder
// package's test encoder: a position report (type 1) and static data (type 5) per ship.
import { encodeSentences } from '../../../packages/ais/src/testing/encoder.ts';

export interface Ship {
  mmsi: number;
  name: string;
  callSign: string;
  shipType: number;
  lat: number;
  lon: number;
  speed: number;
  course: number;
}

/** An incident is opened here in the test: the first three ships are within 20 NM. */
export const DISTRESS = { lat: 30.75, lon: 122.65 };

export const SHIPS: readonly Ship[] = [
  {
    mmsi: 413000001,
    name: 'DONG HAI JIU 101',
    callSign: 'BQAA',
    shipType: 51,
    lat: 30.85,
    lon: 122.7,
    speed: 12,
    course: 200,
  },
  {
    mmsi: 412000002,
    name: 'ZHE DAI YU 02187',
    callSign: 'BZAB',
    shipType: 30,
    lat: 30.7,
    lon: 122.55,
    speed: 3.5,
    course: 90,
  },
  {
    mmsi: 477000004,
    name: 'PACIFIC TRADER',
    callSign: 'VRAC',
    shipType: 80,
    lat: 30.6,
    lon: 122.9,
    speed: 0.1,
    course: 10,
  },
  {
    mmsi: 413000003,
    name: 'COSCO XIAMEN',
    callSign: 'BOAD',
    shipType: 70,
    lat: 31.05,
    lon: 122.4,
    speed: 14,
    course: 135,
  },
  {
    mmsi: 413000005,
    name: 'BOHAI ZHENZHU',
    callSign: 'BLAE',
    shipType: 60,
    lat: 38.9,
    lon: 121.7,
    speed: 15,
    course: 300,
  },
  {
    mmsi: 413000006,
    name: 'YUE HAI TIE 1',
    callSign: 'BRAF',
    shipType: 60,
    lat: 22.2,
    lon: 113.9,
    speed: 10,
    course: 45,
  },
  {
    mmsi: 440000007,
    name: 'HANJIN BUSAN',
    callSign: 'DSAG',
    shipType: 70,
    lat: 34.5,
    lon: 124.5,
    speed: 13,
    course: 20,
  },
  {
    mmsi: 416000008,
    name: 'JIN SHENG 8',
    callSign: 'BMAH',
    shipType: 30,
    lat: 24,
    lon: 119.8,
    speed: 6,
    course: 220,
  },
];

export function nmeaLines(): string[] {
  const lines: string[] = [];
  SHIPS.forEach((s, i) => {
    lines.push(
      ...encodeSentences({
        type: 1,
        repeat: 0,
        mmsi: s.mmsi,
        status: s.speed < 0.5 ? 1 : 0,
        rot: 0,
        speed: s.speed,
        accuracy: true,
        lon: s.lon,
        lat: s.lat,
        course: s.course,
        heading: Math.round(s.course),
        second: 10,
        maneuver: 0,
        raim: false,
        radio: 0,
      }),
      ...encodeSentences(
        {
          type: 5,
          repeat: 0,
          mmsi: s.mmsi,
          aisVersion: 0,
          imoNumber: 0,
          callSign: s.callSign,
          shipName: s.name,
          shipType: s.shipType,
          toBow: 60,
          toStern: 20,
          toPort: 8,
          toStarboard: 8,
          epfd: 1,
          draught: 6.5,
          destination: 'SHANGHAI',
          dte: false,
        },
        { sequenceId: (i % 9) + 1 },
      ),
    );
  });
  return lines;
}
