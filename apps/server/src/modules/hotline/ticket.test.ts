import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { WorkingCalendar } from '../../platform/calendar/index.ts';
import { apply } from '../../platform/workflow/index.ts';
import { hubOf } from './dispatch.service.ts';
import { SEED_CATEGORIES } from './reference-data.ts';
import {
  cardOf,
  formatTicketNo,
  normalisePlate,
  sampledForCallback,
  type TicketGuardView,
  ticketWorkflow,
  validateFields,
} from './ticket.ts';

const view = (over: Partial<TicketGuardView> = {}): TicketGuardView => ({
  sendBackCount: 0,
  maxSendBacks: 2,
  extensionCount: 0,
  maxExtensions: 1,
  handlingDue: new Date('2026-12-11T15:59:59.999Z'),
  now: new Date('2026-12-01T02:00:00Z'),
  kbArticleId: null,
  pendingCallbacks: 0,
  citizenRequestCount: 0,
  ...over,
});
const actor = (...permissions: string[]) => ({
  userId: 1,
  username: 'u',
  orgPath: '/1/',
  permissions: new Set(permissions) as never,
});

describe('callback sampling', () => {
  test('the same ticket number always gives the same answer', () => {
    for (const no of ['20261127000001', '20261127000002', '20250124000777'])
      assert.equal(sampledForCallback(no, 100), sampledForCallback(no, 100));
  });
  test('all, none, and the share holds over many tickets', () => {
    const nos = Array.from({ length: 20_000 }, (_, i) => formatTicketNo('2026-11-27', i + 1));
    assert.ok(nos.every((n) => sampledForCallback(n, 1000)));
    assert.ok(nos.every((n) => !sampledForCallback(n, 0)));
    for (const permille of [100, 300, 500]) {
      const share = nos.filter((n) => sampledForCallback(n, permille)).length / nos.length;
      assert.ok(Math.abs(share - permille / 1000) < 0.015, `${permille}‰ sampled ${share}`);
    }
  });
  test('a larger share picks a superset', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999_999 }), fc.integer({ min: 0, max: 999 }), (seq, p) => {
        const no = formatTicketNo('2026-01-01', seq);
        if (sampledForCallback(no, p)) assert.ok(sampledForCallback(no, p + 1));
      }),
    );
  });
});

describe('cards', () => {
  const cal = new WorkingCalendar([{ date: '2026-10-01', kind: 'holiday', name: '国庆节' }]);
  const left = (today: Date, due: Date) =>
    cal.workingDaysBetween(
      new Date(today.getTime() + 8 * 3_600_000).toISOString().slice(0, 10),
      new Date(due.getTime() + 8 * 3_600_000).toISOString().slice(0, 10),
    );
  const due = new Date('2026-12-11T15:59:59.999Z'); // Friday, end of day in Beijing
  test('none two working days before, yellow the day before and on the day, red after', () => {
    assert.equal(cardOf(due, new Date('2026-12-09T12:00:00+08:00'), left), 'none');
    assert.equal(cardOf(due, new Date('2026-12-10T00:00:00+08:00'), left), 'yellow');
    assert.equal(cardOf(due, new Date('2026-12-11T23:59:00+08:00'), left), 'yellow');
    assert.equal(cardOf(due, new Date('2026-12-12T00:00:00+08:00'), left), 'red');
  });
  test('a weekend before a Monday deadline: yellow from Friday', () => {
    const monday = new Date('2026-12-14T15:59:59.999Z');
    assert.equal(cardOf(monday, new Date('2026-12-11T09:00:00+08:00'), left), 'yellow');
    assert.equal(cardOf(monday, new Date('2026-12-10T09:00:00+08:00'), left), 'none');
  });
  test('a stopped clock keeps red if it stopped late, else none', () => {
    const late = new Date('2026-12-12T09:00:00+08:00');
    assert.equal(cardOf(due, late, left, late), 'red');
    const early = new Date('2026-12-11T09:00:00+08:00');
    assert.equal(cardOf(due, late, left, early), 'none');
  });
});

