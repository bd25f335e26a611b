import { UsersManager } from '../modules/users/components/UsersManager.tsx';

export function UsersPage() {
  return <UsersManager />;
}
