// Demo content for `npm start` in demo mode: a few alarms in every handling state on the demo
// fleet (seeded by demo-fleet-seed.ts), so the alarm board has something to show. Idempotent: adds
// nothing once any demo alarm exists, nor when the demo fleet is absent.
import { type AuditContext, SYSTEM_CONTEXT } from '../../platform/audit/audit.service.ts';
import type { Executor } from '../../platform/db/database.ts';
import { transition, type WorkflowActor } from '../../platform/workflow/index.ts';
import { type AlarmKind, levelOf } from './alarm-config.ts';
import { demoAlarmsExist, findAlarmProfiles, insertAlarms, saveAlarmState } from './alarms.repository.ts';
import { ALARM_ENTITY } from './alarms.service.ts';
import { newAlarm } from './alarms.store.ts';
import type { AlarmState } from './alarms.tables.ts';
import { alarmWorkflow } from './alarms.workflow.ts';
import { demoVehicle } from './demo-fleet.ts';
import { findVehicleByPhone } from './vehicles.repository.ts';

const DEMO_AUDIT: AuditContext = { ...SYSTEM_CONTEXT, username: 'demo-seed' };

interface DemoAlarm {
  index: number;
  kind: AlarmKind;
  hoursAgo: number;
  minutes: number | null;
  speed: number;
  peak: number | null;
  steps: { action: 'acknowledge' | 'handle' | 'close'; note?: string }[];
}

const DEMO_ALARMS: readonly DemoAlarm[] = [
  {
    index: 0,
    kind: 'overspeed',
    hoursAgo: 5,
    minutes: 3,
    speed: 112,
    peak: 118,
    steps: [
      { action: 'acknowledge' },
      { action: 'handle', note: '已电话提醒驾驶员减速' },
      { action: 'close', note: '驾驶员已减速至限速以内，企业已对驾驶员进行安全教育' },
    ],
  },
  { index: 1, kind: 'fatigue', hoursAgo: 1, minutes: null, speed: 78, peak: 4.4 * 3600, steps: [] },
  {
    index: 2,
    kind: 'terminal.sos',
    hoursAgo: 2,
    minutes: 1,
    speed: 0,
    peak: null,
    steps: [{ action: 'acknowledge' }],
  },
  {
    index: 6,
    kind: 'nightDriving',
    hoursAgo: 14,
    minutes: 12,
    speed: 88,
    peak: 92,
    steps: [{ action: 'handle', note: '已通知运输企业核查夜间行车计划' }],
  },
  { index: 7, kind: 'positionJump', hoursAgo: 3, minutes: 0, speed: 60, peak: 420, steps: [] },
  { index: 8, kind: 'offline', hoursAgo: 0.5, minutes: null, speed: 65, peak: 30, steps: [] },
];

export async function seedDemoAlarms(trx: Executor, now: Date): Promise<number> {
  if (await demoAlarmsExist(trx)) return 0;
  let created = 0;
  for (const demo of DEMO_ALARMS) {
    const v = demoVehicle(demo.index);
    const vehicle = await findVehicleByPhone(trx, v.phone);
    if (!vehicle) continue;
    const [profile] = await findAlarmProfiles(trx, [vehicle.id]);
    if (!profile) continue;
    const startedAt = new Date(now.getTime() - demo.hoursAgo * 3600_000);
    const endedAt = demo.minutes === null ? null : new Date(startedAt.getTime() + demo.minutes * 60_000);
    const pos = { lat: v.home.lat + 0.05, lon: v.home.lon + 0.05, speed: demo.speed };
    const alarm = newAlarm(
      vehicle.id,
      demo.kind,
      levelOf(demo.kind),
      startedAt,
      endedAt ?? now,
      pos,
      demo.peak,
      {
        demo: true,
      },
    );
    alarm.endedAt = endedAt;
    const [row] = await insertAlarms(trx, [alarm], now);
    if (!row) continue;
    const actor: WorkflowActor = {
      userId: null,
      username: 'demo-seed',
      orgPath: profile.org_path,
      permissions: new Set(['vehicle.alarm.handle']),
    };
    let state: AlarmState = 'new';
    for (const step of demo.steps) {
      const note = step.note ?? null;
      state = await transition(
        trx,
        { audit: DEMO_AUDIT, actor, now },
        alarmWorkflow,
        { type: ALARM_ENTITY, id: row.id, state, orgPath: profile.org_path, entity: { note } },
        step.action,
        note === null ? undefined : { note },
      );
      await saveAlarmState(trx, row.id, state, note, now);
    }
    created++;
  }
  return created;
}
