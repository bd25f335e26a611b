import { useT } from '../i18n/useT.ts';
import { FormPeriodPicker } from '../modules/stats/components/FormPeriodPicker.tsx';
import { RuleRunView } from '../modules/stats/components/RuleRunView.tsx';
import { useFormPeriodParams } from '../modules/stats/hooks/useFormPeriodParams.ts';
import { PageHeader } from '../ui/PageHeader.tsx';

export function StatsRuleRunsPage() {
  const t = useT();
  const { formId, period, set } = useFormPeriodParams();
  return (
    <>
      <PageHeader
        title={t('nav.stats-rule-runs')}
        subtitle={t('stats.rule-runs.subtitle')}
        extra={<FormPeriodPicker formId={formId} period={period} onChange={set} />}
      />
      {formId !== undefined && period && (
        <RuleRunView key={`${formId}-${period}`} formId={formId} period={period} />
      )}
    </>
  );
}
