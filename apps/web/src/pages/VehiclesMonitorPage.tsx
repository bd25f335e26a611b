import { VehicleMonitor } from '../modules/vehicles/components/VehicleMonitor.tsx';

export function VehiclesMonitorPage() {
  return <VehicleMonitor />;
}
