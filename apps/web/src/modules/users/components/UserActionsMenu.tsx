import { MoreOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, type MenuProps } from 'antd';
import { useT } from '../../../i18n/useT.ts';
import { useResetUserPassword, useResetUserTotp, useUnlockUser, useUpdateUser } from '../hooks/useUsers.ts';
import type { UserDto } from '../types.ts';

export interface UserActionsMenuProps {
  user: UserDto;
  onEdit: (user: UserDto) => void;
  onPasswordReset: (password: string) => void;
}

/** The account operations of one user, each confirmed, each audited by the server. */
export function UserActionsMenu({ user, onEdit, onPasswordReset }: UserActionsMenuProps) {
  const t = useT();
  const { modal, message } = App.useApp();
  const update = useUpdateUser();
  const resetPassword = useResetUserPassword();
  const unlock = useUnlockUser();
  const resetTotp = useResetUserTotp();
  const done = () => void message.success(t('common.done'));

  const confirm = (title: string, onOk: () => Promise<unknown>) =>
    modal.confirm({ title, content: user.displayName, onOk: () => onOk().catch(() => undefined) });

  const items: MenuProps['items'] = [
    { key: 'edit', label: t('common.edit') },
    { key: 'reset-password', label: t('user.action.reset-password') },
    { key: 'unlock', label: t('user.action.unlock'), disabled: !user.locked },
    { key: 'reset-totp', label: t('user.action.reset-totp'), disabled: !user.totpEnabled },
    { type: 'divider' },
    user.status === 'active'
      ? { key: 'disable', label: t('user.action.disable'), danger: true }
      : { key: 'enable', label: t('user.action.enable') },
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    switch (key) {
      case 'edit':
        onEdit(user);
        break;
      case 'reset-password':
        confirm(t('user.action.reset-password-confirm'), async () => {
          const result = await resetPassword.mutateAsync(user.id);
          onPasswordReset(result.password);
        });
        break;
      case 'unlock':
        confirm(t('user.action.unlock-confirm'), () => unlock.mutateAsync(user.id).then(done));
        break;
      case 'reset-totp':
        confirm(t('user.action.reset-totp-confirm'), () => resetTotp.mutateAsync(user.id).then(done));
        break;
      case 'disable':
      case 'enable': {
        const status = key === 'disable' ? 'disabled' : 'active';
        const title = key === 'disable' ? t('user.action.disable-confirm') : t('user.action.enable-confirm');
        confirm(title, () => update.mutateAsync({ id: user.id, input: { status } }).then(done));
        break;
      }
    }
  };

  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']}>
      <Button
        type="text"
        size="small"
        icon={<MoreOutlined />}
        aria-label={t('common.actions')}
        data-testid="user-actions"
      />
    </Dropdown>
  );
}
