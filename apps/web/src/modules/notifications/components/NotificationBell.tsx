import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Flex, Pagination, Popover, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { formatDateTime } from '../../../i18n/format.ts';
import { useT } from '../../../i18n/useT.ts';
import {
  useMarkAllNotificationsRead,
  useMarkNotificationRead,
  useNotificationList,
  useUnreadCount,
} from '../hooks/useNotifications.ts';
import type { NotificationItem } from '../types.ts';

const PAGE_SIZE = 8;

interface NotificationRowProps {
  item: NotificationItem;
  onOpen: (item: NotificationItem) => void;
}

function NotificationRow({ item, onOpen }: NotificationRowProps) {
  const unread = item.readAt === null;
  return (
    <button
      type="button"
      onClick={() => onOpen(item)}
      data-testid="notification-item"
      style={{
        display: 'block',
        width: '100%',
        textAlign: 'left',
        border: 'none',
        borderBottom: '1px solid #f0f0f0',
        background: unread ? '#f0f6ff' : 'transparent',
        padding: '8px 12px',
        cursor: 'pointer',
      }}
    >
      <Typography.Text strong={unread}>{item.title}</Typography.Text>
      <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: '2px 0 0' }}>
        {item.body}
      </Typography.Paragraph>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {formatDateTime(item.createdAt)}
      </Typography.Text>
    </button>
  );
}

export function NotificationBell() {
  const t = useT();
  const navigate = useNavigate();
  const location = useLocation();
  const [open, setOpen] = useState(false);
  const [page, setPage] = useState(1);
  const unread = useUnreadCount();
  const list = useNotificationList({ page, pageSize: PAGE_SIZE }, open);
  const markRead = useMarkNotificationRead();
  const markAllRead = useMarkAllNotificationsRead();
  const unreadCount = unread.data?.count ?? 0;
  const { refetch: refetchUnread } = unread;

  // Polling would keep an idle session alive, so the count is refreshed when the user moves around.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the route change is the trigger
  useEffect(() => {
    void refetchUnread({ cancelRefetch: false });
  }, [location.pathname, refetchUnread]);

  const openItem = (item: NotificationItem) => {
    if (item.readAt === null) markRead.mutate(item.id);
    if (item.link?.startsWith('/')) {
      setOpen(false);
      navigate(item.link);
    }
  };

  const content = (
    <div style={{ width: 340 }} data-testid="notification-list">
      <Spin spinning={list.isFetching}>
        {list.data && list.data.items.length > 0 ? (
          list.data.items.map((item) => <NotificationRow key={item.id} item={item} onOpen={openItem} />)
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
        )}
      </Spin>
      {list.data && list.data.total > PAGE_SIZE && (
        <Pagination
          size="small"
          simple
          current={page}
          pageSize={PAGE_SIZE}
          total={list.data.total}
          onChange={setPage}
          style={{ marginTop: 8, textAlign: 'center' }}
        />
      )}
    </div>
  );

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      title={
        <Flex justify="space-between" align="center">
          {t('notifications.title')}
          <Button
            type="link"
            size="small"
            disabled={unreadCount === 0}
            loading={markAllRead.isPending}
            onClick={() => markAllRead.mutate()}
            data-testid="notification-read-all"
          >
            {t('notifications.read-all')}
          </Button>
        </Flex>
      }
      content={content}
      open={open}
      onOpenChange={setOpen}
    >
      <Badge count={unreadCount} size="small" offset={[-4, 4]}>
        <Button
          type="text"
          icon={<BellOutlined style={{ fontSize: 18 }} />}
          aria-label={t('notifications.title')}
          data-testid="notification-bell"
        />
      </Badge>
    </Popover>
  );
}
