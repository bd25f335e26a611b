import { Input, Segmented, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useT } from '../../../i18n/useT.ts';
import { useDebouncedValue } from '../../../ui/useDebouncedValue.ts';
import { type StateFilter, type TypeFilter, VEHICLE_TYPES, type VehicleFilters } from '../types.ts';

export interface VehicleFilterBarProps {
  onChange: (filters: VehicleFilters) => void;
}

type StateChoice = StateFilter | 'all';

/** Filters apply as they change; the plate search after a pause in typing. */
export function VehicleFilterBar({ onChange }: VehicleFilterBarProps) {
  const t = useT();
  const [state, setState] = useState<StateChoice>('all');
  const [type, setType] = useState<TypeFilter | undefined>();
  const [q, setQ] = useState('');
  const settledQ = useDebouncedValue(q);

  useEffect(() => {
    onChange({
      state: state === 'all' ? undefined : state,
      type,
      q: settledQ.trim() || undefined,
    });
  }, [state, type, settledQ, onChange]);

  return (
    <Space wrap style={{ marginBottom: 12 }} data-testid="vehicle-filters">
      <Segmented<StateChoice>
        value={state}
        onChange={setState}
        data-testid="vehicle-filter-state"
        options={[
          { value: 'all', label: t('vehicle.filter.all') },
          { value: 'online', label: t('vehicle.state.online') },
          { value: 'offline', label: t('vehicle.state.offline') },
          { value: 'alarm', label: t('vehicle.state.alarm') },
        ]}
      />
      <Select<TypeFilter>
        allowClear
        placeholder={t('vehicle.filter.type')}
        style={{ width: 180 }}
        value={type}
        onChange={setType}
        data-testid="vehicle-filter-type"
        options={[
          { value: 'keyVehicles', label: t('vehicle.type.keyVehicles') },
          ...VEHICLE_TYPES.map((v) => ({ value: v, label: t(`vehicle.type.${v}`) })),
        ]}
      />
      <Input.Search
        allowClear
        placeholder={t('vehicle.filter.search')}
        style={{ width: 220 }}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        data-testid="vehicle-filter-search"
      />
    </Space>
  );
}
