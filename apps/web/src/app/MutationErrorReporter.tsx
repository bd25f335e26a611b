import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useEffect } from 'react';
import { ApiError } from '../api/client.ts';
import { describeError } from '../api/error-message.ts';
import { useT } from '../i18n/useT.ts';

// These are answered by navigation (to login or a forced screen), not by a toast.
const HANDLED_ELSEWHERE = new Set([
  'session_expired',
  'unauthenticated',
  'password_change_required',
  'totp_enrolment_required',
]);

/** One place that tells the user why a write failed, unless the mutation says it explains itself. */
export function MutationErrorReporter() {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const t = useT();
  useEffect(
    () =>
      queryClient.getMutationCache().subscribe((event) => {
        if (event.type !== 'updated' || event.action.type !== 'error') return;
        if (event.mutation.meta?.silent) return;
        const error = event.action.error;
        if (error instanceof ApiError && HANDLED_ELSEWHERE.has(error.code)) return;
        void message.error(describeError(t, error));
      }),
    [queryClient, message, t],
  );
  return null;
}
