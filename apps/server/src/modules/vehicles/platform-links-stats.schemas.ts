import { type Static, Type } from 'typebox';
import { DateTimeString, Nullable } from '../../platform/http/schemas.ts';

/** Longest traffic window one request returns: 31 days of hours. */
export const MAX_TRAFFIC_HOURS = 31 * 24;

export const TrafficQuery = Type.Object(
  {
    from: Type.Optional(
      Type.String({ format: 'date-time', description: 'first hour (default: 24 h before `to`)' }),
    ),
    to: Type.Optional(
      Type.String({
        format: 'date-time',
        description: 'end of the window, exclusive (default: the next hour)',
      }),
    ),
  },
  { additionalProperties: false },
);
export type TrafficQuery = Static<typeof TrafficQuery>;

const Count = (description: string) => Type.Integer({ minimum: 0, description });

export const TrafficHourDto = Type.Object({
  hour: DateTimeString,
  framesIn: Count('JT/T 809 frames received'),
  framesOut: Count('frames sent'),
  bytesIn: Count('bytes received'),
  bytesOut: Count('bytes sent'),
  positions: Count('superior links: positions the superior confirmed; subordinate links: positions stored'),
  errors: Count('frames that could not be framed or decoded'),
  reconnects: Count('times the main link broke'),
});

export const TrafficDto = Type.Object({
  from: DateTimeString,
  to: DateTimeString,
  hours: Type.Array(TrafficHourDto, {
    description: `every hour of the window, zero where nothing was carried (at most ${MAX_TRAFFIC_HOURS})`,
  }),
});

export const ReportBody = Type.Object(
  {
    startTime: Type.String({ format: 'date-time', description: 'START_TIME of 0x9102' }),
    endTime: Type.String({ format: 'date-time', description: 'END_TIME of 0x9102' }),
  },
  { additionalProperties: false },
);
export type ReportBody = Static<typeof ReportBody>;

export const ReportDto = Type.Object({
  id: Type.Integer(),
  linkId: Type.Integer(),
  origin: Type.Union([Type.Literal('requested'), Type.Literal('asked')], {
    description: 'requested: this platform asked the subordinate; asked: the superior asked this platform',
  }),
  startTime: DateTimeString,
  endTime: DateTimeString,
  requestedAt: DateTimeString,
  answeredAt: Nullable(Type.String({ format: 'date-time', description: 'null: no 0x1102 came in time' })),
  platformId: Nullable(Type.String({ description: 'PLATFORM_ID of 0x1102' })),
  lostLocations: Nullable(Type.Integer({ description: 'LOSE_DYNAMIC_SUM' })),
  disconnects: Nullable(Type.Integer({ description: 'DISCONNECT_NUM' })),
  disconnectedSeconds: Nullable(Type.Integer({ description: 'DISCONNECT_TIME' })),
});
