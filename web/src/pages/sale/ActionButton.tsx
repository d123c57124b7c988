import { App, Button, Form, Input, Modal, Space, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useSalePost } from '../../api/sale';
import { ArticleLink } from '../../components/ArticleLink';
import { ErrorAlert } from '../../components/ErrorAlert';
import { validValues } from '../../components/formErrors';
import { putApiError } from './formError';

/** A field the confirm dialog asks for (reason, note, decision number …). */
export interface ActionField { name: string; label: string; required?: boolean; multiline?: boolean; placeholder?: string }

/** Props of {@link ActionButton}. */
export interface ActionButtonProps {
  label: string;
  /** The article the action exercises, e.g. "第十二条"; shown next to the button and in the dialog. */
  article: string;
  clause?: string;
  path: string;
  /** Fixed body merged with the dialog's fields. */
  body?: Record<string, unknown>;
  testId: string;
  /** What happens, in a sentence, shown in the dialog. */
  confirm: React.ReactNode;
  fields?: ActionField[];
  danger?: boolean;
  type?: ButtonProps['type'];
  size?: ButtonProps['size'];
  disabled?: boolean;
  okText?: string;
  onDone?: (result: unknown) => void;
}

/**
 * One action of the sale console: a button with the article it exercises beside it, opening a
 * confirm dialog that asks for its fields, POSTs (with an Idempotency-Key) and shows the API's
 * error on the field it names or above the form. Test ids: `<testId>`, `<testId>-<field>`,
 * `<testId>-confirm`.
 */
export function ActionButton(p: ActionButtonProps) {
  const [open, setOpen] = useState(false);
  return (
    <Space size={4} wrap>
      <Button type={p.type} size={p.size} danger={p.danger} disabled={p.disabled} data-testid={p.testId} onClick={() => setOpen(true)}>
        {p.label}
      </Button>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        依据<ArticleLink article={p.article} clause={p.clause} />
      </Typography.Text>
      {open && <ActionDialog {...p} onClose={() => setOpen(false)} />}
    </Space>
  );
}

// The form belongs to the dialog and mounts with it: each opening starts empty, and nothing is
// ever called on a form that is not mounted.
function ActionDialog(p: ActionButtonProps & { onClose: () => void }) {
  const { message } = App.useApp();
  const run = useSalePost();
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm();
  const onOk = async () => {
    const v = await validValues(form);
    if (!v) return;
    setError(null);
    try {
      const r = await run.mutateAsync({ path: p.path, body: { ...(p.body ?? {}), ...v } });
      message.success(`${p.label}：已完成`);
      p.onClose();
      p.onDone?.(r);
    } catch (e) {
      if (!putApiError(form, e)) setError(e);
    }
  };
  return (
    <Modal open title={p.label} onCancel={p.onClose} onOk={onOk} okText={p.okText ?? `确认${p.label}`} cancelText="取消"
      okButtonProps={{ danger: p.danger, loading: run.isPending, 'data-testid': `${p.testId}-confirm` } as never}>
      <Typography.Paragraph>{p.confirm}（<ArticleLink article={p.article} clause={p.clause} />）</Typography.Paragraph>
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical">
        {(p.fields ?? []).map((f) => (
          <Form.Item key={f.name} name={f.name} label={f.label}
            rules={f.required ? [{ required: true, whitespace: true, message: `请填写${f.label}` }] : []}>
            {f.multiline ? <Input.TextArea rows={3} placeholder={f.placeholder} data-testid={`${p.testId}-${f.name}`} />
              : <Input placeholder={f.placeholder} data-testid={`${p.testId}-${f.name}`} />}
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
