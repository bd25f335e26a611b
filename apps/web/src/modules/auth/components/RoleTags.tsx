import { Space, Tag } from 'antd';
import { useRoleName } from '../../roles/hooks/useRoles.ts';
import { useMe } from '../hooks/useMe.ts';

export interface RoleTagsProps {
  roles: string[];
}

/** Role codes as named tags; the role list is read only by users allowed to see it. */
export function RoleTags({ roles }: RoleTagsProps) {
  const me = useMe();
  const canReadRoles = me.permissions.includes('role.manage') || me.permissions.includes('user.read');
  const roleName = useRoleName(canReadRoles);
  return (
    <Space size={[0, 4]} wrap>
      {roles.map((code) => (
        <Tag key={code} color="blue">
          {roleName(code)}
        </Tag>
      ))}
    </Space>
  );
}
