export interface ApiTokenDto {
  id: number;
  name: string;
  /** The first characters of the token, to recognise it; the rest is never shown again. */
  prefix: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface CreateTokenInput {
  name: string;
  expiresInDays?: number;
}

export interface CreateTokenResult {
  token: string;
  item: ApiTokenDto;
}
