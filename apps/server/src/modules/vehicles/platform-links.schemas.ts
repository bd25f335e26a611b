import { type Static, Type } from 'typebox';
import { DateTimeString, Nullable } from '../../platform/http/schemas.ts';

const U32 = (description: string) => Type.Integer({ minimum: 0, maximum: 4294967295, description });
const Port = Type.Integer({ minimum: 1, maximum: 65535 });

const LinkFields = {
  name: Type.String({ minLength: 1, maxLength: 100 }),
  orgUnitId: Type.Integer({
    minimum: 1,
    description:
      "superior: whose vehicles are forwarded (the unit's subtree); subordinate: where its vehicles are kept",
  }),
  host: Type.String({ minLength: 1, maxLength: 253, description: 'superior: its main-link address' }),
  port: Port,
  downLinkHost: Type.String({
    minLength: 1,
    maxLength: 32,
    description: 'superior: the address announced for its sub link to this platform (DOWN_LINK_IP)',
  }),
  downLinkPort: Type.Integer({
    minimum: 0,
    maximum: 65535,
    description: 'superior: sub-link port listened on (0: any)',
  }),
  gnssCenterId: U32("MSG_GNSSCENTERID: the subordinate's access code, assigned by the superior"),
  userId: U32('USERID of 0x1001'),
  password: Type.String({ minLength: 1, maxLength: 8, description: 'PASSWORD of 0x1001 (8 bytes)' }),
  edition: Type.Union([Type.Literal('2011'), Type.Literal('2019')]),
  encrypt: Type.Boolean({ description: 'encrypt bodies with M1/IA1/IC1 (JT/T 809 §5.2.3)' }),
  m1: U32('M1'),
  ia1: U32('IA1'),
  ic1: U32('IC1'),
  enabled: Type.Boolean(),
};

export const CreateLinkBody = Type.Object(
  {
    name: LinkFields.name,
    direction: Type.Union([Type.Literal('superior'), Type.Literal('subordinate')], {
      description: 'superior: this platform forwards to it; subordinate: it forwards to this platform',
    }),
    orgUnitId: LinkFields.orgUnitId,
    host: Type.Optional(LinkFields.host),
    port: Type.Optional(LinkFields.port),
    downLinkHost: Type.Optional(LinkFields.downLinkHost),
    downLinkPort: Type.Optional(LinkFields.downLinkPort),
    gnssCenterId: LinkFields.gnssCenterId,
    userId: LinkFields.userId,
    password: LinkFields.password,
    edition: Type.Optional(LinkFields.edition),
    encrypt: Type.Optional(LinkFields.encrypt),
    m1: Type.Optional(LinkFields.m1),
    ia1: Type.Optional(LinkFields.ia1),
    ic1: Type.Optional(LinkFields.ic1),
    enabled: Type.Optional(LinkFields.enabled),
  },
  { additionalProperties: false },
);
export type CreateLinkBody = Static<typeof CreateLinkBody>;

export const UpdateLinkBody = Type.Object(
  {
    name: Type.Optional(LinkFields.name),
    orgUnitId: Type.Optional(LinkFields.orgUnitId),
    host: Type.Optional(LinkFields.host),
    port: Type.Optional(LinkFields.port),
    downLinkHost: Type.Optional(LinkFields.downLinkHost),
    downLinkPort: Type.Optional(LinkFields.downLinkPort),
    gnssCenterId: Type.Optional(LinkFields.gnssCenterId),
    userId: Type.Optional(LinkFields.userId),
    password: Type.Optional(LinkFields.password),
    edition: Type.Optional(LinkFields.edition),
    encrypt: Type.Optional(LinkFields.encrypt),
    m1: Type.Optional(LinkFields.m1),
    ia1: Type.Optional(LinkFields.ia1),
    ic1: Type.Optional(LinkFields.ic1),
    enabled: Type.Optional(LinkFields.enabled),
  },
  { additionalProperties: false },
);
export type UpdateLinkBody = Static<typeof UpdateLinkBody>;

export const LinkStatusDto = Type.Object({
  running: Type.Boolean({ description: 'whether this process runs the link' }),
  connected: Type.Boolean({ description: 'main link up and logged in' }),
  subLink: Type.Boolean(),
  loggedInAt: Nullable(DateTimeString),
  lastAckAt: Nullable(DateTimeString),
  ackedThrough: Nullable(DateTimeString),
  lagMs: Nullable(
    Type.Integer({
      description: 'age of the oldest position the superior has not confirmed; 0 when caught up',
    }),
  ),
  positionsForwarded: Type.Integer(),
  positionsSent: Type.Integer(),
  positionsReceived: Type.Integer(),
  alarmsReceived: Type.Integer({ description: 'subordinate: 0x1402 alarm reports received' }),
  lastReceivedAt: Nullable(DateTimeString),
  reconnects: Type.Integer(),
  lastError: Nullable(Type.String()),
  superiorCount: Type.Union(
    [
      Type.Object({
        total: Type.Integer({ description: 'locations the superior received from startTime to endTime' }),
        startTime: DateTimeString,
        endTime: DateTimeString,
        receivedAt: DateTimeString,
      }),
      Type.Null(),
    ],
    { description: "superior links: the superior's last 0x9101 DOWN_TOTAL_RECV_BACK_MSG" },
  ),
});

export const LinkDto = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  direction: Type.Union([Type.Literal('superior'), Type.Literal('subordinate')]),
  orgUnitId: Type.Integer(),
  orgName: Type.String(),
  host: Nullable(Type.String()),
  port: Nullable(Type.Integer()),
  downLinkHost: Nullable(Type.String()),
  downLinkPort: Nullable(Type.Integer()),
  gnssCenterId: Type.Integer(),
  userId: Type.Integer(),
  edition: Type.Union([Type.Literal('2011'), Type.Literal('2019')]),
  encrypt: Type.Boolean(),
  enabled: Type.Boolean(),
  createdAt: DateTimeString,
  updatedAt: DateTimeString,
  status: LinkStatusDto,
});
