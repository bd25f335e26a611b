import { Type } from 'typebox';

export const RoleDto = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  description: Type.String(),
  permissions: Type.Array(Type.String()),
  builtin: Type.Boolean(),
  isAdmin: Type.Boolean(),
  memberCount: Type.Integer(),
});

export const CreateRoleBody = Type.Object(
  {
    code: Type.String({ pattern: '^[a-zA-Z][a-zA-Z0-9]{1,47}$' }),
    name: Type.String({ minLength: 1, maxLength: 64 }),
    description: Type.String({ maxLength: 500, default: '' }),
    permissions: Type.Array(Type.String({ maxLength: 64 }), { maxItems: 100 }),
  },
  { additionalProperties: false },
);

export const UpdateRoleBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    description: Type.Optional(Type.String({ maxLength: 500 })),
    permissions: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 100 })),
  },
  { additionalProperties: false },
);
