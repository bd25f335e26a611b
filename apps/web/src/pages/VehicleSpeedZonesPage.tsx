import { SpeedZonesBoard } from '../modules/vehicles/components/SpeedZonesBoard.tsx';

export function VehicleSpeedZonesPage() {
  return <SpeedZonesBoard />;
}
