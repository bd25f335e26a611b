import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createFeed, feedKeys, listFeeds, setFeedEnabled } from '../api/feeds.ts';
import type { CreateFeedRequest } from '../types/feeds.ts';

/** Statistics move while feeds run: re-read every few seconds. */
const STATS_REFRESH_MS = 3000;

export function useFeeds() {
  return useQuery({ queryKey: feedKeys.all, queryFn: listFeeds, refetchInterval: STATS_REFRESH_MS });
}

export function useCreateFeed() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateFeedRequest) => createFeed(body),
    onSuccess: () => client.invalidateQueries({ queryKey: feedKeys.all }),
  });
}

export function useSetFeedEnabled() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, enabled }: { id: number; enabled: boolean }) => setFeedEnabled(id, enabled),
    onSuccess: () => client.invalidateQueries({ queryKey: feedKeys.all }),
  });
}
