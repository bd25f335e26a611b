import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { PageParams } from '../../../api/types.ts';
import { auditKeys, fetchAuditStats, listAudit, verifyAuditChain } from '../api.ts';
import type { AuditFilters } from '../types.ts';

export function useAuditList(params: PageParams, filters: AuditFilters) {
  return useQuery({
    queryKey: auditKeys.list(params, filters),
    queryFn: () => listAudit(params, filters),
    placeholderData: keepPreviousData,
  });
}

export function useAuditStats(from: string, to: string) {
  return useQuery({
    queryKey: auditKeys.stats(from, to),
    queryFn: () => fetchAuditStats(from, to),
    // The chart is an extra: if the server cannot draw it, the page goes on without it.
    retry: false,
  });
}

/** Verification reads the whole chain; it is a POST because it is expensive and audited, not because it writes. */
export function useVerifyAuditChain() {
  return useMutation({ mutationFn: verifyAuditChain });
}
