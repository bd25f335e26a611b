import { Type } from 'typebox';
import { PageQuery } from '../../platform/http/pagination.ts';
import { DateTimeString, Nullable } from '../../platform/http/schemas.ts';
import { TICKET_STATES } from './ticket.ts';

export const RequestTypeSchema = Type.Union(
  [
    Type.Literal('inquiry'),
    Type.Literal('complaint'),
    Type.Literal('suggestion'),
    Type.Literal('helpRequest'),
  ],
  { description: '信息咨询 / 投诉举报 / 意见建议 / 求助' },
);
export const ChannelSchema = Type.Enum([
  'phone',
  'web',
  'wechat',
  'weibo',
  'sms',
  'app',
  'email',
  'fax',
  'other',
]);
export const GatewayChannelSchema = Type.Enum(['wechat', 'weibo', 'sms', 'app', 'email', 'fax', 'other']);
export const StateSchema = Type.Enum(TICKET_STATES);
export const CardSchema = Type.Union([Type.Literal('none'), Type.Literal('yellow'), Type.Literal('red')]);
const Fields = Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]), {
  description: "the category's fields (plateNo, busLine, shipName …), see GET /hotline/categories",
});
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });

const TicketCore = {
  requestType: RequestTypeSchema,
  categoryCode: Type.String({ pattern: '^[0-9A-Z]{2,12}$' }),
  fields: Type.Optional(Fields),
  description: Text(4000),
  locationText: Type.Optional(Type.String({ maxLength: 200 })),
  lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
  lon: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
  occurredAt: Type.Optional(DateTimeString),
  regionOrgId: Type.Optional(Type.Integer({ minimum: 1, description: 'org unit of the place (属地)' })),
  requesterName: Type.Optional(Type.String({ maxLength: 50 })),
  requesterPhone: Type.Optional(Type.String({ maxLength: 30 })),
};

/** Agent entry during a call (channel phone). */
export const AgentTicketBody = Type.Object({
  ...TicketCore,
  disposition: Type.Optional(
    Type.Union([Type.Literal('accept'), Type.Literal('notAccept'), Type.Literal('instantAnswer')]),
  ),
  notAcceptedReason: Type.Optional(Type.String({ maxLength: 40 })),
  kbArticleId: Type.Optional(Type.Integer({ minimum: 1 })),
  answerText: Type.Optional(Type.String({ maxLength: 4000 })),
  fileIds: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 10 })),
});

/** SMS / WeChat / app gateways: idempotent by (channel, externalId). */
export const GatewayTicketBody = Type.Object({
  ...TicketCore,
  channel: GatewayChannelSchema,
  externalId: Type.String({ minLength: 1, maxLength: 100 }),
  receivedAt: Type.Optional(DateTimeString),
});

/** Files a citizen may attach to one public ticket. */
export const MAX_PUBLIC_ATTACHMENTS = 5;

export const PublicTicketBody = Type.Object({
  ...TicketCore,
  requesterPhone: Type.String({ minLength: 5, maxLength: 30 }),
  regionCode: Type.String({ pattern: '^[0-9]{6}$', description: 'GB/T 2260 code of the place' }),
  attachments: Type.Optional(
    Type.Array(Type.Object({ id: Type.String({ format: 'uuid' }), token: Type.String({ maxLength: 100 }) }), {
      maxItems: MAX_PUBLIC_ATTACHMENTS,
    }),
  ),
});

export const CreatedTicketDto = Type.Object({
  id: Type.Integer(),
  ticketNo: Type.String(),
  queryCode: Type.String(),
  state: StateSchema,
  created: Type.Boolean(),
});
export const PublicCreatedDto = Type.Object({ ticketNo: Type.String(), queryCode: Type.String() });

