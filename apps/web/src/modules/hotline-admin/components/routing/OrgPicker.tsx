import { Select } from 'antd';
import { useState } from 'react';
import { useT } from '../../../../i18n/useT.ts';
import { useOrgSearch } from '../../hooks/useRouting.ts';

/** An org unit found by name or code (GET /orgs?q=), shown with its path. */
export function OrgPicker({
  value,
  onChange,
  placeholder,
  testId,
}: {
  value?: number | undefined;
  onChange?: (id: number | undefined) => void;
  placeholder?: string;
  testId?: string;
}) {
  const t = useT();
  const [q, setQ] = useState('');
  const found = useOrgSearch(q);
  return (
    <Select<number>
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={(v) => onChange?.(v)}
      placeholder={placeholder ?? t('hla.org.search')}
      style={{ width: 280 }}
      loading={found.isFetching}
      notFoundContent={q ? undefined : t('hla.org.type-to-search')}
      options={(found.data?.items ?? []).map((o) => ({
        value: o.id,
        label: [...o.pathNames.slice(-2, -1), o.name].join(' / '),
      }))}
      data-testid={testId}
    />
  );
}
