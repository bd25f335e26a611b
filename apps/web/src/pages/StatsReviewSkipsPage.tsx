import { useT } from '../i18n/useT.ts';
import { FormPeriodPicker } from '../modules/stats/components/FormPeriodPicker.tsx';
import { ReviewSkipsView } from '../modules/stats/components/ReviewSkipsView.tsx';
import { useFormPeriodParams } from '../modules/stats/hooks/useFormPeriodParams.ts';
import { useForms } from '../modules/stats/hooks/useStats.ts';
import { PageHeader } from '../ui/PageHeader.tsx';

export function StatsReviewSkipsPage() {
  const t = useT();
  const { formId, period, set } = useFormPeriodParams();
  const form = useForms().data?.items.find((f) => f.id === formId);
  return (
    <>
      <PageHeader
        title={t('nav.stats-review-skips')}
        subtitle={t('stats.review-skips.subtitle')}
        extra={<FormPeriodPicker formId={formId} period={period} onChange={set} noPeriod />}
      />
      {form && <ReviewSkipsView key={form.id} form={form} />}
    </>
  );
}
