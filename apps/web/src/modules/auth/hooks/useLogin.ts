import { useMutation, useQueryClient } from '@tanstack/react-query';
import { login, logout, sessionQueryKey } from '../api.ts';
import type { LoginRequest, SessionResponse } from '../types.ts';

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginRequest) => login(input),
    // The login form explains each failure itself.
    meta: { silent: true },
    onSuccess: (response) => {
      queryClient.clear();
      queryClient.setQueryData<SessionResponse>(sessionQueryKey, {
        user: response.user,
        csrfToken: response.csrfToken,
      });
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    meta: { silent: true },
    // Whether or not the server still knew the session, the console forgets it.
    onSettled: () => {
      queryClient.clear();
      queryClient.setQueryData<SessionResponse>(sessionQueryKey, { user: null, csrfToken: null });
    },
  });
}
