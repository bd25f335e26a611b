import { ForwardedReports } from '../modules/vehicles/components/ForwardedReports.tsx';

export function VehicleForwardedPage() {
  return <ForwardedReports />;
}
