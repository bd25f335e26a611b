export type Restriction = 'password_change_required' | 'totp_enrolment_required';

/** The signed-in user as GET /api/auth/session describes them. */
export interface Me {
  id: number;
  username: string;
  displayName: string;
  orgUnitId: number;
  orgName: string;
  orgPath: string;
  permissions: string[];
  roles: string[];
  isAdmin: boolean;
  restriction: Restriction | null;
  totpEnabled: boolean;
  email: string | null;
  phone: string | null;
}

export interface SessionResponse {
  user: Me | null;
  csrfToken: string | null;
}

export interface LoginRequest {
  username: string;
  password: string;
  totpCode?: string;
}

export interface LoginResponse {
  token: string;
  csrfToken: string;
  expiresAt: string;
  user: Me;
}

/** Permissions the console checks; the server may know more. */
export type Permission =
  | 'org.read'
  | 'org.manage'
  | 'user.read'
  | 'user.manage'
  | 'role.manage'
  | 'audit.read'
  | 'calendar.manage'
  | 'job.manage'
  | 'file.upload'
  | 'maritime.read'
  | 'maritime.manage'
  | 'maritime.contacts.read'
  | 'vehicle.read'
  | 'vehicle.manage'
  | 'vehicle.alarm.handle'
  | 'hotline.read'
  | 'hotline.intake'
  | 'hotline.handle'
  | 'hotline.supervise'
  | 'hotline.manage'
  | 'hotline.kb.manage'
  | 'stats.read'
  | 'stats.fill'
  | 'stats.review'
  | 'stats.manage'
  | 'stats.chain.manage';
