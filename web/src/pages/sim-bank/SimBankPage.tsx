import { BankOutlined, CheckCircleFilled } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Result, Spin, Typography } from 'antd';
import { useEffect } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { useSimBankOrder, useSimBankPay } from '../../api/sale-public';
import { ErrorAlert } from '../../components/ErrorAlert';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDateTime } from '../../lib/law';
import { formatFen } from '../sale-public/money';

/** Only a path inside this site may be a return address (no open redirect). */
function safeReturn(url?: string): string {
  return url && url.startsWith('/') && !url.startsWith('//') ? url : '/my/sale';
}

/**
 * The simulated bank's checkout page, standing where a real bank's page would be: it shows the
 * order and, on 确认支付, the bank takes the money and sends its signed callback to the platform
 * (src/payments). The platform books the 认购金 only from that callback, never from this page.
 */
export function SimBankPage() {
  const { orderNo } = useParams();
  usePageTitle('模拟银行支付');
  const nav = useNavigate();
  const { data, isLoading, error, refetch } = useSimBankOrder(orderNo);
  const pay = useSimBankPay();
  const back = safeReturn(data?.returnUrl);
  const paid = data?.status === 'paid' || pay.isSuccess;
  const returnTo = `${back}${back.includes('?') ? '&' : '?'}paid=${encodeURIComponent(orderNo ?? '')}`;

  // Like a bank's checkout, a finished payment returns to the platform by itself after a moment.
  useEffect(() => {
    if (!pay.isSuccess) return;
    const t = setTimeout(() => nav(returnTo), 3000);
    return () => clearTimeout(t);
  }, [pay.isSuccess, nav, returnTo]);

  const onPay = async () => {
    try {
      await pay.mutateAsync(orderNo!);
      await refetch();
    } catch {
      /* shown below */
    }
  };

  return (
    <div style={{ minHeight: '100vh', background: '#eef2f0' }}>
      <header style={{ background: '#0b6e4f', color: '#fff', padding: '12px 16px', display: 'flex', alignItems: 'center', gap: 8 }}>
        <BankOutlined aria-hidden style={{ fontSize: 22 }} />
        <span style={{ fontWeight: 600, fontSize: 17 }}>模拟银行 · 网上支付</span>
      </header>
      <main id="main" style={{ maxWidth: 480, margin: '0 auto', padding: 12 }}>
        <Alert type="warning" showIcon data-testid="sim-bank-banner" style={{ marginBottom: 12 }}
          title="模拟银行（演示环境）"
          description="这是平台内置的模拟银行，用于演示和测试，不会从任何账户扣款。正式运行时此处为签约银行的支付页面。" />
        <Typography.Title level={1} style={{ fontSize: 20 }}>支付认购金</Typography.Title>
        {isLoading && <Spin aria-label="加载中" style={{ display: 'block', margin: 24 }} />}
        <ErrorAlert error={error} />
        {data && !paid && (
          <Card data-testid="sim-bank-order">
            <Descriptions column={1} size="small" items={[
              { key: 'no', label: '订单号', children: <span data-testid="sim-bank-order-no">{data.orderNo}</span> },
              ...(data.subject ? [{ key: 's', label: '商品', children: <span data-testid="sim-bank-subject">{data.subject}</span> }] : []),
              ...(data.projectName ? [{ key: 'p', label: '项目', children: data.projectName }] : []),
              ...(data.regNo ? [{ key: 'r', label: '登记号', children: data.regNo }] : []),
              { key: 'payee', label: '收款方', children: data.payee ?? '项目认购金专用账户' },
              { key: 'created', label: '下单时间', children: formatDateTime(data.createdAt) },
            ]} />
            <div style={{ textAlign: 'center', margin: '16px 0' }}>
              <div style={{ color: 'rgba(0,0,0,0.65)' }}>支付金额</div>
              <div style={{ fontSize: 30, fontWeight: 600 }} data-testid="sim-bank-amount">{formatFen(data.amountFen)}</div>
            </div>
            <ErrorAlert error={pay.error} />
            {data.status === 'expired' ? (
              <Alert type="error" showIcon title="订单已失效，请返回平台重新发起支付" />
            ) : (
              <Button type="primary" size="large" block onClick={onPay} loading={pay.isPending} data-testid="sim-bank-pay"
                style={{ background: '#0b6e4f' }}>
                确认支付
              </Button>
            )}
            <Button type="link" block onClick={() => nav(back)} style={{ marginTop: 8 }} data-testid="sim-bank-cancel">取消并返回</Button>
          </Card>
        )}
        {data && paid && (
          <Result icon={<CheckCircleFilled style={{ color: '#0b6e4f' }} />} status="success" data-testid="sim-bank-paid"
            title="支付成功"
            subTitle={<>已支付 {formatFen(data.amountFen)}（订单号 {data.orderNo}）。银行已将支付结果通知平台，平台确认到账后登记生效。{pay.isSuccess ? '即将返回平台…' : ''}</>}
            extra={<Button type="primary" onClick={() => nav(returnTo)} data-testid="sim-bank-return">返回泉城安居</Button>} />
        )}
      </main>
    </div>
  );
}
