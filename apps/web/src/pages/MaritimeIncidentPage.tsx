import { useParams } from 'react-router';
import { IncidentDetailView } from '../modules/maritime/components/IncidentDetailView.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';

export function MaritimeIncidentPage() {
  const id = Number(useParams().id);
  if (!Number.isInteger(id) || id < 1) return <NotFoundPage />;
  return <IncidentDetailView key={id} id={id} />;
}
