import { useMutation, useQueryClient } from '@tanstack/react-query';
import { closeOrg, createOrg, mergeOrg, orgKeys, renameOrg } from '../api.ts';
import type { CloseOrgInput, CreateOrgInput, MergeOrgInput, RenameOrgInput } from '../types.ts';

export type OrgAction = 'create' | 'rename' | 'merge' | 'close';

export type OrgActionInput =
  | { action: 'create'; input: CreateOrgInput }
  | { action: 'rename'; id: number; input: RenameOrgInput }
  | { action: 'merge'; id: number; input: MergeOrgInput }
  | { action: 'close'; id: number; input: CloseOrgInput };

function run(command: OrgActionInput) {
  switch (command.action) {
    case 'create':
      return createOrg(command.input);
    case 'rename':
      return renameOrg(command.id, command.input);
    case 'merge':
      return mergeOrg(command.id, command.input);
    case 'close':
      return closeOrg(command.id, command.input);
  }
}

/** Every org change can alter names, counts and paths anywhere below, so all org queries are refreshed. */
export function useOrgAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKeys.all }),
  });
}
