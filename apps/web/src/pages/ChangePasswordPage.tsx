import { Alert, Button } from 'antd';
import { useT } from '../i18n/useT.ts';
import { useLogout } from '../modules/auth/hooks/useLogin.ts';
import { ChangePasswordForm } from '../modules/profile/components/ChangePasswordForm.tsx';
import { AuthScreen } from '../ui/AuthScreen.tsx';

/** Forced step: the server accepts nothing else from this session until the password is changed. */
export function ChangePasswordPage() {
  const t = useT();
  const logout = useLogout();
  return (
    <AuthScreen title={t('forced.password.title')} width={480}>
      <Alert type="warning" showIcon title={t('forced.password.reason')} style={{ marginBottom: 16 }} />
      <ChangePasswordForm />
      <Button type="link" onClick={() => logout.mutate()} style={{ paddingInline: 0, marginTop: 8 }}>
        {t('auth.logout')}
      </Button>
    </AuthScreen>
  );
}
