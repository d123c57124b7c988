import { App, Button, Card, Form, Input, Modal, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { type StaffAction, useStaffAction } from '../../../api/staff';
import type { Application } from '../../../api/types';
import { ArticleLink } from '../../../components/ArticleLink';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { applyApiError } from '../../../components/formErrors';

const SPEC: Record<StaffAction, { title: string; ok: string; danger?: boolean; fields: ('note' | 'reason' | 'evidence')[]; intro: React.ReactNode }> = {
  approve: { title: '审核通过', ok: '确认通过', fields: ['note'], intro: <>通过后纳入轮候库并核发准予入库通知书（<ArticleLink article="第八条" />）。</> },
  return: { title: '退回补正', ok: '确认退回', fields: ['reason'], intro: '退回后申请家庭可修改并重新提交。' },
  reject: { title: '不予通过', ok: '确认不予通过', danger: true, fields: ['reason'], intro: '请写明不予通过的理由，申请家庭将收到通知。' },
  cancel: { title: '撤销资格', ok: '确认撤销', danger: true, fields: ['reason', 'evidence'],
    intro: <>弄虚作假骗取保障资格、已取得购房资格的，予以取消（<ArticleLink article="第三十一条" />（一））。须写明理由并提供证据。</> },
};
const LABEL = { note: '审核意见（选填）', reason: '理由', evidence: '证据说明（核查发现、材料名称）' };
const TESTID: Record<StaffAction, string> = { approve: 'approve', return: 'return', reject: 'reject', cancel: 'cancel-qualification' };

/** The decisions staff can take on this application, each behind a confirm dialog. */
export function StaffActions({ app, readOnly }: { app: Application; readOnly: boolean }) {
  const { message } = App.useApp();
  const run = useStaffAction();
  const [action, setAction] = useState<StaffAction | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm();
  if (readOnly) return null;
  const reviewable = app.status === 'submitted' || app.pendingChange;
  const admitted = app.status === 'admitted' || app.status === 'approved';
  const available: StaffAction[] = [...(reviewable ? (['approve', 'return', 'reject'] as const) : []), ...(admitted ? (['cancel'] as const) : [])];
  if (available.length === 0) return null;

  const open = (a: StaffAction) => { form.resetFields(); setError(null); setAction(a); };
  const onOk = async () => {
    if (!action) return;
    const v = await form.validateFields();
    const body: Record<string, unknown> = { ...v };
    // 第三十一条(一): evidence is a list of items; the dialog takes one, with an optional reference
    if (action === 'cancel') {
      body.evidence = [{ description: v.evidence, ...(v.evidenceRef ? { reference: v.evidenceRef } : {}) }];
      delete body.evidenceRef;
    }
    try {
      await run.mutateAsync({ id: app.id, action, body });
      message.success(`${SPEC[action].title}：已完成`);
      setAction(null);
    } catch (e) {
      if (!applyApiError(form, e)) setError(e);
    }
  };
  const spec = action ? SPEC[action] : null;
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>审核操作{app.pendingChange ? '（变更申请）' : ''}</h2>} style={{ marginBottom: 16 }}>
      <Space wrap>
        {available.map((a) => (
          <Button key={a} type={a === 'approve' ? 'primary' : 'default'} danger={SPEC[a].danger} onClick={() => open(a)} data-testid={TESTID[a]}>
            {SPEC[a].title}
          </Button>
        ))}
      </Space>
      <Modal open={Boolean(action)} title={spec?.title} onCancel={() => setAction(null)} onOk={onOk} okText={spec?.ok} cancelText="取消"
        okButtonProps={{ danger: spec?.danger, loading: run.isPending, 'data-testid': 'action-confirm' } as never} destroyOnHidden>
        <Typography.Paragraph>{spec?.intro}</Typography.Paragraph>
        <ErrorAlert error={error} />
        <Form form={form} layout="vertical">
          {action === 'reject' && app.pendingChange && (
            <Form.Item label="处理范围" name="scope" initialValue="change" rules={[{ required: true }]}>
              <Radio.Group data-testid="action-scope" options={[{ value: 'change', label: '仅不予通过本次变更（保留轮候资格）' }, { value: 'family', label: '不再符合条件，移出轮候库' }]} />
            </Form.Item>
          )}
          {spec?.fields.map((f) => (
            <Form.Item key={f} label={LABEL[f]} name={f} rules={f === 'note' ? [] : [{ required: true, whitespace: true, message: `请填写${LABEL[f]}` }]}>
              <Input.TextArea rows={3} data-testid={`action-${f}`} />
            </Form.Item>
          ))}
          {action === 'cancel' && (
            <Form.Item label="证据编号（选填）" name="evidenceRef">
              <Input data-testid="action-evidenceRef" placeholder="如 不动产登记查询单号" />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Card>
  );
}
