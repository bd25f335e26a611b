import { Select, Space } from 'antd';
import { useEffect, useMemo } from 'react';
import { useT } from '../../../i18n/useT.ts';
import { useForms } from '../hooks/useStats.ts';
import { periodLabel, recentPeriods } from '../model/periods.ts';
import type { StatsForm } from '../model/types.ts';

export interface FormPeriodPickerProps {
  formId: number | undefined;
  period: string | undefined;
  onChange: (formId: number, period: string) => void;
  /** Hide the period select (views that span periods). */
  noPeriod?: boolean;
}

/** A form visible to me and one of its recent periods; picks the first form and last period by default. */
export function FormPeriodPicker({ formId, period, onChange, noPeriod }: FormPeriodPickerProps) {
  const t = useT();
  const forms = useForms();
  const items = useMemo(() => (forms.data?.items ?? []).filter((f) => f.status === 'active'), [forms.data]);
  const form: StatsForm | undefined = items.find((f) => f.id === formId);
  const periods = useMemo(() => (form ? recentPeriods(form.periodType, new Date(), 12) : []), [form]);
  useEffect(() => {
    const first = items[0];
    if (formId === undefined && first)
      onChange(first.id, recentPeriods(first.periodType, new Date(), 1)[0] ?? '');
  }, [formId, items, onChange]);
  return (
    <Space wrap>
      <Select
        data-testid="pick-form"
        style={{ width: 320 }}
        loading={forms.isPending}
        value={formId}
        placeholder={t('stats.field.form')}
        options={items.map((f) => ({ value: f.id, label: `${f.code} ${f.name}` }))}
        onChange={(id: number) => {
          const f = items.find((x) => x.id === id);
          if (f) onChange(id, recentPeriods(f.periodType, new Date(), 1)[0] ?? '');
        }}
      />
      {!noPeriod && (
        <Select
          data-testid="pick-period"
          style={{ width: 200 }}
          value={period}
          options={periods.map((p) => ({ value: p, label: periodLabel(t, p) }))}
          onChange={(p: string) => formId !== undefined && onChange(formId, p)}
        />
      )}
    </Space>
  );
}
