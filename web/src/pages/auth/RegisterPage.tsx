import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { post } from '../../api/client';
import type { Account } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyApiError } from '../../components/formErrors';
import { usePageTitle } from '../../components/usePageTitle';

interface Values { username: string; password: string; password2: string; displayName: string; phone: string }

/** Self-registration of a family (applicant role only), then sign-in and on to the wizard. */
export function RegisterPage() {
  usePageTitle('注册');
  const [form] = Form.useForm<Values>();
  const nav = useNavigate();
  const qc = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const onFinish = async ({ password2: _, ...v }: Values) => {
    setBusy(true);
    setError(null);
    try {
      // registration signs the new family in (server sets the session cookie)
      const r = await post<{ account?: Account } & Partial<Account>>('/api/auth/register', v);
      qc.setQueryData(['me'], (r.account ?? r) as Account);
      await qc.invalidateQueries({ queryKey: ['me'] });
      nav('/my', { replace: true });
    } catch (e) {
      if (!applyApiError(form, e)) setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="qc-narrow" style={{ maxWidth: 460 }}>
      <Card>
        <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>注册申请家庭账号</Typography.Title>
        <ErrorAlert error={error} />
        <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
          <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }, { min: 3, message: '至少3个字符' }]}>
            <Input autoComplete="username" data-testid="register-username" />
          </Form.Item>
          <Form.Item label="姓名" name="displayName" rules={[{ required: true, message: '请输入姓名' }]}>
            <Input autoComplete="name" data-testid="register-displayName" />
          </Form.Item>
          <Form.Item label="手机号码" name="phone" rules={[{ required: true, message: '请输入手机号码' }, { pattern: /^1\d{10}$/, message: '请输入11位手机号码' }]}>
            <Input inputMode="tel" autoComplete="tel" data-testid="register-phone" />
          </Form.Item>
          <Form.Item label="密码" name="password" extra="至少8位，包含字母和数字"
            rules={[{ required: true, message: '请输入密码' }, { min: 8, message: '至少8位' }, { pattern: /(?=.*[A-Za-z])(?=.*\d)/, message: '须包含字母和数字' }]}>
            <Input.Password autoComplete="new-password" data-testid="register-password" />
          </Form.Item>
          <Form.Item label="确认密码" name="password2" dependencies={['password']}
            rules={[{ required: true, message: '请再次输入密码' },
              ({ getFieldValue }) => ({ validator: (_, v) => (v === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致'))) })]}>
            <Input.Password autoComplete="new-password" data-testid="register-password2" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="register-submit">注册并登录</Button>
        </Form>
        <Typography.Paragraph style={{ marginTop: 16 }}>已有账号？<Link to="/login">登录</Link></Typography.Paragraph>
      </Card>
    </div>
  );
}
