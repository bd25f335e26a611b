import { ArrowLeftOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Popconfirm,
  Space,
  Spin,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { describeError } from '../../../../api/error-message.ts';
import { formatDateTime } from '../../../../i18n/format.ts';
import { useT } from '../../../../i18n/useT.ts';
import { useCan } from '../../../auth/hooks/useMe.ts';
import * as kb from '../../api/kb.ts';
import { useKbAction, useKbArticle } from '../../hooks/useKb.ts';
import type { KbArticle } from '../../types.ts';
import { labelOf } from '../labels.ts';
import { KbArticleEditor } from './KbArticleEditor.tsx';
import { KbOverrides } from './KbOverrides.tsx';
import { KbStatusTag } from './KbStatusTag.tsx';
import { KbVersionHistory } from './KbVersionHistory.tsx';

function ArticleActions({ article }: { article: KbArticle }) {
  const t = useT();
  const [next, setNext] = useState<Dayjs | null>(null);
  const publish = useKbAction(article.id, () => kb.publishArticle(article.id));
  const retire = useKbAction(article.id, () => kb.retireArticle(article.id));
  const review = useKbAction(article.id, (day: string | null) => kb.reviewArticle(article.id, day));
  if (!article.editable) return null;
  return (
    <Space wrap>
      {article.status !== 'published' && (
        <Button
          type="primary"
          loading={publish.isPending}
          onClick={() => publish.mutate(undefined)}
          data-testid="kb-publish"
        >
          {t('hla.kb.publish')}
        </Button>
      )}
      {article.status === 'published' && (
        <Popconfirm title={t('hla.kb.retire.confirm')} onConfirm={() => retire.mutate(undefined)}>
          <Button danger loading={retire.isPending}>
            {t('hla.kb.retire')}
          </Button>
        </Popconfirm>
      )}
      <Space.Compact>
        <DatePicker placeholder={t('hla.kb.review.next')} value={next} onChange={setNext} />
        <Button
          loading={review.isPending}
          onClick={() =>
            review.mutate(next ? next.format('YYYY-MM-DD') : null, { onSuccess: () => setNext(null) })
          }
        >
          {t('hla.kb.review.confirm')}
        </Button>
      </Space.Compact>
    </Space>
  );
}

export function KbArticleView({ id }: { id: number }) {
  const t = useT();
  const navigate = useNavigate();
  const canManage = useCan('hotline.kb.manage');
  const article = useKbArticle(id);
  if (article.isError) return <Alert type="error" showIcon title={describeError(t, article.error)} />;
  const a = article.data;
  if (!a) return <Spin />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/hotline-admin/kb')}>
          {t('hla.kb.back')}
        </Button>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="kb-article-title">
          {a.title}
        </Typography.Title>
        <KbStatusTag status={a.status} />
        <Tag data-testid="kb-article-version">v{a.version}</Tag>
      </Space>
      <Card size="small">
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            {
              key: 'key',
              label: t('hla.kb.field.key'),
              children: <Typography.Text code>{a.key}</Typography.Text>,
            },
            { key: 'org', label: t('hla.kb.field.org'), children: a.orgName },
            { key: 'domain', label: t('hla.kb.field.domain'), children: labelOf(t, 'domain', a.domain) },
            { key: 'owner', label: t('hla.kb.field.owner'), children: a.ownerName ?? '—' },
            { key: 'expires', label: t('hla.kb.field.expires'), children: a.expiresOn ?? '—' },
            { key: 'review', label: t('hla.kb.field.review'), children: a.reviewDueOn ?? '—' },
            {
              key: 'published',
              label: t('hla.kb.field.published-at'),
              children: formatDateTime(a.publishedAt),
            },
            { key: 'updated', label: t('hla.kb.field.updated-at'), children: formatDateTime(a.updatedAt) },
          ]}
        />
        {canManage && <ArticleActions article={a} />}
        {!a.editable && (
          <Alert type="info" showIcon style={{ marginTop: 12 }} title={t('hla.kb.read-only')} />
        )}
      </Card>
      <Card size="small">
        <Tabs
          items={[
            { key: 'content', label: t('hla.kb.tab.content'), children: <KbArticleEditor article={a} /> },
            { key: 'versions', label: t('hla.kb.tab.versions'), children: <KbVersionHistory article={a} /> },
            { key: 'overrides', label: t('hla.kb.tab.overrides'), children: <KbOverrides article={a} /> },
          ]}
        />
      </Card>
    </Space>
  );
}
