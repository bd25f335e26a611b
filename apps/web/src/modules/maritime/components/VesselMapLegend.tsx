import { Badge, Space } from 'antd';
import { useT } from '../../../i18n/useT.ts';
import type { VesselCategory } from '../types/vessels.ts';
import { CATEGORY_COLORS } from './vessel-style.ts';

/** The categories present in view, with their colours. */
export function VesselMapLegend({ categories }: { categories: readonly VesselCategory[] }) {
  const t = useT();
  const present = categories;
  if (present.length === 0) return null;
  return (
    <Space wrap size={[12, 4]} style={{ marginTop: 8 }}>
      {present.map((c) => (
        <Badge key={c} color={CATEGORY_COLORS[c]} text={t(`maritime.category.${c}`)} />
      ))}
    </Space>
  );
}
