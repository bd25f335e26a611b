import { KbWorkbench } from '../modules/hotline-admin/components/kb/KbWorkbench.tsx';

export function HotlineAdminKbPage() {
  return <KbWorkbench />;
}
