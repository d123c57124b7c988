import { Card, Empty, List, Typography } from 'antd';
import { useEffect } from 'react';
import { useMarkRead, useMyNotifications } from '../../api/my';
import { ErrorAlert } from '../../components/ErrorAlert';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDateTime } from '../../lib/law';
import { ItemText } from '../../components/ItemText';

/** In-app notifications of the family (admission, return, reminders, removal …). */
export function NotificationsPage() {
  usePageTitle('消息通知');
  const { data, isLoading, error } = useMyNotifications();
  const markRead = useMarkRead();
  const unread = (data ?? []).filter((n) => !n.readAt).map((n) => n.id).join(',');
  // opening the inbox reads what is shown; the unread mark stays visible until the next visit
  useEffect(() => {
    if (unread) markRead.mutate(unread.split(','));
  }, [unread]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <div className="qc-narrow">
      <Typography.Title level={1} style={{ fontSize: 22 }}>消息通知</Typography.Title>
      <ErrorAlert error={error} />
      <Card>
        <NotificationList items={data ?? []} loading={isLoading} level={2} />
      </Card>
    </div>
  );
}

/** A list of notifications, newest first. */
export function NotificationList({ items, loading, level = 3 }: { level?: 2 | 3; items: { id: string; subject?: string; body?: string; createdAt?: string; readAt?: string | null }[]; loading?: boolean }) {
  return (
    <List
      loading={loading}
      dataSource={items}
      data-testid="notifications"
      locale={{ emptyText: <Empty description="暂无消息" /> }}
      renderItem={(n) => (
        <List.Item>
          <ItemText level={level}
            title={<>{n.subject ?? '通知'}{!n.readAt && <Typography.Text strong style={{ color: '#a8071a' }}> · 未读</Typography.Text>}</>}
            description={<><div style={{ whiteSpace: 'pre-wrap', color: 'rgba(0,0,0,0.78)' }}>{n.body}</div><div>{formatDateTime(n.createdAt)}</div></>}
          />
        </List.Item>
      )}
    />
  );
}
