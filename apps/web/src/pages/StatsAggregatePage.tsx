import { useT } from '../i18n/useT.ts';
import { useMe } from '../modules/auth/hooks/useMe.ts';
import { FormPeriodPicker } from '../modules/stats/components/FormPeriodPicker.tsx';
import { ReportWorkspace } from '../modules/stats/components/ReportWorkspace.tsx';
import { useFormPeriodParams } from '../modules/stats/hooks/useFormPeriodParams.ts';
import { PageHeader } from '../ui/PageHeader.tsx';

/** My unit's report of a form and period: for a reviewing level, the roll-up of everything below it. */
export function StatsAggregatePage() {
  const t = useT();
  const me = useMe();
  const { formId, period, set } = useFormPeriodParams();
  return (
    <>
      <PageHeader
        title={t('nav.stats-aggregate')}
        subtitle={t('stats.aggregate.subtitle')}
        extra={<FormPeriodPicker formId={formId} period={period} onChange={set} />}
      />
      {formId !== undefined && period && (
        <ReportWorkspace
          key={`${formId}-${period}`}
          reportRef={{ formId, orgUnitId: me.orgUnitId, period }}
        />
      )}
    </>
  );
}
