import { VesselMap } from '../modules/maritime/components/VesselMap.tsx';

export function MaritimeVesselsPage() {
  return <VesselMap />;
}
