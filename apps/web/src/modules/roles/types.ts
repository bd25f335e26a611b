export interface RoleDto {
  id: number;
  code: string;
  name: string;
  description: string;
  permissions: string[];
  builtin: boolean;
  isAdmin: boolean;
  memberCount: number;
}

export interface CreateRoleInput {
  code: string;
  name: string;
  description: string;
  permissions: string[];
}

export interface UpdateRoleInput {
  name?: string;
  description?: string;
  permissions?: string[];
}
