import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PageParams } from '../../../api/types.ts';
import {
  createZone,
  deleteZone,
  listZones,
  type SpeedZoneFilters,
  type SpeedZoneInput,
  updateZone,
  zoneKeys,
} from '../api/speed-zones.ts';

export function useSpeedZones(filters: SpeedZoneFilters, params: PageParams) {
  return useQuery({
    queryKey: zoneKeys.list(filters, params),
    queryFn: () => listZones(filters, params),
    placeholderData: keepPreviousData,
  });
}

/** Create (no id) or change (an id) a zone; the list is read again. */
export function useSaveZone() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: number | null; input: SpeedZoneInput }) => {
      if (id === null) return createZone(input);
      const { orgUnitId: _, ...change } = input;
      return updateZone(id, change);
    },
    onSuccess: () => client.invalidateQueries({ queryKey: zoneKeys.all }),
  });
}

export function useDeleteZone() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: deleteZone,
    onSuccess: () => client.invalidateQueries({ queryKey: zoneKeys.all }),
  });
}
