import { IncidentDesk } from '../modules/maritime/components/IncidentDesk.tsx';

export function MaritimeIncidentsPage() {
  return <IncidentDesk />;
}
