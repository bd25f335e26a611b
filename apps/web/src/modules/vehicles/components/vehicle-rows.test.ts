import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Alarm, LatestPosition } from '../types.ts';
import { alarmRows, matchesPosition, matchesType } from './vehicle-rows.ts';

const position = (
  vehicleId: number,
  plateNo: string,
  vehicleType: LatestPosition['vehicleType'],
  online: boolean,
) => ({ vehicleId, plateNo, vehicleType, online, lastSeenAt: null, speed: 50 }) as LatestPosition;

const alarm = (vehicleId: number, plateNo: string, vehicleType: string) =>
  ({ vehicleId, plateNo, vehicleType }) as Alarm;

describe('vehicle list filters', () => {
  test('两客一危 are the two coach types and dangerous goods, not heavy freight', () => {
    assert.deepEqual(
      ['charteredCoach', 'scheduledCoach', 'dangerousGoods', 'heavyFreight', 'other'].map((v) =>
        matchesType(v, 'keyVehicles'),
      ),
      [true, true, true, false, false],
    );
    assert.equal(matchesType('heavyFreight', 'heavyFreight'), true);
    assert.equal(matchesType('other', undefined), true);
  });

  test('the map keeps what the list keeps: state, type and part of the plate', () => {
    const coach = position(1, '苏A12345', 'scheduledCoach', true);
    const truck = position(2, '苏B99999', 'heavyFreight', false);
    assert.deepEqual(
      [coach, truck].map((p) => matchesPosition(p, p.vehicleId === 2, { state: 'alarm' })),
      [false, true],
    );
    assert.equal(matchesPosition(truck, false, { state: 'offline' }), true);
    assert.equal(matchesPosition(truck, false, { state: 'online' }), false);
    assert.equal(matchesPosition(coach, false, { q: 'a123' }), true);
    assert.equal(matchesPosition(coach, false, { q: 'B9' }), false);
    assert.equal(matchesPosition(coach, false, { type: 'keyVehicles', state: 'online' }), true);
  });

  test('vehicles in alarm are listed once however many alarms they have', () => {
    const rows = alarmRows(
      [
        alarm(1, '苏A12345', 'scheduledCoach'),
        alarm(1, '苏A12345', 'scheduledCoach'),
        alarm(2, '苏B99999', 'heavyFreight'),
      ],
      new Map([[1, position(1, '苏A12345', 'scheduledCoach', true)]]),
      {},
    );
    assert.deepEqual(
      rows.map((r) => [r.id, r.online, r.speed, r.inAlarm]),
      [
        [1, true, 50, true],
        [2, false, null, true],
      ],
    );
    assert.deepEqual(
      alarmRows([alarm(2, '苏B99999', 'heavyFreight')], new Map(), { type: 'keyVehicles' }),
      [],
    );
  });
});
