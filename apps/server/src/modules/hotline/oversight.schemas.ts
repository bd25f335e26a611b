import { Type } from 'typebox';
import { PageQuery } from '../../platform/http/pagination.ts';
import { DateTimeString, Nullable } from '../../platform/http/schemas.ts';

export const ExtensionBody = Type.Object({
  days: Type.Integer({ minimum: 1, maximum: 60, description: 'working days asked for' }),
  reason: Type.String({ minLength: 1, maxLength: 1000 }),
  legalBasis: Type.String({ minLength: 1, maxLength: 1000 }),
});
export const DecisionBody = Type.Object({
  approve: Type.Boolean(),
  note: Type.Optional(Type.String({ maxLength: 1000 })),
});
export const ExtensionParams = Type.Object({
  id: Type.Integer({ minimum: 1 }),
  extensionId: Type.Integer({ minimum: 1 }),
});
export const ExtensionDto = Type.Object({
  id: Type.Integer(),
  ticketId: Type.Integer(),
  ticketNo: Type.String(),
  orgUnitId: Type.Integer(),
  days: Type.Integer(),
  reason: Type.String(),
  legalBasis: Type.String(),
  requestedAt: DateTimeString,
  decision: Type.Union([Type.Literal('pending'), Type.Literal('approved'), Type.Literal('denied')]),
  decidedAt: Nullable(DateTimeString),
  decisionNote: Nullable(Type.String()),
  newDueAt: Nullable(DateTimeString),
});
export const ExtensionListQuery = Type.Object({
  ...PageQuery.properties,
  decision: Type.Optional(
    Type.Union([Type.Literal('pending'), Type.Literal('approved'), Type.Literal('denied')]),
  ),
  ticketId: Type.Optional(Type.Integer({ minimum: 1 })),
});

const UrgeKind = Type.Union([Type.Literal('urge'), Type.Literal('supervision')], {
  description: '催办 / 督办',
});
export const UrgeBody = Type.Object({
  kind: UrgeKind,
  demand: Type.String({ minLength: 1, maxLength: 1000 }),
  answerDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 30 })),
});
export const UrgeParams = Type.Object({
  id: Type.Integer({ minimum: 1 }),
  urgeId: Type.Integer({ minimum: 1 }),
});
export const AnswerBody = Type.Object({ answer: Type.String({ minLength: 1, maxLength: 2000 }) });
export const UrgeDto = Type.Object({
  id: Type.Integer(),
  ticketId: Type.Integer(),
  ticketNo: Type.String(),
  kind: UrgeKind,
  issuedBy: Nullable(Type.Integer()),
  issuedByName: Nullable(Type.String()),
  issuerOrgId: Type.Integer(),
  targetOrgId: Nullable(Type.Integer()),
  demand: Type.String(),
  issuedAt: DateTimeString,
  answerDueAt: Nullable(DateTimeString),
  answer: Nullable(Type.String()),
  answeredBy: Nullable(Type.Integer()),
  answeredAt: Nullable(DateTimeString),
  automatic: Type.Boolean(),
});
export const UrgeListQuery = Type.Object({
  ...PageQuery.properties,
  kind: Type.Optional(UrgeKind),
  open: Type.Optional(Type.Boolean()),
  ticketId: Type.Optional(Type.Integer({ minimum: 1 })),
});

export const UnitCardsDto = Type.Object({
  orgUnitId: Type.Integer({ description: 'the handling unit, or the centre while no unit has the ticket' }),
  orgName: Type.String(),
  yellow: Type.Integer({ description: 'open tickets with a yellow card (deadline near)' }),
  red: Type.Integer({ description: 'open tickets with a red card (overdue)' }),
  supervised: Type.Integer({ description: 'open tickets under supervision (督办)' }),
});