describe('guards of the ticket workflow', () => {
  const run = (state: string, action: string, v: TicketGuardView, ...perms: string[]) =>
    apply(ticketWorkflow, {
      state: state as never,
      action: action as never,
      actor: actor(...perms),
      entity: v,
    });
  test('send-back: capped and only inside the handling deadline', () => {
    assert.equal(run('in_progress', 'sendBack', view(), 'hotline.handle').ok, true);
    assert.deepEqual(run('in_progress', 'sendBack', view({ sendBackCount: 2 }), 'hotline.handle'), {
      ok: false,
      reason: 'send_back_cap_reached',
    });
    assert.deepEqual(
      run('in_progress', 'sendBack', view({ now: new Date('2026-12-12T00:00:00Z') }), 'hotline.handle'),
      { ok: false, reason: 'handling_deadline_passed' },
    );
    assert.deepEqual(run('in_progress', 'sendBack', view(), 'hotline.intake'), {
      ok: false,
      reason: 'not_permitted',
    });
  });
  test('extension: capped per type, before the deadline; instant answer needs an article', () => {
    assert.equal(run('in_progress', 'requestExtension', view(), 'hotline.handle').ok, true);
    assert.deepEqual(run('in_progress', 'requestExtension', view({ extensionCount: 1 }), 'hotline.handle'), {
      ok: false,
      reason: 'extension_cap_reached',
    });
    assert.deepEqual(run('draft', 'instantAnswer', view(), 'hotline.intake'), {
      ok: false,
      reason: 'kb_article_required',
    });
    assert.equal(run('draft', 'instantAnswer', view({ kbArticleId: 7 }), 'hotline.intake').ok, true);
  });
  test('waiting for the citizen: the unit asks while handling or re-handling, before its deadline, at most twice; any answer resumes', () => {
    assert.deepEqual(run('in_progress', 'askCitizen', view(), 'hotline.handle'), {
      ok: true,
      from: 'in_progress',
      to: 'awaiting_citizen',
    });
    assert.deepEqual(run('in_progress', 'askCitizen', view({ citizenRequestCount: 2 }), 'hotline.handle'), {
      ok: false,
      reason: 'citizen_request_cap_reached',
    });
    assert.deepEqual(
      run('in_progress', 'askCitizen', view({ now: new Date('2026-12-12T00:00:00Z') }), 'hotline.handle'),
      { ok: false, reason: 'handling_deadline_passed' },
    );
    assert.deepEqual(run('in_progress', 'askCitizen', view(), 'hotline.intake'), {
      ok: false,
      reason: 'not_permitted',
    });
    assert.deepEqual(run('rehandling', 'askCitizen', view(), 'hotline.handle'), {
      ok: true,
      from: 'rehandling',
      to: 'awaiting_citizen',
    });
    for (const from of ['dispatched', 'replied', 'awaiting_citizen', 'extension_requested'] as const)
      assert.equal(run(from, 'askCitizen', view(), 'hotline.handle').ok, false, from);
    assert.equal(run('awaiting_citizen', 'citizenAnswered', view()).ok, true, 'the public answers too');
    assert.equal(
      run('awaiting_citizen', 'citizenAnsweredRehandling', view()).ok,
      true,
      'back to re-handling',
    );
    for (const action of ['reply', 'requestExtension', 'sendBack', 'transferOut'] as const)
      assert.equal(run('awaiting_citizen', action, view(), 'hotline.handle').ok, false, action);
    assert.equal(run('awaiting_citizen', 'cancel', view(), 'hotline.intake').ok, true);
  });
  test('callbacks complete only when none is pending; terminal states go nowhere but archive', () => {
    assert.deepEqual(
      run('callback_pending', 'completeCallback', view({ pendingCallbacks: 1 }), 'hotline.supervise'),
      {
        ok: false,
        reason: 'callbacks_pending',
      },
    );
    for (const action of Object.keys(ticketWorkflow.transitions))
      assert.equal(
        run('archived', action, view(), 'hotline.intake', 'hotline.handle', 'hotline.supervise').ok,
        false,
      );
  });
});

describe('category fields', () => {
  const taxi = SEED_CATEGORIES.find((c) => c.code === '0301')?.fields ?? [];
  test('plates are normalised and checked', () => {
    assert.deepEqual(validateFields(taxi, { plateNo: ' 苏a·12345 ' }), {
      ok: true,
      fields: { plateNo: '苏A12345' },
    });
    assert.equal(
      validateFields(taxi, { plateNo: '苏AD12345' }).ok,
      true,
      'new-energy plates have six characters',
    );
    assert.equal(validateFields(taxi, { plateNo: '苏I12345' }).ok, false, 'I and O are not used');
    assert.equal(normalisePlate('苏 a-12345'), '苏A12345');
  });
  test('never throws, whatever the input', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SEED_CATEGORIES),
        fc.dictionary(fc.string({ maxLength: 12 }), fc.anything()),
        (category, input) => {
          const result = validateFields(category.fields, input as Record<string, unknown>);
          if (result.ok) for (const v of Object.values(result.fields)) assert.equal(typeof v, 'string');
        },
      ),
    );
  });
});

test('the transfer hub is the lowest common ancestor', () => {
  assert.equal(hubOf('/1/11/12/', '/1/11/20/'), 11, 'two cities of one province: the province');
  assert.equal(hubOf('/1/11/12/', '/1/30/31/'), 1, 'two provinces: the ministry');
  assert.equal(hubOf('/1/11/12/13/', '/1/11/'), 11, 'up to the own province');
});