export const TicketDto = Type.Object({
  id: Type.Integer(),
  ticketNo: Type.String(),
  channel: ChannelSchema,
  externalId: Nullable(Type.String()),
  requestType: RequestTypeSchema,
  categoryCode: Type.String(),
  categoryVersion: Type.Integer(),
  categoryName: Nullable(Type.String()),
  fields: Type.Record(Type.String(), Type.String()),
  description: Type.String(),
  locationText: Nullable(Type.String()),
  lat: Nullable(Type.Number()),
  lon: Nullable(Type.Number()),
  occurredAt: Nullable(DateTimeString),
  regionOrgId: Nullable(Type.Integer()),
  requesterName: Nullable(Type.String()),
  requesterPhone: Nullable(Type.String({ description: 'masked in lists, whole in the audited detail' })),
  state: StateSchema,
  centreOrgId: Type.Integer(),
  centreName: Type.String(),
  handlingOrgId: Nullable(Type.Integer()),
  handlingName: Nullable(Type.String()),
  notAcceptedReason: Nullable(Type.String()),
  kbArticleId: Nullable(Type.Integer()),
  instantAnswer: Type.Boolean(),
  answerText: Nullable(Type.String()),
  mergedIntoId: Nullable(Type.Integer()),
  splitFromId: Nullable(Type.Integer()),
  sendBackCount: Type.Integer(),
  extensionCount: Type.Integer(),
  rehandleCount: Type.Integer(),
  dissatisfiedCount: Type.Integer(),
  urgeCount: Type.Integer(),
  supervised: Type.Boolean(),
  card: CardSchema,
  receivedAt: DateTimeString,
  acceptedAt: Nullable(DateTimeString),
  closedAt: Nullable(DateTimeString),
  closedOnTime: Nullable(Type.Boolean()),
  archivedAt: Nullable(DateTimeString),
  updatedAt: DateTimeString,
});

export const ClockDto = Type.Object({
  kind: Type.Union([Type.Literal('signFor'), Type.Literal('handling'), Type.Literal('reply')]),
  orgUnitId: Nullable(Type.Integer()),
  startedAt: DateTimeString,
  dueAt: DateTimeString,
  stoppedAt: Nullable(DateTimeString),
  pausedAt: Nullable(DateTimeString),
  card: CardSchema,
});

export const NoteDto = Type.Object({
  id: Type.Integer(),
  kind: Type.Union([Type.Literal('internal'), Type.Literal('public')]),
  body: Type.String(),
  authorUserId: Nullable(Type.Integer()),
  at: DateTimeString,
});

export const AttachmentDto = Type.Object({
  id: Type.String(),
  filename: Type.String(),
  mime: Type.String(),
  size: Type.Integer(),
  fileId: Nullable(Type.String()),
});

export const TicketDetailDto = Type.Object({
  ticket: TicketDto,
  queryCode: Type.String({ description: 'to tell the caller again' }),
  clocks: Type.Array(ClockDto),
  notes: Type.Array(NoteDto),
  attachments: Type.Array(AttachmentDto),
  actions: Type.Array(Type.String(), { description: 'transitions the caller may take now' }),
});

export const TicketListQuery = Type.Object({
  ...PageQuery.properties,
  state: Type.Optional(Type.String({ description: 'comma list of states' })),
  requestType: Type.Optional(RequestTypeSchema),
  channel: Type.Optional(ChannelSchema),
  categoryCode: Type.Optional(Type.String({ maxLength: 12, description: 'code or code prefix (domain)' })),
  handlingOrgId: Type.Optional(Type.Integer({ minimum: 1 })),
  centreOrgId: Type.Optional(Type.Integer({ minimum: 1 })),
  phone: Type.Optional(Type.String({ maxLength: 30 })),
  ticketNo: Type.Optional(Type.String({ maxLength: 20 })),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  supervised: Type.Optional(Type.Boolean()),
  card: Type.Optional(Type.Union([Type.Literal('yellow'), Type.Literal('red')])),
  from: Type.Optional(DateTimeString),
  to: Type.Optional(DateTimeString),
});

export const TicketNoParams = Type.Object({ ticketNo: Type.String({ pattern: '^[0-9]{14}$' }) });
export const PhoneParams = Type.Object({ phone: Type.String({ minLength: 5, maxLength: 30 }) });

export const StateInfoDto = Type.Object({
  code: StateSchema,
  publicStatus: Type.String(),
  open311: Type.Union([Type.Literal('open'), Type.Literal('closed')]),
  next: Type.Array(Type.String()),
});
