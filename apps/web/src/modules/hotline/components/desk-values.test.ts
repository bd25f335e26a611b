import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { toTicketBody } from './desk-values.ts';

describe('the agent desk form as an intake body', () => {
  test('empty inputs are left out; the phone loses its spaces; fields are trimmed', () => {
    assert.deepEqual(
      toTicketBody({
        requestType: 'complaint',
        categoryCode: '0301',
        fields: { plateNo: ' 苏A·T1234 ', busLine: '  ', other: undefined },
        description: ' 拒载 ',
        locationText: '  ',
        requesterName: '',
        requesterPhone: '139 1234-5678',
      }),
      {
        requestType: 'complaint',
        categoryCode: '0301',
        fields: { plateNo: '苏A·T1234' },
        description: '拒载',
        requesterPhone: '13912345678',
      },
    );
  });

  test('a position goes only as a pair', () => {
    const base = { requestType: 'inquiry' as const, categoryCode: '0303', description: 'x' };
    assert.equal('lat' in toTicketBody({ ...base, lat: 32.05, lon: null }), false);
    assert.deepEqual(
      [
        toTicketBody({ ...base, lat: 0, lon: 118.78 }).lat,
        toTicketBody({ ...base, lat: 0, lon: 118.78 }).lon,
      ],
      [0, 118.78],
      'zero is a coordinate, not a missing one',
    );
    assert.equal(toTicketBody({ ...base, regionOrgId: 1128 }).regionOrgId, 1128);
  });
});
