import { Type } from 'typebox';
import { PageQuery } from '../../platform/http/pagination.ts';
import { DateTimeString, Nullable } from '../../platform/http/schemas.ts';
import { RequestTypeSchema } from './tickets.schemas.ts';

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });

export const ReplyBody = Type.Object({
  facts: Text(4000),
  handling: Text(4000),
  legalBasis: Text(2000),
});
export const ReviewBody = Type.Object({
  approve: Type.Boolean({ description: 'true: 办结; false: back to the unit' }),
  note: Type.Optional(Type.String({ maxLength: 1000 })),
});
export const MergeBody = Type.Object({ targetId: Type.Integer({ minimum: 1 }) });
export const SplitBody = Type.Object({
  parts: Type.Array(
    Type.Object({
      requestType: RequestTypeSchema,
      categoryCode: Type.String({ pattern: '^[0-9A-Z]{2,12}$' }),
      fields: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]))),
      description: Text(4000),
    }),
    { minItems: 1, maxItems: 10 },
  ),
});
export const CancelBody = Type.Object({ reason: Text(500) });
export const NoteBody = Type.Object({ body: Text(2000), public: Type.Optional(Type.Boolean()) });

export const SatisfactionSchema = Type.Union(
  [
    Type.Literal('satisfied'),
    Type.Literal('basicallySatisfied'),
    Type.Literal('dissatisfied'),
    Type.Literal('unreachable'),
  ],
  { description: '满意 / 基本满意 / 不满意 / 联系不上' },
);
export const CallbackBody = Type.Object({
  satisfaction: SatisfactionSchema,
  note: Type.Optional(Type.String({ maxLength: 1000 })),
});
export const CallbackDto = Type.Object({
  id: Type.Integer(),
  ticketId: Type.Integer(),
  ticketNo: Type.String(),
  callerTicketId: Type.Integer(),
  callerTicketNo: Type.String(),
  requesterName: Nullable(Type.String()),
  requesterPhone: Nullable(Type.String()),
  round: Type.Integer(),
  dueAt: DateTimeString,
  state: Type.Union([Type.Literal('pending'), Type.Literal('done'), Type.Literal('cancelled')]),
  satisfaction: Nullable(SatisfactionSchema),
  note: Nullable(Type.String()),
  doneAt: Nullable(DateTimeString),
});
export const CallbackListQuery = Type.Object({
  ...PageQuery.properties,
  state: Type.Optional(
    Type.Union([Type.Literal('pending'), Type.Literal('done'), Type.Literal('cancelled')]),
  ),
  ticketId: Type.Optional(Type.Integer({ minimum: 1 })),
});
