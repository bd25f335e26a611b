import { Type } from 'typebox';
import { DateTimeString, Nullable } from '../http/schemas.ts';

/** A history entry as modules show it (`GET /<entities>/:id/history`). */
export const WorkflowEventDto = Type.Object({
  id: Type.Integer(),
  workflow: Type.String(),
  fromState: Type.String(),
  toState: Type.String(),
  action: Type.String(),
  actorUserId: Nullable(Type.Integer()),
  actorUsername: Nullable(Type.String()),
  at: DateTimeString,
  note: Type.Unknown(),
});
