import { Select, type SelectProps } from 'antd';
import { useDeferredValue, useState } from 'react';
import { useT } from '../../../i18n/useT.ts';
import { useOrgSearch } from '../hooks/useOrgQueries.ts';

export interface OrgSelectProps {
  value?: number;
  onChange?: (value: number | undefined) => void;
  /** Shown for the current value before any search (e.g. the user's org name when editing). */
  initialLabel?: string;
  excludeId?: number;
  placeholder?: string;
  testId?: string;
}

const FIRST_PAGE = { page: 1, pageSize: 20 };

/** Picks an org unit by searching GET /api/orgs?q=; works as a Form.Item control. */
export function OrgSelect({ value, onChange, initialLabel, excludeId, placeholder, testId }: OrgSelectProps) {
  const t = useT();
  const [text, setText] = useState('');
  const q = useDeferredValue(text);
  const search = useOrgSearch(q, FIRST_PAGE);

  const options: SelectProps<number>['options'] = (search.data?.items ?? [])
    .filter((hit) => hit.id !== excludeId)
    .map((hit) => ({ value: hit.id, label: hit.name, title: hit.pathNames.join(' / ') }));
  if (value !== undefined && initialLabel && !options.some((o) => o.value === value)) {
    options.unshift({ value, label: initialLabel });
  }

  return (
    <Select<number>
      showSearch={{ filterOption: false, onSearch: setText }}
      allowClear
      value={value}
      onChange={(next) => onChange?.(next)}
      options={options}
      loading={search.isFetching}
      placeholder={placeholder ?? t('org.select.placeholder')}
      notFoundContent={q.trim() ? undefined : t('org.select.type-to-search')}
      optionRender={(option) => (
        <div>
          <div>{option.label}</div>
          <div style={{ fontSize: 12, color: '#8c8c8c' }}>{option.data.title}</div>
        </div>
      )}
      data-testid={testId}
    />
  );
}
