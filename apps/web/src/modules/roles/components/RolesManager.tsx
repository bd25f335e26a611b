import { PlusOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { useT } from '../../../i18n/useT.ts';
import { DataTable } from '../../../ui/DataTable.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { usePagination } from '../../../ui/usePagination.ts';
import { useDeleteRole, useRoleList, useRoleText } from '../hooks/useRoles.ts';
import type { RoleDto } from '../types.ts';
import { PermissionTags } from './PermissionTags.tsx';
import { RoleFormModal } from './RoleFormModal.tsx';

type Editing = { role: RoleDto | null } | null;

export function RolesManager() {
  const t = useT();
  const pagination = usePagination();
  const roles = useRoleList(pagination.params);
  const remove = useDeleteRole();
  const roleText = useRoleText();
  const [editing, setEditing] = useState<Editing>(null);

  const columns: TableColumnsType<RoleDto> = [
    {
      title: t('role.field.name'),
      dataIndex: 'name',
      render: (_, role) => (
        <Space size={4} wrap>
          {roleText(role).name}
          {role.builtin && <Tag color="blue">{t('role.builtin')}</Tag>}
          {role.isAdmin && <Tag color="gold">{t('role.admin')}</Tag>}
        </Space>
      ),
    },
    { title: t('role.field.code'), dataIndex: 'code' },
    {
      title: t('role.field.description'),
      dataIndex: 'description',
      width: 280,
      render: (_, role) => roleText(role).description,
    },
    {
      title: t('role.field.permissions'),
      dataIndex: 'permissions',
      width: 360,
      render: (permissions: string[]) => <PermissionTags permissions={permissions} />,
    },
    { title: t('role.member-count'), dataIndex: 'memberCount', align: 'right' },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, role) =>
        role.builtin ? (
          <Tag>{t('role.read-only')}</Tag>
        ) : (
          <Space>
            <Button type="link" size="small" onClick={() => setEditing({ role })}>
              {t('common.edit')}
            </Button>
            <Popconfirm
              title={t('role.delete-confirm', { name: role.name })}
              description={
                role.memberCount > 0 ? t('role.delete-members', { count: role.memberCount }) : undefined
              }
              onConfirm={() => remove.mutate(role.id)}
            >
              <Button type="link" size="small" danger>
                {t('common.delete')}
              </Button>
            </Popconfirm>
          </Space>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.roles')}
        subtitle={t('role.subtitle')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing({ role: null })}
            data-testid="role-create"
          >
            {t('role.create')}
          </Button>
        }
      />
      <DataTable<RoleDto>
        rowKey="id"
        columns={columns}
        query={roles}
        pagination={pagination}
        testId="roles-table"
      />
      <RoleFormModal open={editing !== null} role={editing?.role ?? null} onClose={() => setEditing(null)} />
    </>
  );
}
