import { Type } from 'typebox';
import { PageQuery } from '../../platform/http/pagination.ts';
import { DateTimeString, Nullable } from '../../platform/http/schemas.ts';
import { RequestTypeSchema } from './tickets.schemas.ts';

export const RuleDto = Type.Object({
  id: Type.Integer(),
  ownerOrgId: Type.Integer(),
  ownerName: Type.String(),
  requestType: Nullable(RequestTypeSchema),
  categoryPrefix: Nullable(Type.String()),
  regionOrgId: Nullable(Type.Integer()),
  regionName: Nullable(Type.String()),
  handlingOrgId: Type.Integer(),
  handlingName: Type.String(),
  priority: Type.Integer(),
});

export const CreateRuleBody = Type.Object({
  requestType: Type.Optional(RequestTypeSchema),
  categoryPrefix: Type.Optional(
    Type.String({ pattern: '^[0-9A-Z]{2,12}$', description: 'a domain (2) or category code' }),
  ),
  regionOrgId: Type.Optional(Type.Integer({ minimum: 1 })),
  handlingOrgId: Type.Integer({ minimum: 1 }),
  priority: Type.Optional(Type.Integer({ minimum: -100, maximum: 100 })),
});

export const PreviewBody = Type.Object({
  requestType: RequestTypeSchema,
  categoryCode: Type.String({ pattern: '^[0-9A-Z]{2,12}$' }),
  regionOrgId: Type.Optional(Type.Integer({ minimum: 1 })),
});

export const PreviewDto = Type.Object({
  handlingOrgId: Nullable(Type.Integer()),
  handlingName: Nullable(Type.String()),
  source: Type.Union([Type.Literal('rule'), Type.Literal('region'), Type.Literal('none')]),
  ruleId: Nullable(Type.Integer()),
  candidates: Type.Array(RuleDto),
});

export const DispatchBody = Type.Object({
  handlingOrgId: Type.Optional(Type.Integer({ minimum: 1, description: 'default: the routing rules' })),
  note: Type.Optional(Type.String({ maxLength: 500 })),
});

export const TransferBody = Type.Object({
  targetOrgId: Type.Integer({ minimum: 1, description: 'the receiving hotline centre' }),
  note: Type.Optional(Type.String({ maxLength: 500 })),
});

export const SendBackBody = Type.Object({
  reasonCode: Type.String({ maxLength: 40 }),
  note: Type.Optional(Type.String({ maxLength: 500 })),
});

export const RecategoriseBody = Type.Object({
  categoryCode: Type.String({ pattern: '^[0-9A-Z]{2,12}$' }),
  fields: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]))),
  requestType: Type.Optional(RequestTypeSchema),
  reroute: Type.Optional(Type.Boolean()),
});

export const RelocateBody = Type.Object({
  locationText: Type.String({ minLength: 1, maxLength: 200 }),
  regionOrgId: Type.Optional(Type.Integer({ minimum: 1, description: 'org unit of the new place (属地)' })),
  lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
  lon: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
  note: Type.Optional(Type.String({ maxLength: 500 })),
});

export const TransferState = Type.Union([
  Type.Literal('readyToSend'),
  Type.Literal('sent'),
  Type.Literal('sendFailed'),
  Type.Literal('doneExternal'),
]);

export const TransferDto = Type.Object({
  id: Type.Integer(),
  ticketId: Type.Integer(),
  ticketNo: Type.String(),
  fromOrgId: Type.Integer(),
  fromName: Type.String(),
  toOrgId: Type.Integer(),
  toName: Type.String(),
  hubOrgId: Type.Integer(),
  hubName: Type.String(),
  route: Type.Union([Type.Literal('province'), Type.Literal('ministry')]),
  state: TransferState,
  attempts: Type.Integer(),
  lastError: Nullable(Type.String()),
  createdAt: DateTimeString,
  updatedAt: DateTimeString,
});

export const TransferListQuery = Type.Object({
  ...PageQuery.properties,
  state: Type.Optional(TransferState),
});
