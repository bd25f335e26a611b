import { useParams } from 'react-router';
import { TicketDetailView } from '../modules/hotline/components/TicketDetailView.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';

export function HotlineTicketPage() {
  const id = Number(useParams().id);
  if (!Number.isInteger(id) || id < 1) return <NotFoundPage />;
  return <TicketDetailView key={id} id={id} />;
}
