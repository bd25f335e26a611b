import { Type } from 'typebox';
import { PageQuery } from '../http/pagination.ts';
import { DateTimeString, Nullable } from '../http/schemas.ts';

const JobStatus = Type.Union(
  [
    Type.Literal('pending'),
    Type.Literal('running'),
    Type.Literal('done'),
    Type.Literal('failed'),
    Type.Literal('dead'),
  ],
  { description: 'failed: the last attempt failed and another is due at runAt; dead: attempts exhausted' },
);

export const JobDto = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  payload: Type.Unknown(),
  status: JobStatus,
  runAt: DateTimeString,
  attempts: Type.Integer(),
  maxAttempts: Type.Integer(),
  lastError: Nullable(Type.String()),
  lockedBy: Nullable(Type.String()),
  lockedUntil: Nullable(DateTimeString),
  uniqueKey: Nullable(Type.String()),
  createdAt: DateTimeString,
  finishedAt: Nullable(DateTimeString),
});

export const JobQuery = Type.Intersect([
  PageQuery,
  Type.Object({
    status: Type.Optional(JobStatus),
    kind: Type.Optional(Type.String({ maxLength: 64 })),
  }),
]);

export const JobScheduleDto = Type.Object({
  name: Type.String(),
  cron: Type.String({ description: 'cron pattern, read in Asia/Shanghai' }),
  kind: Type.String(),
  payload: Type.Unknown(),
  nextRunAt: DateTimeString,
  lastRunAt: Nullable(DateTimeString),
  enabled: Type.Boolean(),
});
