import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, Date | undefined, never>;

export interface AppUserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  email: string | null;
  phone: string | null;
  org_unit_id: number;
  password_hash: string;
  password_changed_at: Date;
  must_change_password: boolean;
  failed_attempts: Generated<number>;
  locked_until: Date | null;
  /** SM4-encrypted TOTP secret; null until the user has enrolled. */
  totp_secret: string | null;
  totp_enabled: Generated<boolean>;
  /** Time step of the last accepted TOTP code: a code is accepted once (RFC 6238 §5.2). */
  totp_last_step: number | null;
  status: 'active' | 'disabled';
  created_at: CreatedAt;
  last_login_at: Date | null;
}

export interface RoleTable {
  id: Generated<number>;
  code: string;
  name: string;
  description: string;
  permissions: string[];
  /** Built-in roles cannot be edited or deleted. */
  builtin: Generated<boolean>;
  /** Roles that count as administrators (TOTP, separation of duties). */
  is_admin: Generated<boolean>;
}

export interface UserRoleTable {
  user_id: number;
  role_id: number;
}

export interface SessionTable {
  /** SM3 of the session token; the token itself is never stored. */
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: CreatedAt;
  last_seen_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokenTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  /** SM3 of the token; the token is shown once at creation. */
  token_hash: string;
  /** First characters, to recognise a token in a list. */
  prefix: string;
  created_at: CreatedAt;
  expires_at: Date | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export interface PasswordHistoryTable {
  id: Generated<number>;
  user_id: number;
  password_hash: string;
  created_at: CreatedAt;
}

export interface IdentityTables {
  app_user: AppUserTable;
  role: RoleTable;
  user_role: UserRoleTable;
  user_session: SessionTable;
  api_token: ApiTokenTable;
  password_history: PasswordHistoryTable;
}
