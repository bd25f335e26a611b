import { Type } from 'typebox';
import { PageQuery } from '../../platform/http/pagination.ts';
import { DateTimeString, Nullable } from '../../platform/http/schemas.ts';

const ForwardedFilterQuery = Type.Object({
  linkId: Type.Optional(
    Type.Integer({ minimum: 1, description: 'the subordinate platform link that sent it' }),
  ),
  plate: Type.Optional(
    Type.String({ minLength: 1, maxLength: 16, description: 'plate number prefix, e.g. 苏A' }),
  ),
  from: Type.Optional(DateTimeString),
  to: Type.Optional(DateTimeString),
});

export const ForwardedAlarmQuery = Type.Intersect([
  PageQuery,
  ForwardedFilterQuery,
  Type.Object({
    warnType: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 0xffff,
        description: 'JT/T 809 WARN_TYPE, e.g. 1 overspeed, 2 fatigue',
      }),
    ),
  }),
]);

export const ForwardedRegistrationQuery = Type.Intersect([PageQuery, ForwardedFilterQuery]);

const Forwarder = {
  linkId: Type.Integer(),
  linkName: Type.String({ description: 'the subordinate platform' }),
  vehicleId: Type.Integer(),
  plateNo: Type.String(),
  plateColor: Type.Integer(),
  orgUnitId: Type.Integer(),
  orgName: Type.String(),
};

export const ForwardedAlarmDto = Type.Object({
  id: Type.Integer(),
  ...Forwarder,
  warnType: Type.Integer({ description: 'JT/T 809 WARN_TYPE' }),
  warnSource: Nullable(
    Type.Integer({ description: '2011 WARN_SRC: 1 terminal, 2 enterprise, 3 government platform, 9 other' }),
  ),
  sourcePlatformId: Nullable(Type.String({ description: '2019 SOURCE_PLATFORM_ID' })),
  warnTime: DateTimeString,
  startTime: Nullable(DateTimeString),
  endTime: Nullable(DateTimeString),
  infoId: Type.Integer({ description: '2011 INFO_ID (0 in 2019)' }),
  info: Type.String(),
  receivedAt: DateTimeString,
});

export const ForwardedRegistrationDto = Type.Object({
  ...Forwarder,
  platformId: Type.String(),
  producerId: Type.String(),
  terminalModel: Type.String(),
  imei: Nullable(Type.String({ description: '2019 only' })),
  terminalId: Type.String(),
  simCode: Type.String(),
  receivedAt: DateTimeString,
});
