import { DatePicker, Input, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useT } from '../../../i18n/useT.ts';
import type { ForwardedFilters } from '../api/forwarded.ts';
import { useSubordinateLinks } from '../hooks/useForwarded.ts';

/** JT/T 809-2011 Table 43 WARN_TYPE values. */
export const WARN_TYPES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14] as const;

export interface ForwardedFilterBarProps {
  value: ForwardedFilters;
  onChange: (filters: ForwardedFilters) => void;
  /** The alarm type filter (alarms only). */
  withWarnType: boolean;
}

export function ForwardedFilterBar({ value, onChange, withWarnType }: ForwardedFilterBarProps) {
  const t = useT();
  const links = useSubordinateLinks();
  return (
    <Space wrap style={{ marginBottom: 12 }} data-testid="forwarded-filters">
      {links.length > 0 && (
        <Select<number>
          allowClear
          placeholder={t('vfwd.filter.platform')}
          style={{ width: 220 }}
          value={value.linkId}
          onChange={(linkId) => onChange({ ...value, linkId })}
          options={links.map((l) => ({ value: l.id, label: l.name }))}
          data-testid="forwarded-filter-platform"
        />
      )}
      <Input.Search
        allowClear
        placeholder={t('vfwd.filter.plate')}
        style={{ width: 200 }}
        defaultValue={value.plate}
        onSearch={(plate) => onChange({ ...value, plate: plate.trim() || undefined })}
        data-testid="forwarded-filter-plate"
      />
      {withWarnType && (
        <Select<number>
          allowClear
          placeholder={t('vfwd.filter.type')}
          style={{ width: 180 }}
          value={value.warnType}
          onChange={(warnType) => onChange({ ...value, warnType })}
          options={WARN_TYPES.map((w) => ({ value: w, label: t(`vfwd.warn.${w}`) }))}
          data-testid="forwarded-filter-type"
        />
      )}
      <DatePicker.RangePicker
        showTime
        value={value.from && value.to ? [dayjs(value.from), dayjs(value.to)] : null}
        onChange={(values) => {
          const [from, to] = values ?? [];
          onChange({ ...value, from: from?.toISOString(), to: to?.toISOString() });
        }}
      />
    </Space>
  );
}
