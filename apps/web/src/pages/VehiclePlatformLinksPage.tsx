import { PlatformLinksBoard } from '../modules/vehicles/components/PlatformLinksBoard.tsx';

export function VehiclePlatformLinksPage() {
  return <PlatformLinksBoard />;
}
