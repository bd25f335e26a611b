import type { QueryClient } from '@tanstack/react-query';
import { setSessionListeners } from '../api/client.ts';
import { sessionQueryKey } from '../modules/auth/api.ts';

interface Navigator {
  navigate: (to: string, options?: { replace?: boolean }) => unknown;
  state: { location: { pathname: string } };
}

/** Connects the API client's "session ended / restricted" signals to the cache and the router. */
export function installSessionListeners(queryClient: QueryClient, router: Navigator): void {
  setSessionListeners({
    ended: (code) => {
      if (router.state.location.pathname === '/login') return;
      queryClient.clear();
      const reason = code === 'account_disabled' ? 'disabled' : 'expired';
      void router.navigate(`/login?reason=${reason}`, { replace: true });
    },
    // The session gained a restriction (e.g. the password aged out); re-reading it routes to the forced screen.
    restricted: () => {
      void queryClient.invalidateQueries({ queryKey: sessionQueryKey });
    },
  });
}
