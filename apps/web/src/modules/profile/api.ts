import { api } from '../../api/client.ts';
import type { ChangePasswordInput, TotpDisableInput, TotpSetup, UpdateMeInput } from './types.ts';

export const updateMe = (input: UpdateMeInput) => api.patch<unknown>('/me', input);

export const changePassword = (input: ChangePasswordInput) => api.post<unknown>('/me/password', input);

export const startTotpSetup = () => api.post<TotpSetup>('/me/totp/setup');

export const confirmTotp = (code: string) => api.post<unknown>('/me/totp/confirm', { code });

export const disableTotp = (input: TotpDisableInput) => api.post<unknown>('/me/totp/disable', input);
