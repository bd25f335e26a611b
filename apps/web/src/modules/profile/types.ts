export interface UpdateMeInput {
  displayName?: string;
  email?: string | null;
  phone?: string | null;
}

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
}

export interface TotpSetup {
  secret: string;
  /** otpauth:// URI for authenticator apps. */
  uri: string;
}

export interface TotpDisableInput {
  password: string;
  code: string;
}
