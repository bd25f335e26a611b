import { Select } from 'antd';
import { useMemo, useState } from 'react';
import { useT } from '../i18n/useT.ts';
import { AnalyticsView } from '../modules/stats/components/AnalyticsView.tsx';
import { FormPeriodPicker } from '../modules/stats/components/FormPeriodPicker.tsx';
import { useFormPeriodParams } from '../modules/stats/hooks/useFormPeriodParams.ts';
import { useForms } from '../modules/stats/hooks/useStats.ts';
import { recentPeriods } from '../modules/stats/model/periods.ts';
import { PageHeader } from '../ui/PageHeader.tsx';

export function StatsAnalyticsPage() {
  const t = useT();
  const { formId, period, set } = useFormPeriodParams();
  const [count, setCount] = useState(6);
  const forms = useForms();
  const form = forms.data?.items.find((f) => f.id === formId);
  const periods = useMemo(
    () => (form ? recentPeriods(form.periodType, new Date(), count) : []),
    [form, count],
  );
  return (
    <>
      <PageHeader
        title={t('nav.stats-analytics')}
        subtitle={t('stats.analytics.subtitle')}
        extra={
          <>
            <FormPeriodPicker formId={formId} period={period} onChange={set} noPeriod />
            <Select
              value={count}
              style={{ width: 140 }}
              onChange={setCount}
              options={[3, 6, 12].map((n) => ({ value: n, label: t('stats.analytics.periods', { n }) }))}
            />
          </>
        }
      />
      {formId !== undefined && periods.length > 0 && (
        <AnalyticsView key={`${formId}-${count}`} formId={formId} periods={periods} />
      )}
    </>
  );
}
