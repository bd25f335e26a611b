import { Type } from 'typebox';
import { PageQuery } from '../../platform/http/pagination.ts';
import { DateTimeString, Nullable } from '../../platform/http/schemas.ts';

export const VehicleType = Type.Union(
  [
    Type.Literal('charteredCoach'),
    Type.Literal('scheduledCoach'),
    Type.Literal('dangerousGoods'),
    Type.Literal('heavyFreight'),
    Type.Literal('other'),
  ],
  { description: 'charteredCoach, scheduledCoach and dangerousGoods are the key vehicles (两客一危)' },
);

const PlateNo = Type.String({ minLength: 1, maxLength: 16, description: '车牌号, GBK-encodable' });
const PlateColor = Type.Integer({
  minimum: 0,
  maximum: 255,
  description: 'JT/T 808: 0 unplated, 1 blue, 2 yellow, 3 black, 4 white, 9 other',
});
const TerminalPhone = Type.String({ pattern: '^[0-9]{1,20}$', description: 'terminal phone, BCD digits' });

export const VehicleDto = Type.Object({
  id: Type.Integer(),
  plateNo: Type.String(),
  plateColor: Type.Integer(),
  vehicleType: VehicleType,
  keyVehicle: Type.Boolean(),
  operatorName: Type.String(),
  orgUnitId: Type.Integer(),
  orgName: Type.String(),
  terminalPhone: Nullable(Type.String()),
  terminalId: Nullable(Type.String()),
  authCode: Nullable(Type.String()),
  forwardedBy: Nullable(
    Type.Integer({ description: 'JT/T 809 link of the subordinate platform forwarding it' }),
  ),
  status: Type.Union([Type.Literal('active'), Type.Literal('inactive')]),
  online: Type.Boolean(),
  lastSeenAt: Nullable(DateTimeString),
  registeredAt: Nullable(DateTimeString),
  createdAt: DateTimeString,
  updatedAt: DateTimeString,
});

export const VehicleListQuery = Type.Intersect([
  PageQuery,
  Type.Object({
    q: Type.Optional(
      Type.String({ maxLength: 32, description: 'part of the plate, operator or terminal phone' }),
    ),
    vehicleType: Type.Optional(VehicleType),
    keyVehicles: Type.Optional(Type.Boolean()),
    status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('inactive')])),
    online: Type.Optional(Type.Boolean()),
    inAlarm: Type.Optional(
      Type.Boolean({
        description: 'true: vehicles with an open alarm (its condition still lasting); false: without',
      }),
    ),
  }),
]);

export const CreateVehicleBody = Type.Object(
  {
    plateNo: PlateNo,
    plateColor: PlateColor,
    vehicleType: VehicleType,
    operatorName: Type.String({ minLength: 1, maxLength: 128 }),
    orgUnitId: Type.Integer({ minimum: 1 }),
    terminalPhone: TerminalPhone,
    terminalId: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 30 }))),
  },
  { additionalProperties: false },
);

export const UpdateVehicleBody = Type.Object(
  {
    plateNo: Type.Optional(PlateNo),
    plateColor: Type.Optional(PlateColor),
    vehicleType: Type.Optional(VehicleType),
    operatorName: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
    orgUnitId: Type.Optional(Type.Integer({ minimum: 1 })),
    terminalPhone: Type.Optional(TerminalPhone),
    terminalId: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 30 }))),
  },
  { additionalProperties: false },
);

export const PositionQuery = Type.Intersect([
  PageQuery,
  Type.Object({
    bbox: Type.Optional(
      Type.String({
        pattern: '^-?[0-9.]+,-?[0-9.]+,-?[0-9.]+,-?[0-9.]+$',
        description: 'minLon,minLat,maxLon,maxLat in degrees',
      }),
    ),
  }),
]);

export const LatestPositionDto = Type.Object({
  vehicleId: Type.Integer(),
  plateNo: Type.String(),
  plateColor: Type.Integer(),
  vehicleType: VehicleType,
  online: Type.Boolean(),
  lastSeenAt: Nullable(DateTimeString),
  gnssTime: DateTimeString,
  lat: Type.Number(),
  lon: Type.Number(),
  speed: Type.Number({ description: 'km/h' }),
  direction: Type.Integer(),
  alarm: Type.Integer(),
  status: Type.Integer(),
});

export const TrackQuery = Type.Intersect([
  Type.Object({
    page: Type.Integer({ minimum: 1, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 5000, default: 1000 }),
  }),
  Type.Object({ from: DateTimeString, to: DateTimeString }),
]);

export const TrackPointDto = Type.Object({
  gnssTime: DateTimeString,
  lat: Type.Number(),
  lon: Type.Number(),
  altitude: Type.Integer(),
  speed: Type.Number(),
  direction: Type.Integer(),
  alarm: Type.Integer(),
  status: Type.Integer(),
  mileage: Nullable(Type.Number({ description: 'km' })),
});
