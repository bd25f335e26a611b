import { AuditLog } from '../modules/audit/components/AuditLog.tsx';

export function AuditPage() {
  return <AuditLog />;
}
