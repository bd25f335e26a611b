import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Popconfirm, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { formatDateTime } from '../../../i18n/format.ts';
import { useT } from '../../../i18n/useT.ts';
import { DataTable } from '../../../ui/DataTable.tsx';
import { OneTimeSecretModal } from '../../../ui/OneTimeSecretModal.tsx';
import { usePagination } from '../../../ui/usePagination.ts';
import { useRevokeToken, useTokenList } from '../hooks/useTokens.ts';
import type { ApiTokenDto } from '../types.ts';
import { CreateTokenModal } from './CreateTokenModal.tsx';

const isExpired = (token: ApiTokenDto) => token.expiresAt !== null && new Date(token.expiresAt) <= new Date();

export function ApiTokensCard() {
  const t = useT();
  const pagination = usePagination(10);
  const tokens = useTokenList(pagination.params);
  const revoke = useRevokeToken();
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);

  const columns: TableColumnsType<ApiTokenDto> = [
    { title: t('token.field.name'), dataIndex: 'name' },
    {
      title: t('token.field.prefix'),
      dataIndex: 'prefix',
      render: (p: string) => <Typography.Text code>{p}…</Typography.Text>,
    },
    { title: t('token.field.created-at'), dataIndex: 'createdAt', render: formatDateTime },
    {
      title: t('token.field.expires-at'),
      dataIndex: 'expiresAt',
      render: (v: string | null) => (v ? formatDateTime(v) : t('token.never')),
    },
    { title: t('token.field.last-used-at'), dataIndex: 'lastUsedAt', render: formatDateTime },
    {
      title: t('token.field.status'),
      key: 'status',
      render: (_, token) =>
        token.revokedAt ? (
          <Tag>{t('token.status.revoked')}</Tag>
        ) : isExpired(token) ? (
          <Tag color="orange">{t('token.status.expired')}</Tag>
        ) : (
          <Tag color="green">{t('token.status.active')}</Tag>
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, token) =>
        token.revokedAt ? null : (
          <Popconfirm
            title={t('token.revoke-confirm', { name: token.name })}
            onConfirm={() => revoke.mutate(token.id)}
          >
            <Button type="link" size="small" danger>
              {t('token.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <Card
      title={t('token.title')}
      extra={
        <Button icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="token-create">
          {t('token.create')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('token.intro')}</Typography.Paragraph>
      <DataTable<ApiTokenDto>
        rowKey="id"
        size="small"
        columns={columns}
        query={tokens}
        pagination={pagination}
        testId="tokens-table"
      />
      <CreateTokenModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(result) => setSecret(result.token)}
      />
      <OneTimeSecretModal
        secret={secret}
        title={t('token.secret.title')}
        warning={t('token.secret.warning')}
        onClose={() => setSecret(null)}
        testId="token-secret-modal"
      />
    </Card>
  );
}
