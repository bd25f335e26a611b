import { Alert, Button } from 'antd';
import { useT } from '../i18n/useT.ts';
import { useLogout } from '../modules/auth/hooks/useLogin.ts';
import { TotpEnrolment } from '../modules/profile/components/TotpEnrolment.tsx';
import { AuthScreen } from '../ui/AuthScreen.tsx';

/** Forced step for administrators: two-factor sign-in must be set up before anything else. */
export function EnrolTotpPage() {
  const t = useT();
  const logout = useLogout();
  return (
    <AuthScreen title={t('forced.totp.title')} width={600}>
      <Alert type="warning" showIcon title={t('forced.totp.reason')} style={{ marginBottom: 16 }} />
      <TotpEnrolment />
      <Button type="link" onClick={() => logout.mutate()} style={{ paddingInline: 0, marginTop: 16 }}>
        {t('auth.logout')}
      </Button>
    </AuthScreen>
  );
}
