import { useSearchParams } from 'react-router';
import { PlanningView } from '../modules/maritime/components/PlanningView.tsx';

export function MaritimePlanningPage() {
  const [params] = useSearchParams();
  const id = Number(params.get('incident'));
  const incidentId = Number.isInteger(id) && id > 0 ? id : null;
  return <PlanningView key={incidentId ?? 0} incidentId={incidentId} />;
}
