import { useQuery } from '@tanstack/react-query';
import { fetchSession, sessionQueryKey } from '../api.ts';

export function useSession() {
  return useQuery({
    queryKey: sessionQueryKey,
    queryFn: fetchSession,
    staleTime: 5 * 60_000,
    refetchOnWindowFocus: false,
  });
}
