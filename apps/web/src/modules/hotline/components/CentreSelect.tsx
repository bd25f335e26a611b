import { Select } from 'antd';
import { useState } from 'react';
import { useT } from '../../../i18n/useT.ts';
import { useDebouncedValue } from '../../../ui/useDebouncedValue.ts';
import { usePublicRegions } from '../hooks.ts';

/**
 * A city or county transport authority anywhere in the country, by name or code: the target of
 * a cross-area transfer lies outside my jurisdiction, so the public list of places is searched.
 */
export function CentreSelect({
  value,
  onChange,
  testId,
}: {
  value?: number;
  onChange?: (v: number) => void;
  testId?: string;
}) {
  const t = useT();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text, 300);
  const regions = usePublicRegions(q);
  return (
    <Select<number>
      showSearch={{ filterOption: false, onSearch: setText }}
      value={value}
      onChange={(v) => onChange?.(v)}
      loading={regions.isFetching}
      placeholder={t('hotline.public.region-placeholder')}
      notFoundContent={q.trim() ? undefined : t('hotline.public.region-type')}
      options={(regions.data?.items ?? []).map((r) => ({
        value: r.id,
        label: r.parentName ? `${r.name}（${r.parentName}）` : r.name,
      }))}
      data-testid={testId}
    />
  );
}
