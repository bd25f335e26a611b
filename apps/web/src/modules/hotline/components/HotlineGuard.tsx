import { Result } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../../i18n/useT.ts';
import { useMe } from '../../auth/hooks/useMe.ts';

export type HotlinePermission = 'hotline.read' | 'hotline.intake' | 'hotline.handle' | 'hotline.supervise';

/** RequirePermission for the hotline's permissions (the console's Permission type predates them). */
export function HotlineGuard({
  permission,
  children,
}: {
  permission: HotlinePermission;
  children: ReactNode;
}) {
  const t = useT();
  const me = useMe();
  if (!me.permissions.includes(permission))
    return <Result status="403" title="403" subTitle={t('common.no-permission')} />;
  return children;
}
