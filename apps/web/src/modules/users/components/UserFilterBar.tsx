import { Flex, Input, Select } from 'antd';
import { useT } from '../../../i18n/useT.ts';
import { ALL_ROLES } from '../../roles/api.ts';
import { useRoleList } from '../../roles/hooks/useRoles.ts';
import type { UserFilters, UserStatus } from '../types.ts';

export interface UserFilterBarProps {
  value: UserFilters;
  onChange: (filters: UserFilters) => void;
}

export function UserFilterBar({ value, onChange }: UserFilterBarProps) {
  const t = useT();
  const roles = useRoleList(ALL_ROLES);
  const lockedValue = value.locked === undefined ? undefined : value.locked ? 'yes' : 'no';

  return (
    <Flex gap={8} wrap style={{ marginBottom: 16 }} data-testid="user-filters">
      <Input.Search
        allowClear
        placeholder={t('user.filter.search')}
        style={{ width: 260 }}
        onSearch={(q) => onChange({ ...value, q: q.trim() || undefined })}
        data-testid="user-filter"
      />
      <Select<UserStatus>
        allowClear
        placeholder={t('user.field.status')}
        style={{ width: 120 }}
        value={value.status}
        onChange={(status) => onChange({ ...value, status })}
        options={[
          { value: 'active', label: t('user.status.active') },
          { value: 'disabled', label: t('user.status.disabled') },
        ]}
      />
      <Select<string>
        allowClear
        placeholder={t('user.field.roles')}
        style={{ width: 180 }}
        value={value.role}
        onChange={(role) => onChange({ ...value, role })}
        options={(roles.data?.items ?? []).map((r) => ({ value: r.code, label: r.name }))}
      />
      <Select<'yes' | 'no'>
        allowClear
        placeholder={t('user.field.locked')}
        style={{ width: 120 }}
        value={lockedValue}
        onChange={(locked) =>
          onChange({ ...value, locked: locked === undefined ? undefined : locked === 'yes' })
        }
        options={[
          { value: 'yes', label: t('user.locked.yes') },
          { value: 'no', label: t('user.locked.no') },
        ]}
      />
    </Flex>
  );
}
