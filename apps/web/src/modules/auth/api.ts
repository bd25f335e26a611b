import { ApiError, api, setCsrfToken } from '../../api/client.ts';
import type { LoginRequest, LoginResponse, SessionResponse } from './types.ts';

export const sessionQueryKey = ['session'] as const;

export async function fetchSession(): Promise<SessionResponse> {
  try {
    const session = await api.get<SessionResponse>('/auth/session');
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    // An expired or unknown cookie simply means "nobody is signed in".
    if (error instanceof ApiError && error.status === 401) return { user: null, csrfToken: null };
    throw error;
  }
}

export async function login(input: LoginRequest): Promise<LoginResponse> {
  const response = await api.post<LoginResponse>('/auth/login', input);
  setCsrfToken(response.csrfToken);
  return response;
}

export async function logout(): Promise<void> {
  await api.post<void>('/auth/logout');
  setCsrfToken(null);
}
