import { Tag } from 'antd';
import { useT } from '../../../../i18n/useT.ts';
import type { KbStatus } from '../../types.ts';

const COLORS: Record<KbStatus, string> = { draft: 'default', published: 'green', retired: 'red' };

export function KbStatusTag({ status }: { status: KbStatus }) {
  const t = useT();
  return <Tag color={COLORS[status]}>{t(`hla.kb.status.${status}`)}</Tag>;
}
