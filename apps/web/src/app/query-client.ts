import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/client.ts';

declare module '@tanstack/react-query' {
  interface Register {
    defaultError: Error;
    /** `silent`: the component reports the failure itself, so the global reporter stays quiet. */
    mutationMeta: { silent?: boolean };
  }
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // Any request refreshes the session's idle clock, so the console only asks when the user acts.
        refetchOnWindowFocus: false,
        // 4xx answers will not change on retry.
        retry: (failureCount, error) =>
          !(error instanceof ApiError && error.status < 500) && failureCount < 2,
      },
    },
  });
}
