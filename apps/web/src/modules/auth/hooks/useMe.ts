import { createContext, useContext } from 'react';
import type { Me, Permission } from '../types.ts';

/** Provided by RequireAuth, so every screen behind it can read the user without null checks. */
export const MeContext = createContext<Me | null>(null);

export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe must be used behind <RequireAuth>');
  return me;
}

export function useCan(permission: Permission): boolean {
  return useMe().permissions.includes(permission);
}
