import { DatePicker, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useT } from '../../../i18n/useT.ts';
import { ALARM_LEVELS, ALARM_STATES, type AlarmFilters, PLATFORM_ALARM_KINDS } from '../types.ts';
import { kindText } from './alarm-format.ts';

export interface AlarmFilterBarProps {
  value: AlarmFilters;
  onChange: (filters: AlarmFilters) => void;
  /** Kinds seen in the counts, so terminal kinds can be picked too. */
  kinds: readonly string[];
}

export function AlarmFilterBar({ value, onChange, kinds }: AlarmFilterBarProps) {
  const t = useT();
  const kindOptions = [...new Set([...PLATFORM_ALARM_KINDS, ...kinds])];
  return (
    <Space wrap style={{ marginBottom: 12 }} data-testid="alarm-filters">
      <Select<string>
        allowClear
        placeholder={t('valarm.filter.kind')}
        style={{ width: 200 }}
        value={value.kind}
        onChange={(kind) => onChange({ ...value, kind })}
        options={kindOptions.map((k) => ({ value: k, label: kindText(t, k) }))}
        data-testid="alarm-filter-kind"
      />
      <Select
        allowClear
        placeholder={t('valarm.filter.state')}
        style={{ width: 140 }}
        value={value.state}
        onChange={(state) => onChange({ ...value, state })}
        options={ALARM_STATES.map((s) => ({ value: s, label: t(`valarm.state.${s}`) }))}
        data-testid="alarm-filter-state"
      />
      <Select
        allowClear
        placeholder={t('valarm.filter.level')}
        style={{ width: 120 }}
        value={value.level}
        onChange={(level) => onChange({ ...value, level })}
        options={ALARM_LEVELS.map((l) => ({ value: l, label: t(`valarm.level.${l}`) }))}
        data-testid="alarm-filter-level"
      />
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
