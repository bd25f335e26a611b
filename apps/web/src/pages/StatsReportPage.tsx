import { useParams } from 'react-router';
import { ReportWorkspace } from '../modules/stats/components/ReportWorkspace.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';

const PERIOD = /^\d{4}(\d{2}|Q\d|S\d)?(E\d{2})?$/;

export function StatsReportPage() {
  const params = useParams();
  const formId = Number(params.formId);
  const orgUnitId = Number(params.orgUnitId);
  const period = params.period ?? '';
  if (
    !Number.isInteger(formId) ||
    formId < 1 ||
    !Number.isInteger(orgUnitId) ||
    orgUnitId < 1 ||
    !PERIOD.test(period)
  )
    return <NotFoundPage />;
  const ref = { formId, orgUnitId, period };
  return <ReportWorkspace key={`${formId}-${orgUnitId}-${period}`} reportRef={ref} />;
}
