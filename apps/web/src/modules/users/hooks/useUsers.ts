import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PageParams } from '../../../api/types.ts';
import { roleKeys } from '../../roles/api.ts';
import {
  createUser,
  listUsers,
  resetUserPassword,
  resetUserTotp,
  unlockUser,
  updateUser,
  userKeys,
} from '../api.ts';
import type { CreateUserInput, UpdateUserInput, UserFilters } from '../types.ts';

export function useUserList(params: PageParams, filters: UserFilters) {
  return useQuery({
    queryKey: userKeys.list(params, filters),
    queryFn: () => listUsers(params, filters),
    placeholderData: keepPreviousData,
  });
}

/** Every user write changes the list (and role member counts), so all user and role lists are refreshed. */
function useUserMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: userKeys.all }),
        queryClient.invalidateQueries({ queryKey: roleKeys.all }),
      ]),
  });
}

export const useCreateUser = () => useUserMutation((input: CreateUserInput) => createUser(input));

export const useUpdateUser = () =>
  useUserMutation(({ id, input }: { id: number; input: UpdateUserInput }) => updateUser(id, input));

export const useResetUserPassword = () => useUserMutation((id: number) => resetUserPassword(id));

export const useUnlockUser = () => useUserMutation((id: number) => unlockUser(id));

export const useResetUserTotp = () => useUserMutation((id: number) => resetUserTotp(id));
