import { Alert } from 'antd';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useT } from '../i18n/useT.ts';
import { LoginForm } from '../modules/auth/components/LoginForm.tsx';
import { useSession } from '../modules/auth/hooks/useSession.ts';
import { AuthScreen } from '../ui/AuthScreen.tsx';

// Only same-site paths: `next` comes from the URL and must not become an open redirect.
const safeNext = (next: string | null) => (next?.startsWith('/') && !next.startsWith('//') ? next : '/');

export function LoginPage() {
  const t = useT();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const session = useSession();
  const next = safeNext(params.get('next'));
  const reason = params.get('reason');

  if (session.data?.user) return <Navigate to={next} replace />;

  return (
    <AuthScreen title={t('login.title')}>
      {reason === 'expired' && (
        <Alert
          type="warning"
          showIcon
          title={t('login.session-expired')}
          style={{ marginBottom: 16 }}
          data-testid="login-reason"
        />
      )}
      {reason === 'disabled' && (
        <Alert
          type="error"
          showIcon
          title={t('login.account-disabled')}
          style={{ marginBottom: 16 }}
          data-testid="login-reason"
        />
      )}
      <LoginForm onSuccess={() => navigate(next, { replace: true })} />
    </AuthScreen>
  );
}
