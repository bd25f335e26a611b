import { AlarmBoard } from '../modules/vehicles/components/AlarmBoard.tsx';

export function VehicleAlarmsPage() {
  return <AlarmBoard />;
}
