import { Alert, Button, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router';
import { describeError } from '../../../../api/error-message.ts';
import { useT } from '../../../../i18n/useT.ts';
import { useCan, useMe } from '../../../auth/hooks/useMe.ts';
import { useKbOverrides } from '../../hooks/useKb.ts';
import type { KbArticle } from '../../types.ts';
import { KbArticleFormModal } from './KbArticleFormModal.tsx';
import { KbStatusTag } from './KbStatusTag.tsx';

/**
 * The article of this key at every unit the caller sees: a national article and the provincial
 * and city ones that override it below. The lowest one in force for a unit is what its agents get.
 */
export function KbOverrides({ article }: { article: KbArticle }) {
  const t = useT();
  const me = useMe();
  const canManage = useCan('hotline.kb.manage');
  const overrides = useKbOverrides(article.key);
  const [creating, setCreating] = useState(false);
  const items = overrides.data?.items ?? [];
  const mine = items.some((a) => a.orgUnitId === me.orgUnitId);

  const columns: ColumnsType<KbArticle> = [
    {
      title: t('hla.kb.field.org'),
      dataIndex: 'orgName',
      render: (name: string, a) =>
        a.id === article.id ? (
          <Typography.Text strong>{name}</Typography.Text>
        ) : (
          <Link to={`/hotline-admin/kb/${a.id}`}>{name}</Link>
        ),
    },
    { title: t('hla.kb.field.title'), dataIndex: 'title' },
    {
      title: t('hla.kb.field.status'),
      dataIndex: 'status',
      render: (s: KbArticle['status']) => <KbStatusTag status={s} />,
    },
    { title: t('hla.kb.field.version'), dataIndex: 'version', render: (v: number) => `v${v}` },
    { title: t('hla.kb.field.owner'), dataIndex: 'ownerName', render: (n: string | null) => n ?? '—' },
    { title: t('hla.kb.field.expires'), dataIndex: 'expiresOn', render: (d: string | null) => d ?? '—' },
  ];

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">{t('hla.kb.override.explain')}</Typography.Paragraph>
      {overrides.isError && <Alert type="error" showIcon title={describeError(t, overrides.error)} />}
      <Table<KbArticle>
        rowKey="id"
        size="middle"
        loading={overrides.isFetching}
        dataSource={items}
        columns={columns}
        pagination={false}
        data-testid="kb-overrides"
      />
      {canManage && !mine && (
        <Button onClick={() => setCreating(true)} data-testid="kb-override-create">
          {t('hla.kb.override.create', { org: me.orgName })}
        </Button>
      )}
      <KbArticleFormModal open={creating} onClose={() => setCreating(false)} base={article} />
    </Space>
  );
}
