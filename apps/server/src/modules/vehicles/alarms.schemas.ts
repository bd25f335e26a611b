import { Type } from 'typebox';
import { PageQuery } from '../../platform/http/pagination.ts';
import { DateTimeString, Nullable } from '../../platform/http/schemas.ts';
import { WorkflowEventDto } from '../../platform/workflow/index.ts';
import { ALARM_KINDS } from './alarm-config.ts';

const AlarmKind = Type.String({
  description: `a platform rule or terminal.<JT/T 808 alarm bit>: ${ALARM_KINDS.slice(0, 9).join(', ')} …`,
  maxLength: 40,
});
const AlarmLevel = Type.Union([Type.Literal('low'), Type.Literal('medium'), Type.Literal('high')]);
const AlarmState = Type.Union([
  Type.Literal('new'),
  Type.Literal('acknowledged'),
  Type.Literal('handling'),
  Type.Literal('closed'),
]);
const AlarmActionName = Type.Union([
  Type.Literal('acknowledge'),
  Type.Literal('handle'),
  Type.Literal('close'),
]);

export const AlarmDto = Type.Object({
  id: Type.Integer(),
  vehicleId: Type.Integer(),
  plateNo: Type.String(),
  plateColor: Type.Integer(),
  vehicleType: Type.String(),
  orgUnitId: Type.Integer(),
  kind: AlarmKind,
  source: Type.Union([Type.Literal('terminal'), Type.Literal('platform')]),
  terminalBit: Nullable(Type.Integer({ description: 'JT/T 808 alarm bit of a terminal alarm' })),
  level: AlarmLevel,
  state: AlarmState,
  startedAt: DateTimeString,
  lastAt: DateTimeString,
  endedAt: Nullable(DateTimeString),
  ongoing: Type.Boolean({ description: 'the condition still holds (not ended)' }),
  lat: Type.Number(),
  lon: Type.Number(),
  speed: Type.Number({ description: 'km/h at the start' }),
  peakValue: Nullable(
    Type.Number({ description: 'overspeed: km/h; fatigue and daily driving: seconds; offline: minutes' }),
  ),
  details: Type.Record(Type.String(), Type.Unknown()),
  handlingNote: Nullable(Type.String()),
  updatedAt: DateTimeString,
});

export const AlarmDetailDto = Type.Object({
  alarm: AlarmDto,
  history: Type.Array(WorkflowEventDto),
  actions: Type.Array(AlarmActionName, { description: 'what the caller may do now' }),
});

export const AlarmListQuery = Type.Intersect([
  PageQuery,
  Type.Object({
    kind: Type.Optional(AlarmKind),
    state: Type.Optional(AlarmState),
    level: Type.Optional(AlarmLevel),
    vehicleId: Type.Optional(Type.Integer({ minimum: 1 })),
    from: Type.Optional(Type.String({ format: 'date-time', description: 'started at or after' })),
    to: Type.Optional(Type.String({ format: 'date-time', description: 'started before' })),
    ongoing: Type.Optional(Type.Boolean()),
  }),
]);

export const AlarmCountQuery = Type.Object({
  state: Type.Optional(AlarmState),
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
  ongoing: Type.Optional(Type.Boolean()),
});

export const AlarmCountsDto = Type.Object({
  total: Type.Integer(),
  byKind: Type.Array(Type.Object({ kind: Type.String(), level: AlarmLevel, count: Type.Integer() })),
});

export const AlarmActionBody = Type.Object({
  note: Type.Optional(Type.String({ maxLength: 2000, description: 'handling note; required to close' })),
});

export const AlarmSettingDto = Type.Object({
  vehicleId: Type.Integer(),
  speedLimit: Nullable(Type.Integer({ description: "the vehicle's own limit, km/h; null: its type's" })),
  effectiveSpeedLimit: Type.Integer(),
});

export const AlarmSettingBody = Type.Object({
  speedLimit: Nullable(Type.Integer({ minimum: 1, maximum: 250 })),
});
