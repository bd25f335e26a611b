import { Breadcrumb, Card, Descriptions, Empty, Skeleton, Typography } from 'antd';
import type { ReactNode } from 'react';
import { formatDate } from '../../../i18n/format.ts';
import { isMessageKey, useT } from '../../../i18n/useT.ts';
import type { OrgDetail } from '../types.ts';
import { OrgStatusTag } from './OrgStatusTag.tsx';

export interface OrgDetailsProps {
  org: OrgDetail | undefined;
  loading: boolean;
  onSelect: (id: number) => void;
  actions?: ReactNode;
}

export function OrgDetails({ org, loading, onSelect, actions }: OrgDetailsProps) {
  const t = useT();
  if (loading)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  if (!org) {
    return (
      <Card>
        <Empty description={t('org.details.none-selected')} />
      </Card>
    );
  }
  const kindKey = `org.kind.${org.kind}`;
  const crumbs = [
    ...org.ancestors.map((a) => ({
      key: a.id,
      title: (
        <Typography.Link onClick={() => onSelect(a.id)} data-testid="org-ancestor">
          {a.name}
        </Typography.Link>
      ),
    })),
    { key: org.id, title: org.name },
  ];
  const items = [
    { key: 'code', label: t('org.field.code'), children: org.code },
    { key: 'level', label: t('org.field.level'), children: t(`org.level.${org.level}`) },
    { key: 'kind', label: t('org.field.kind'), children: isMessageKey(kindKey) ? t(kindKey) : org.kind },
    { key: 'region', label: t('org.field.region-code'), children: org.regionCode ?? '—' },
    { key: 'status', label: t('org.field.status'), children: <OrgStatusTag status={org.status} /> },
    {
      key: 'valid',
      label: t('org.field.valid'),
      children: `${formatDate(org.validFrom)} ~ ${org.validTo ? formatDate(org.validTo) : t('org.field.valid-open')}`,
    },
  ];
  if (org.mergedIntoId !== null) {
    const targetId = org.mergedIntoId;
    items.push({
      key: 'merged-into',
      label: t('org.field.merged-into'),
      children: <Typography.Link onClick={() => onSelect(targetId)}>#{targetId}</Typography.Link>,
    });
  }

  return (
    <Card
      title={<span data-testid="org-details-name">{org.name}</span>}
      extra={actions}
      data-testid="org-details"
    >
      <Breadcrumb items={crumbs} style={{ marginBottom: 16 }} data-testid="org-path" />
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={items} />
    </Card>
  );
}
