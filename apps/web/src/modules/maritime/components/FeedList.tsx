import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Switch, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { describeError } from '../../../api/error-message.ts';
import { formatDateTime } from '../../../i18n/format.ts';
import { isMessageKey, useT } from '../../../i18n/useT.ts';
import type { MessageKey } from '../../../i18n/zh-CN.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useFeeds, useSetFeedEnabled } from '../hooks/useFeeds.ts';
import type { Feed } from '../types/feeds.ts';
import { CreateFeedModal } from './CreateFeedModal.tsx';
import { FeedStatsChart } from './FeedStatsChart.tsx';

const STATE_COLOR: Record<string, string> = {
  connected: 'green',
  listening: 'green',
  replaying: 'blue',
  finished: 'default',
  connecting: 'gold',
  stopped: 'default',
  failed: 'red',
};

/** AIS feeds with their live statistics; enable and disable in place. */
export function FeedList() {
  const t = useT();
  const feeds = useFeeds();
  const toggle = useSetFeedEnabled();
  const [creating, setCreating] = useState(false);
  const items = feeds.data?.items ?? [];
  const count = (f: Feed, key: 'sentences' | 'messages' | 'errors') =>
    f.stats?.[key]?.toLocaleString() ?? '—';

  return (
    <>
      <PageHeader
        title={t('nav.maritime-feeds')}
        subtitle={t('feed.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('feed.create')}
          </Button>
        }
      />
      {feeds.isError && (
        <Alert type="error" showIcon title={describeError(t, feeds.error)} style={{ marginBottom: 12 }} />
      )}
      <FeedStatsChart feeds={items} />
      <Table<Feed>
        size="middle"
        rowKey="id"
        loading={feeds.isPending}
        dataSource={items}
        pagination={false}
        data-testid="feed-table"
        columns={[
          { title: t('feed.field.name'), dataIndex: 'name' },
          { title: t('feed.field.kind'), key: 'kind', render: (_, f) => t(`feed.kind.${f.kind}`) },
          { title: t('feed.field.address'), dataIndex: 'address' },
          {
            title: t('feed.field.state'),
            key: 'state',
            render: (_, f) =>
              f.stats ? (
                <Tooltip title={f.stats.lastError ?? undefined}>
                  <Tag color={STATE_COLOR[f.stats.state] ?? 'default'} data-testid="feed-state">
                    {isMessageKey(`feed.state.${f.stats.state}`)
                      ? t(`feed.state.${f.stats.state}` as MessageKey)
                      : f.stats.state}
                  </Tag>
                </Tooltip>
              ) : (
                <Tag>{t('feed.not-running')}</Tag>
              ),
          },
          {
            title: t('feed.field.sentences'),
            key: 'sentences',
            align: 'right',
            render: (_, f) => count(f, 'sentences'),
          },
          {
            title: t('feed.field.messages'),
            key: 'messages',
            align: 'right',
            render: (_, f) => count(f, 'messages'),
          },
          {
            title: t('feed.field.errors'),
            key: 'errors',
            align: 'right',
            render: (_, f) => count(f, 'errors'),
          },
          {
            title: t('feed.field.last-seen'),
            key: 'lastSeen',
            render: (_, f) => formatDateTime(f.stats?.lastSeen),
          },
          {
            title: t('feed.field.enabled'),
            key: 'enabled',
            render: (_, f) => (
              <Switch
                checked={f.enabled}
                loading={toggle.isPending && toggle.variables?.id === f.id}
                onChange={(enabled) => toggle.mutate({ id: f.id, enabled })}
                data-testid="feed-enabled"
              />
            ),
          },
        ]}
      />
      <CreateFeedModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
