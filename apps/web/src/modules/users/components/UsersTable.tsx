import type { UseQueryResult } from '@tanstack/react-query';
import { Space, type TableColumnsType, Tag, Tooltip } from 'antd';
import type { Page } from '../../../api/types.ts';
import { formatDateTime } from '../../../i18n/format.ts';
import { useT } from '../../../i18n/useT.ts';
import { DataTable } from '../../../ui/DataTable.tsx';
import type { Pagination } from '../../../ui/usePagination.ts';
import { useRoleName } from '../../roles/hooks/useRoles.ts';
import type { UserDto } from '../types.ts';
import { UserActionsMenu } from './UserActionsMenu.tsx';

export interface UsersTableProps {
  query: UseQueryResult<Page<UserDto>>;
  pagination: Pagination;
  canManage: boolean;
  onEdit: (user: UserDto) => void;
  onPasswordReset: (password: string) => void;
}

export function UsersTable({ query, pagination, canManage, onEdit, onPasswordReset }: UsersTableProps) {
  const t = useT();
  const roleName = useRoleName();

  const columns: TableColumnsType<UserDto> = [
    { title: t('user.field.username'), dataIndex: 'username', fixed: 'left' },
    { title: t('user.field.display-name'), dataIndex: 'displayName' },
    { title: t('user.field.org'), dataIndex: 'orgName' },
    {
      title: t('user.field.roles'),
      dataIndex: 'roles',
      render: (roles: string[]) => (
        <Space size={[0, 4]} wrap>
          {roles.map((code) => (
            <Tag key={code} color="blue">
              {roleName(code)}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('user.field.status'),
      dataIndex: 'status',
      render: (_, user) => (
        <Space size={4}>
          <Tag color={user.status === 'active' ? 'green' : 'default'}>{t(`user.status.${user.status}`)}</Tag>
          {user.mustChangePassword && <Tag color="orange">{t('user.must-change-password')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('user.field.locked'),
      dataIndex: 'locked',
      render: (_, user) =>
        user.locked ? (
          <Tooltip
            title={
              user.lockedUntil
                ? t('user.locked-until', { until: formatDateTime(user.lockedUntil) })
                : undefined
            }
          >
            <Tag color="red">{t('user.locked.yes')}</Tag>
          </Tooltip>
        ) : (
          <Tag>{t('user.locked.no')}</Tag>
        ),
    },
    {
      title: t('user.field.totp'),
      dataIndex: 'totpEnabled',
      render: (enabled: boolean) =>
        enabled ? <Tag color="green">{t('user.totp.on')}</Tag> : <Tag>{t('user.totp.off')}</Tag>,
    },
    { title: t('user.field.last-login'), dataIndex: 'lastLoginAt', render: formatDateTime },
  ];
  if (canManage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      align: 'center',
      render: (_, user) => <UserActionsMenu user={user} onEdit={onEdit} onPasswordReset={onPasswordReset} />,
    });
  }

  return (
    <DataTable<UserDto>
      rowKey="id"
      columns={columns}
      query={query}
      pagination={pagination}
      testId="users-table"
    />
  );
}
