import { useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Space, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { post } from '../api/client';
import { useMyNotifications } from '../api/my';
import { useMe } from '../api/queries';
import { landingFor } from '../auth/RequireRole';
import { ROLE } from '../lib/labels';

/** Login button or the signed-in account with a link to its workspace and a logout button. */
export function UserArea({ dark }: { dark?: boolean }) {
  const { data: me } = useMe();
  const { data: notes } = useMyNotifications(me?.role === 'applicant');
  const unread = me?.role === 'applicant' ? (notes ?? []).filter((n) => !n.readAt).length : 0;
  const qc = useQueryClient();
  const nav = useNavigate();
  const color = dark ? '#fff' : undefined;
  if (!me) {
    return (
      <Space>
        <Link to="/login" style={{ color }} data-testid="nav-login">登录</Link>
        <Link to="/register" style={{ color }} data-testid="nav-register">注册</Link>
      </Space>
    );
  }
  const logout = async () => {
    try {
      await post('/api/auth/logout');
    } finally {
      qc.clear();
      nav('/');
    }
  };
  return (
    <Space size="small" wrap={false}>
      <Link to={landingFor(me.role)} style={{ color }} data-testid="nav-workspace">
        {me.role === 'applicant' ? '我的申请' : '工作台'}
      </Link>
      {unread > 0 && (
        <Link to="/my/notifications" aria-label={`${unread}条未读消息`} data-testid="nav-unread">
          <Badge count={unread} size="small" />
        </Link>
      )}
      <Typography.Text className="qc-hide-mobile" style={{ color }}>
        {me.displayName ?? me.username}（{ROLE[me.role] ?? me.role}）
      </Typography.Text>
      <Button size="small" onClick={logout} data-testid="logout">退出</Button>
    </Space>
  );
}
