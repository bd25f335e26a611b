import { Tag } from 'antd';
import { useT } from '../../../i18n/useT.ts';
import type { OrgStatus } from '../types.ts';

const COLORS: Record<OrgStatus, string> = { active: 'green', closed: 'default', merged: 'orange' };

export interface OrgStatusTagProps {
  status: OrgStatus;
}

export function OrgStatusTag({ status }: OrgStatusTagProps) {
  const t = useT();
  return <Tag color={COLORS[status]}>{t(`org.status.${status}`)}</Tag>;
}
