import { useParams } from 'react-router';
import { FormWorkspace } from '../modules/stats/admin/FormWorkspace.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';

export function StatsFormPage() {
  const formId = Number(useParams().formId);
  if (!Number.isInteger(formId) || formId < 1) return <NotFoundPage />;
  return <FormWorkspace key={formId} formId={formId} />;
}
