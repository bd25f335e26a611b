import { Segmented } from 'antd';
import { useMemo, useState } from 'react';
import { useT } from '../i18n/useT.ts';
import { CompletenessMatrix } from '../modules/stats/components/CompletenessMatrix.tsx';
import { CompletenessView } from '../modules/stats/components/CompletenessView.tsx';
import { FormPeriodPicker } from '../modules/stats/components/FormPeriodPicker.tsx';
import { useFormPeriodParams } from '../modules/stats/hooks/useFormPeriodParams.ts';
import { useForms } from '../modules/stats/hooks/useStats.ts';
import { recentPeriods } from '../modules/stats/model/periods.ts';
import { PageHeader } from '../ui/PageHeader.tsx';

export function StatsCompletenessPage() {
  const t = useT();
  const { formId, period, set } = useFormPeriodParams();
  const [mode, setMode] = useState<'period' | 'matrix'>('period');
  const forms = useForms();
  const form = forms.data?.items.find((f) => f.id === formId);
  const periods = useMemo(() => (form ? recentPeriods(form.periodType, new Date(), 6) : []), [form]);
  return (
    <>
      <PageHeader
        title={t('nav.stats-completeness')}
        subtitle={t('stats.completeness.subtitle')}
        extra={
          <>
            <Segmented
              value={mode}
              onChange={(v) => setMode(v as 'period' | 'matrix')}
              options={[
                { value: 'period', label: t('stats.completeness.one-period') },
                { value: 'matrix', label: t('stats.completeness.matrix') },
              ]}
            />
            <FormPeriodPicker formId={formId} period={period} onChange={set} noPeriod={mode === 'matrix'} />
          </>
        }
      />
      {formId !== undefined &&
        period &&
        (mode === 'period' ? (
          <CompletenessView formId={formId} period={period} />
        ) : (
          <CompletenessMatrix formId={formId} periods={periods} />
        ))}
    </>
  );
}
