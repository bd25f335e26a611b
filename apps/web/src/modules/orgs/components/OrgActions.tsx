import { Button, Space } from 'antd';
import { useT } from '../../../i18n/useT.ts';
import type { OrgAction } from '../hooks/useOrgMutations.ts';
import type { OrgDto } from '../types.ts';

export interface OrgActionsProps {
  org: OrgDto;
  onAction: (action: OrgAction) => void;
}

/** Changes apply to active units only; closed and merged units are history. */
export function OrgActions({ org, onAction }: OrgActionsProps) {
  const t = useT();
  if (org.status !== 'active') return null;
  const isTop = org.parentId === null;
  return (
    <Space wrap>
      <Button type="primary" onClick={() => onAction('create')} data-testid="org-action-create">
        {t('org.action.create')}
      </Button>
      <Button onClick={() => onAction('rename')} data-testid="org-action-rename">
        {t('org.action.rename')}
      </Button>
      <Button disabled={isTop} onClick={() => onAction('merge')} data-testid="org-action-merge">
        {t('org.action.merge')}
      </Button>
      <Button danger disabled={isTop} onClick={() => onAction('close')} data-testid="org-action-close">
        {t('org.action.close')}
      </Button>
    </Space>
  );
}
