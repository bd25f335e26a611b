import { useMe } from '../../auth/hooks/useMe.ts';

export type HotlinePermission =
  | 'hotline.read'
  | 'hotline.intake'
  | 'hotline.handle'
  | 'hotline.supervise'
  | 'hotline.manage'
  | 'hotline.kb.manage';

/** The console's Permission type lists the permissions it knew before the hotline; these are checked here. */
export function useHotlineCan(permission: HotlinePermission): boolean {
  return useMe().permissions.includes(permission);
}
