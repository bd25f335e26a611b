import { Result } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../../i18n/useT.ts';
import { useCan } from '../hooks/useMe.ts';
import type { Permission } from '../types.ts';

export interface RequirePermissionProps {
  permission: Permission;
  children: ReactNode;
}

export function RequirePermission({ permission, children }: RequirePermissionProps) {
  const t = useT();
  const allowed = useCan(permission);
  if (!allowed) return <Result status="403" title="403" subTitle={t('common.no-permission')} />;
  return children;
}
