import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sessionQueryKey } from '../../auth/api.ts';
import { changePassword, confirmTotp, disableTotp, startTotpSetup, updateMe } from '../api.ts';

/** Profile changes alter the session's view of the user (name, restriction, TOTP state): re-read it. */
function useSessionChangingMutation<TInput, TResult>(
  mutationFn: (input: TInput) => Promise<TResult>,
  silent = false,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    meta: { silent },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionQueryKey }),
  });
}

export const useUpdateMe = () => useSessionChangingMutation(updateMe);

/** The form shows policy failures next to the field, so no global toast. */
export const useChangePassword = () => useSessionChangingMutation(changePassword, true);

export const useConfirmTotp = () => useSessionChangingMutation(confirmTotp);

export const useDisableTotp = () => useSessionChangingMutation(disableTotp);

export function useStartTotpSetup() {
  return useMutation({ mutationFn: startTotpSetup });
}
