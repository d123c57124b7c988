import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { post } from '../../api/client';
import { useMe } from '../../api/queries';
import type { Account } from '../../api/types';
import { landingFor } from '../../auth/RequireRole';
import { ErrorAlert } from '../../components/ErrorAlert';
import { usePageTitle } from '../../components/usePageTitle';

/** Sign-in for families and staff; then to the page asked for or the role's landing page. */
export function LoginPage() {
  usePageTitle('登录');
  const [params] = useSearchParams();
  const nav = useNavigate();
  const qc = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const { data: me } = useMe();
  const onFinish = async (v: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      const r = await post<{ account?: Account } & Partial<Account>>('/api/auth/login', v);
      const account = (r.account ?? r) as Account;
      qc.setQueryData(['me'], account);
      await qc.invalidateQueries({ queryKey: ['me'] });
      const next = params.get('next');
      nav(next && next.startsWith('/') && !next.startsWith('//') ? next : landingFor(account.role), { replace: true });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="qc-narrow" style={{ maxWidth: 420 }}>
      <Card>
        <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>登录</Typography.Title>
        <ErrorAlert error={error} />
        {me && (
          <Alert type="info" showIcon style={{ marginBottom: 16 }}
            title={<>您已登录为 {me.displayName ?? me.username}，<Link to={landingFor(me.role)}>进入{me.role === 'applicant' ? '我的申请' : '工作台'}</Link></>} />
        )}
        <Form layout="vertical" onFinish={onFinish} requiredMark={false}>
          <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input autoComplete="username" data-testid="login-username" />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">登录</Button>
        </Form>
        <Typography.Paragraph style={{ marginTop: 16 }}>
          还没有账号？<Link to={`/register${params.get('next') ? `?next=${encodeURIComponent(params.get('next')!)}` : ''}`}>注册申请家庭账号</Link>
        </Typography.Paragraph>
        <Typography.Paragraph>工作人员账号由管理员开通，不能自行注册。</Typography.Paragraph>
      </Card>
    </div>
  );
}
