import { BookOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Input, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { describeError } from '../../../api/error-message.ts';
import { useT } from '../../../i18n/useT.ts';
import { Marked } from '../../../ui/Marked.tsx';
import { useKbSearch } from '../hooks.ts';
import type { KbHit } from '../types.ts';

export interface KbPanelProps {
  /** The article the agent answers with, if any. */
  citedId: number | null;
  onCite: (hit: KbHit) => void;
}

/** Knowledge-base search in the agent's screen: ranked, matches highlighted, one click to cite. */
export function KbPanel({ citedId, onCite }: KbPanelProps) {
  const t = useT();
  const [q, setQ] = useState('');
  const search = useKbSearch(q);
  const result = search.data;

  return (
    <Card
      size="small"
      title={
        <Space>
          <BookOutlined />
          {t('hotline.kb.title')}
        </Space>
      }
      data-testid="kb-panel"
    >
      <Input.Search
        allowClear
        enterButton={t('common.search')}
        placeholder={t('hotline.kb.placeholder')}
        onSearch={(v) => setQ(v.trim())}
        loading={search.isFetching}
        data-testid="kb-search"
      />
      {search.isError && (
        <Alert type="error" showIcon title={describeError(t, search.error)} style={{ marginTop: 8 }} />
      )}
      {result && result.mode !== 'fulltext' && result.items.length > 0 && (
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
          {t(`hotline.kb.mode.${result.mode}`)}
        </Typography.Text>
      )}
      {q && result && result.items.length === 0 && <Empty description={t('hotline.kb.none')} />}
      {result && result.items.length > 0 && (
        <List
          size="small"
          dataSource={result.items}
          data-testid="kb-results"
          renderItem={(hit) => (
            <List.Item
              key={hit.id}
              data-testid="kb-hit"
              actions={[
                <Button
                  key="cite"
                  size="small"
                  type={citedId === hit.id ? 'primary' : 'default'}
                  onClick={() => onCite(hit)}
                  data-testid="kb-cite"
                >
                  {citedId === hit.id ? t('hotline.kb.cited') : t('hotline.kb.cite')}
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={
                  <Space size={4} wrap>
                    <Marked html={hit.titleHtml} />
                    <Tag>{hit.orgName}</Tag>
                  </Space>
                }
                description={
                  <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 3 }}>
                    <Marked html={hit.snippetHtml} />
                  </Typography.Paragraph>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
