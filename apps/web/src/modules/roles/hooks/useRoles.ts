import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { PageParams } from '../../../api/types.ts';
import { isMessageKey, useT } from '../../../i18n/useT.ts';
import { sessionQueryKey } from '../../auth/api.ts';
import {
  ALL_ROLES,
  createRole,
  deleteRole,
  fetchPermissions,
  listRoles,
  roleKeys,
  updateRole,
} from '../api.ts';
import type { CreateRoleInput, RoleDto, UpdateRoleInput } from '../types.ts';

export function useRoleList(params: PageParams, enabled = true) {
  return useQuery({
    queryKey: roleKeys.list(params),
    queryFn: () => listRoles(params),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function usePermissionCatalogue() {
  return useQuery({
    queryKey: roleKeys.permissions(),
    queryFn: fetchPermissions,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/**
 * Role code → display name. Built-in roles have translations in the console (the server's names
 * are Chinese); custom roles show their name from the role list when readable, else their code.
 */
export function useRoleName(readList = true): (code: string) => string {
  const t = useT();
  const roles = useRoleList(ALL_ROLES, readList);
  const items = roles.data?.items;
  return useCallback(
    (code: string) => {
      const key = `role.builtin.${code}`;
      if (isMessageKey(key)) return t(key);
      return items?.find((r) => r.code === code)?.name ?? code;
    },
    [items, t],
  );
}

/** Name and description of a role in the current locale (translated for built-in roles). */
export function useRoleText(): (role: RoleDto) => { name: string; description: string } {
  const t = useT();
  return useCallback(
    (role: RoleDto) => {
      const nameKey = `role.builtin.${role.code}`;
      const descriptionKey = `role.builtin-description.${role.code}`;
      return {
        name: role.builtin && isMessageKey(nameKey) ? t(nameKey) : role.name,
        description: role.builtin && isMessageKey(descriptionKey) ? t(descriptionKey) : role.description,
      };
    },
    [t],
  );
}

/** Permission code → label in the current locale; codes the console does not know are shown as they are. */
export function usePermissionLabel(): (code: string) => string {
  const t = useT();
  return useCallback(
    (code: string) => {
      const key = `permission.${code}`;
      return isMessageKey(key) ? t(key) : code;
    },
    [t],
  );
}

export function useSaveRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (command: { id: number; input: UpdateRoleInput } | { id: null; input: CreateRoleInput }) =>
      command.id === null ? createRole(command.input) : updateRole(command.id, command.input),
    // Users' permissions follow their roles, and the session's own permissions may have changed.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: roleKeys.all }),
        queryClient.invalidateQueries({ queryKey: sessionQueryKey }),
      ]),
  });
}

export function useDeleteRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteRole,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: roleKeys.all }),
  });
}
