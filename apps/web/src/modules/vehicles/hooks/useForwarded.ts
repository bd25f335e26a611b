import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { PageParams } from '../../../api/types.ts';
import { useCan } from '../../auth/hooks/useMe.ts';
import {
  type ForwardedFilters,
  forwardedKeys,
  listForwardedAlarms,
  listForwardedRegistrations,
  listPlatformLinks,
} from '../api/forwarded.ts';

export function useForwardedAlarms(filters: ForwardedFilters, params: PageParams, enabled = true) {
  return useQuery({
    queryKey: forwardedKeys.alarms(filters, params),
    queryFn: () => listForwardedAlarms(filters, params),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useForwardedRegistrations(filters: ForwardedFilters, params: PageParams, enabled = true) {
  return useQuery({
    queryKey: forwardedKeys.registrations(filters, params),
    queryFn: () => listForwardedRegistrations(filters, params),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** Subordinate platforms to filter by; empty for callers who may not read the links. */
export function useSubordinateLinks() {
  const can = useCan('vehicle.manage');
  const q = useQuery({
    queryKey: forwardedKeys.links(),
    queryFn: listPlatformLinks,
    enabled: can,
    retry: false,
  });
  return (q.data?.items ?? []).filter((l) => l.direction === 'subordinate');
}
