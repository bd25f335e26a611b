import { Button, Result, Spin } from 'antd';
import { Navigate, Outlet, useLocation } from 'react-router';
import { describeError } from '../../../api/error-message.ts';
import { useT } from '../../../i18n/useT.ts';
import { MeContext } from '../hooks/useMe.ts';
import { useSession } from '../hooks/useSession.ts';
import type { Restriction } from '../types.ts';

export const FORCED_PATHS: Record<Restriction, string> = {
  password_change_required: '/change-password',
  totp_enrolment_required: '/enrol-totp',
};
const forcedPathSet = new Set(Object.values(FORCED_PATHS));

/**
 * Gate for every signed-in screen. A restricted session (must change password, must enrol TOTP)
 * is held on its forced screen whatever the URL says; the server refuses everything else anyway.
 */
export function RequireAuth() {
  const t = useT();
  const location = useLocation();
  const session = useSession();

  if (session.isPending) {
    return <Spin size="large" fullscreen />;
  }
  if (session.isError) {
    return (
      <Result
        status="error"
        title={t('common.load-failed')}
        subTitle={describeError(t, session.error)}
        extra={<Button onClick={() => session.refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  const user = session.data.user;
  if (!user) {
    const next = `${location.pathname}${location.search}`;
    const target = next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`;
    return <Navigate to={target} replace />;
  }
  const forced = user.restriction ? FORCED_PATHS[user.restriction] : null;
  if (forced && location.pathname !== forced) return <Navigate to={forced} replace />;
  if (!forced && forcedPathSet.has(location.pathname)) return <Navigate to="/" replace />;

  return (
    <MeContext.Provider value={user}>
      <Outlet />
    </MeContext.Provider>
  );
}
