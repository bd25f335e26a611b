import { type Static, Type } from 'typebox';
import { DateTimeString, Nullable } from '../http/schemas.ts';

export const LoginBody = Type.Object({
  username: Type.String({ minLength: 1, maxLength: 64 }),
  password: Type.String({ minLength: 1, maxLength: 256 }),
  totpCode: Type.Optional(Type.String({ pattern: '^[0-9]{6}$' })),
});

export const Me = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  orgUnitId: Type.Integer(),
  orgName: Type.String(),
  orgPath: Type.String(),
  permissions: Type.Array(Type.String()),
  roles: Type.Array(Type.String()),
  isAdmin: Type.Boolean(),
  totpEnabled: Type.Boolean(),
  restriction: Nullable(
    Type.Union([Type.Literal('password_change_required'), Type.Literal('totp_enrolment_required')]),
  ),
});
export type Me = Static<typeof Me>;

export const LoginResponse = Type.Object({
  token: Type.String({ description: 'session token: also usable as `Authorization: Bearer <token>`' }),
  csrfToken: Type.String({
    description: 'send as X-CSRF-Token on unsafe requests authenticated by the cookie',
  }),
  expiresAt: DateTimeString,
  user: Me,
});

export const SessionResponse = Type.Object({ user: Nullable(Me), csrfToken: Nullable(Type.String()) });

export const MePatch = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    email: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 254 }))),
    phone: Type.Optional(Nullable(Type.String({ pattern: '^[0-9+\\- ]{3,32}$' }))),
  },
  { additionalProperties: false },
);

export const ChangePasswordBody = Type.Object({
  currentPassword: Type.String({ minLength: 1, maxLength: 256 }),
  newPassword: Type.String({ minLength: 1, maxLength: 256 }),
});

export const TotpSetupResponse = Type.Object({ secret: Type.String(), uri: Type.String() });
export const TotpCodeBody = Type.Object({ code: Type.String({ pattern: '^[0-9]{6}$' }) });
export const TotpDisableBody = Type.Object({
  password: Type.String({ minLength: 1, maxLength: 256 }),
  code: Type.String({ pattern: '^[0-9]{6}$' }),
});
export const Ok = Type.Object({ ok: Type.Literal(true) });
