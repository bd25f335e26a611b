import { Input, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useT } from '../../../i18n/useT.ts';
import { useDebouncedValue } from '../../../ui/useDebouncedValue.ts';
import { VESSEL_CATEGORIES, type VesselCategory, type VesselFilters } from '../types/vessels.ts';

export interface VesselFilterBarProps {
  onChange: (filters: VesselFilters) => void;
}

const FLAG = /^[A-Za-z]{2}$/;

/** Filters apply as they change; the text fields after a pause in typing. */
export function VesselFilterBar({ onChange }: VesselFilterBarProps) {
  const t = useT();
  const [types, setTypes] = useState<VesselCategory[]>([]);
  const [motion, setMotion] = useState<'moving' | 'stopped' | undefined>();
  const [flag, setFlag] = useState('');
  const [q, setQ] = useState('');
  const settledFlag = useDebouncedValue(flag);
  const settledQ = useDebouncedValue(q);

  useEffect(() => {
    onChange({
      types: types.length > 0 ? types : undefined,
      moving: motion === undefined ? undefined : motion === 'moving',
      flag: FLAG.test(settledFlag.trim()) ? settledFlag.trim().toUpperCase() : undefined,
      q: settledQ.trim() || undefined,
    });
  }, [types, motion, settledFlag, settledQ, onChange]);

  return (
    <Space wrap style={{ marginBottom: 12 }} data-testid="vessel-filters">
      <Select<VesselCategory[]>
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        placeholder={t('vessel.filter.types')}
        style={{ width: 260 }}
        value={types}
        onChange={setTypes}
        options={VESSEL_CATEGORIES.map((c) => ({ value: c, label: t(`maritime.category.${c}`) }))}
        data-testid="vessel-filter-types"
      />
      <Select<'moving' | 'stopped'>
        allowClear
        placeholder={t('vessel.filter.motion')}
        style={{ width: 130 }}
        value={motion}
        onChange={setMotion}
        options={[
          { value: 'moving', label: t('vessel.filter.moving') },
          { value: 'stopped', label: t('vessel.filter.stopped') },
        ]}
      />
      <Input
        allowClear
        placeholder={t('vessel.filter.flag')}
        style={{ width: 150 }}
        maxLength={2}
        value={flag}
        onChange={(e) => setFlag(e.target.value)}
      />
      <Input.Search
        allowClear
        placeholder={t('vessel.filter.search')}
        style={{ width: 220 }}
        maxLength={64}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        data-testid="vessel-filter-search"
      />
    </Space>
  );
}
