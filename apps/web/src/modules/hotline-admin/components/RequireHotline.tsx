import { Result } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../../i18n/useT.ts';
import { type HotlinePermission, useHotlineCan } from '../hooks/useHotlineCan.ts';

/** RequirePermission for the hotline permissions (the console's Permission type predates them). */
export function RequireHotline({
  permission,
  children,
}: {
  permission: HotlinePermission;
  children: ReactNode;
}) {
  const t = useT();
  if (!useHotlineCan(permission))
    return <Result status="403" title="403" subTitle={t('common.no-permission')} />;
  return children;
}
