import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { vehicleListQuery } from '../api/vehicle-query.ts';
import type { LatestPosition, Vehicle } from '../types.ts';
import { matchesPosition, matchesType, registryRow } from './vehicle-rows.ts';

const position = (
  vehicleId: number,
  plateNo: string,
  vehicleType: LatestPosition['vehicleType'],
  online: boolean,
) => ({ vehicleId, plateNo, vehicleType, online, lastSeenAt: null, speed: 50 }) as LatestPosition;

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

  test('the list asks the server for vehicles in alarm, online or offline', () => {
    assert.deepEqual(
      (['alarm', 'online', 'offline', undefined] as const).map((state) => {
        const q = vehicleListQuery({ state });
        return [q.inAlarm, q.online];
      }),
      [
        [true, undefined],
        [undefined, true],
        [undefined, false],
        [undefined, undefined],
      ],
    );
    assert.deepEqual(vehicleListQuery({ type: 'keyVehicles' }).keyVehicles, true);
  });

  test('a row of the in-alarm page is in alarm even when the map has not marked it', () => {
    const v = {
      id: 7,
      plateNo: '苏A12345',
      vehicleType: 'scheduledCoach',
      online: true,
      lastSeenAt: null,
    } as Vehicle;
    assert.equal(registryRow(v, new Set(), new Map(), true).inAlarm, true);
    assert.equal(registryRow(v, new Set(), new Map()).inAlarm, false);
    assert.equal(registryRow(v, new Set([7]), new Map()).inAlarm, true);
  });
});
