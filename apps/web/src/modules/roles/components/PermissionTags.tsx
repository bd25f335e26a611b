import { Space, Tag } from 'antd';
import { usePermissionLabel } from '../hooks/useRoles.ts';

export interface PermissionTagsProps {
  permissions: string[];
}

export function PermissionTags({ permissions }: PermissionTagsProps) {
  const label = usePermissionLabel();
  return (
    <Space size={[0, 4]} wrap>
      {permissions.map((p) => (
        <Tag key={p} title={p}>
          {label(p)}
        </Tag>
      ))}
    </Space>
  );
}
