import { RoutingWorkbench } from '../modules/hotline-admin/components/routing/RoutingWorkbench.tsx';

export function HotlineAdminRoutingPage() {
  return <RoutingWorkbench />;
}
