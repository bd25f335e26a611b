export type UserStatus = 'active' | 'disabled';

export interface UserDto {
  id: number;
  username: string;
  displayName: string;
  email: string | null;
  phone: string | null;
  orgUnitId: number;
  orgName: string;
  status: UserStatus;
  roles: string[];
  locked: boolean;
  lockedUntil: string | null;
  mustChangePassword: boolean;
  totpEnabled: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

export interface UserFilters {
  q?: string;
  status?: UserStatus;
  role?: string;
  locked?: boolean;
}

export interface CreateUserInput {
  username: string;
  displayName: string;
  email?: string;
  phone?: string;
  orgUnitId: number;
  roles: string[];
  password?: string;
}

export interface UpdateUserInput {
  displayName?: string;
  email?: string | null;
  phone?: string | null;
  orgUnitId?: number;
  roles?: string[];
  status?: UserStatus;
}

export interface CreateUserResult {
  user: UserDto;
  /** Generated when no password was given; shown once. */
  initialPassword: string | null;
}
