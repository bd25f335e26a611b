import { DownOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useT } from '../../../i18n/useT.ts';
import { useLogout } from '../hooks/useLogin.ts';
import { useMe } from '../hooks/useMe.ts';

/** Who is signed in and for which unit, with the way out. */
export function UserMenu() {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const logout = useLogout();

  const items = [
    {
      key: 'profile',
      icon: <UserOutlined />,
      label: <span data-testid="user-menu-profile">{t('nav.profile')}</span>,
    },
    { type: 'divider' as const },
    { key: 'logout', icon: <LogoutOutlined />, label: <span data-testid="logout">{t('auth.logout')}</span> },
  ];
  const onClick = ({ key }: { key: string }) => {
    if (key === 'profile') navigate('/profile');
    if (key === 'logout')
      logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) });
  };

  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
      <Button
        type="text"
        style={{ height: 48, display: 'flex', alignItems: 'center', gap: 8 }}
        data-testid="user-menu"
      >
        <Avatar size="small" icon={<UserOutlined />} style={{ background: '#1356b8' }} />
        <span style={{ display: 'flex', flexDirection: 'column', lineHeight: 1.3, textAlign: 'left' }}>
          <Typography.Text strong data-testid="current-user-name">
            {me.displayName}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="current-user-org">
            {me.orgName}
          </Typography.Text>
        </span>
        <DownOutlined style={{ fontSize: 10 }} />
      </Button>
    </Dropdown>
  );
}
