import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useT } from '../../../i18n/useT.ts';
import { OneTimeSecretModal } from '../../../ui/OneTimeSecretModal.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { usePagination } from '../../../ui/usePagination.ts';
import { useCan } from '../../auth/hooks/useMe.ts';
import { useUserList } from '../hooks/useUsers.ts';
import type { UserDto, UserFilters } from '../types.ts';
import { UserFilterBar } from './UserFilterBar.tsx';
import { UserFormDrawer } from './UserFormDrawer.tsx';
import { UsersTable } from './UsersTable.tsx';

type Editing = { user: UserDto | null } | null;
type Secret = { kind: 'initial' | 'reset'; value: string } | null;

export function UsersManager() {
  const t = useT();
  const canManage = useCan('user.manage');
  const pagination = usePagination();
  const [filters, setFilters] = useState<UserFilters>({});
  const users = useUserList(pagination.params, filters);
  const [editing, setEditing] = useState<Editing>(null);
  const [secret, setSecret] = useState<Secret>(null);

  return (
    <>
      <PageHeader
        title={t('nav.users')}
        subtitle={t('user.subtitle')}
        extra={
          canManage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing({ user: null })}
              data-testid="user-create"
            >
              {t('user.create')}
            </Button>
          )
        }
      />
      <UserFilterBar
        value={filters}
        onChange={(next) => {
          setFilters(next);
          pagination.reset();
        }}
      />
      <UsersTable
        query={users}
        pagination={pagination}
        canManage={canManage}
        onEdit={(user) => setEditing({ user })}
        onPasswordReset={(value) => setSecret({ kind: 'reset', value })}
      />
      <UserFormDrawer
        open={editing !== null}
        user={editing?.user ?? null}
        onClose={() => setEditing(null)}
        onCreated={(result) => {
          if (result.initialPassword) setSecret({ kind: 'initial', value: result.initialPassword });
        }}
      />
      <OneTimeSecretModal
        secret={secret?.value ?? null}
        title={secret?.kind === 'reset' ? t('user.secret.reset-title') : t('user.secret.initial-title')}
        warning={t('user.secret.warning')}
        onClose={() => setSecret(null)}
        testId="initial-password-modal"
      />
    </>
  );
}
