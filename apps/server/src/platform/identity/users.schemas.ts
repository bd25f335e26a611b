import { Type } from 'typebox';
import { PageQuery } from '../http/pagination.ts';
import { DateTimeString, Nullable } from '../http/schemas.ts';

const Username = Type.String({
  pattern: '^[a-zA-Z0-9][a-zA-Z0-9._-]{2,63}$',
  description: '3–64 letters, digits, . _ -',
});

export const UserDto = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  orgUnitId: Type.Integer(),
  orgName: Type.String(),
  status: Type.Union([Type.Literal('active'), Type.Literal('disabled')]),
  roles: Type.Array(Type.String()),
  locked: Type.Boolean(),
  lockedUntil: Nullable(DateTimeString),
  mustChangePassword: Type.Boolean(),
  totpEnabled: Type.Boolean(),
  createdAt: DateTimeString,
  lastLoginAt: Nullable(DateTimeString),
});

export const UserListQuery = Type.Intersect([
  PageQuery,
  Type.Object({
    q: Type.Optional(Type.String({ maxLength: 64, description: 'part of the username or display name' })),
    status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('disabled')])),
    role: Type.Optional(Type.String({ maxLength: 64 })),
    locked: Type.Optional(Type.Boolean()),
  }),
]);

export const CreateUserBody = Type.Object(
  {
    username: Username,
    displayName: Type.String({ minLength: 1, maxLength: 64 }),
    email: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 254 }))),
    phone: Type.Optional(Nullable(Type.String({ pattern: '^[0-9+\\- ]{3,32}$' }))),
    orgUnitId: Type.Integer({ minimum: 1 }),
    roles: Type.Array(Type.String({ maxLength: 64 }), { maxItems: 20 }),
    password: Type.Optional(
      Type.String({ minLength: 1, maxLength: 256, description: 'omit to generate one' }),
    ),
  },
  { additionalProperties: false },
);

export const CreateUserResponse = Type.Object({
  user: UserDto,
  initialPassword: Nullable(Type.String({ description: 'the generated password, shown this once' })),
});

export const UpdateUserBody = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    email: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 254 }))),
    phone: Type.Optional(Nullable(Type.String({ pattern: '^[0-9+\\- ]{3,32}$' }))),
    orgUnitId: Type.Optional(Type.Integer({ minimum: 1 })),
    roles: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 20 })),
    status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('disabled')])),
  },
  { additionalProperties: false },
);

export const PasswordResponse = Type.Object({
  password: Type.String({ description: 'new password, shown this once' }),
});
