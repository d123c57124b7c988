import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { download } from '../../../api/client';
import { useConfirm, useWithdraw } from '../../../api/my';
import type { Application } from '../../../api/types';
import { ArticleLink } from '../../../components/ArticleLink';
import { errorText } from '../../../components/ErrorAlert';
import { LinkButton } from '../../../components/LinkButton';
import { formatDate } from '../../../lib/law';

/** What an admitted family can do: notice PDF, confirm (第八条), change or withdraw (第九条). */
export function AdmittedActions({ app }: { app: Application }) {
  const { message, modal } = App.useApp();
  const withdraw = useWithdraw();
  const confirm = useConfirm();
  const [withdrawOpen, setWithdrawOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const mustConfirm = app.waitlist?.status === 'must_confirm';

  const onDownload = async () => {
    try {
      await download(`/api/my/applications/${app.id}/notice.pdf`, `准予入库通知书-${app.regCode ?? app.id}.pdf`);
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const onConfirm = () =>
    modal.confirm({
      title: '确认家庭信息',
      content: '确认后，您的家庭信息视为已更新并确认，自今日起重新计算2年轮候期。若家庭情况有变化，请先申请变更。',
      okText: '确认无变化',
      cancelText: '取消',
      okButtonProps: { 'data-testid': 'confirm-ok' } as never,
      onOk: async () => {
        try {
          await confirm.mutateAsync({ id: app.id });
          message.success('已确认，轮候资格继续有效');
        } catch (e) {
          message.error(errorText(e));
        }
      },
    });
  const onWithdraw = async () => {
    const { reason } = await form.validateFields();
    try {
      await withdraw.mutateAsync({ id: app.id, reason });
      setWithdrawOpen(false);
      message.success('已退出轮候库');
    } catch (e) {
      message.error(errorText(e));
    }
  };

  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>轮候资格</h2>} style={{ marginBottom: 12 }}>
      {mustConfirm && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} data-testid="must-confirm"
          title={`请在 ${formatDate(app.waitlist?.deadline)} 前确认家庭信息`}
          description={<>纳入轮候库2年内未完成认购的家庭应再次更新并确认个人信息，未确认的将失去轮候资格（<ArticleLink article="第八条" />）。</>} />
      )}
      <Typography.Paragraph>
        已纳入全市保障性住房轮候库（<ArticleLink article="第八条" />）。轮候期间家庭情况变化的，可申请修改信息或退出轮候库（<ArticleLink article="第九条" />）。
      </Typography.Paragraph>
      <Space wrap>
        <Button type="primary" icon={<DownloadOutlined />} onClick={onDownload} data-testid="download-notice">下载准予入库通知书</Button>
        {mustConfirm && <Button type="primary" onClick={onConfirm} loading={confirm.isPending} data-testid="confirm-info">确认家庭信息</Button>}
        <LinkButton to={`/my/${app.id}/change`} disabled={app.pendingChange} data-testid="request-change">
          {app.pendingChange ? '变更审核中' : '申请变更信息'}
        </LinkButton>
        <Button danger onClick={() => setWithdrawOpen(true)} data-testid="withdraw">退出轮候库</Button>
      </Space>
      <Modal title="退出轮候库" open={withdrawOpen} onCancel={() => setWithdrawOpen(false)} onOk={onWithdraw}
        okText="确认退出" cancelText="取消" okButtonProps={{ danger: true, loading: withdraw.isPending, 'data-testid': 'withdraw-ok' } as never}>
        <Typography.Paragraph>退出后将失去当前轮候资格，如需再次申请需重新提交入库申请。</Typography.Paragraph>
        <Form form={form} layout="vertical">
          <Form.Item label="退出原因" name="reason" rules={[{ required: true, message: '请填写退出原因' }]}>
            <Input.TextArea rows={3} data-testid="withdraw-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
