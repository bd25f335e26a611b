import { RolesManager } from '../modules/roles/components/RolesManager.tsx';

export function RolesPage() {
  return <RolesManager />;
}
