/**
 * A button opening a form dialog for one closed-loop action (第十八至三十一条). Unlike the sale
 * console's ActionButton, the form instance belongs to a component that mounts with the dialog, so
 * every opening starts from the initial values with no call on an unmounted form.
 */
import { App, Button, Form, Input, Modal, Space, Typography, type ButtonProps, type FormInstance } from 'antd';
import { useState } from 'react';
import { usePostsalePost } from '../../api/postsale';
import { ArticleLink } from '../../components/ArticleLink';
import { ErrorAlert } from '../../components/ErrorAlert';
import { putApiError } from '../sale/formError';
import { yuanToFen } from '../sale/format';
import { validValues } from '../../components/formErrors';

/** Props of {@link FormDialog}. */
export interface FormDialogProps<V> {
  label: string;
  /** The article the action rests on, e.g. "第二十九条"; shown beside the button and in the dialog. */
  article: string;
  clause?: string;
  path: string;
  /** The request body from the form's values (default: the values as they are). */
  toBody?: (v: V) => unknown;
  initialValues?: Partial<V>;
  /** What happens, in a sentence. */
  confirm: React.ReactNode;
  /** API field → form field, where the form asks in other units (amountFen → amount). */
  rename?: Record<string, string>;
  testId: string;
  children?: React.ReactNode | ((form: FormInstance<V>) => React.ReactNode);
  danger?: boolean;
  type?: ButtonProps['type'];
  size?: ButtonProps['size'];
  disabled?: boolean;
  /** Why the button is disabled, shown beside it. */
  disabledReason?: string;
  onDone?: (result: unknown) => void;
}

/** Test ids: `<testId>` (button), `<testId>-form`, `<testId>-confirm`; fields carry their own. */
export function FormDialog<V extends object>(p: FormDialogProps<V>) {
  const [open, setOpen] = useState(false);
  return (
    <Space size={4} wrap>
      <Button type={p.type} size={p.size} danger={p.danger} disabled={p.disabled} data-testid={p.testId} onClick={() => setOpen(true)}>
        {p.label}
      </Button>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {p.disabled && p.disabledReason ? `${p.disabledReason}；` : ''}依据<ArticleLink article={p.article} clause={p.clause} />
      </Typography.Text>
      {open && <DialogBody {...p} onClose={() => setOpen(false)} />}
    </Space>
  );
}

function DialogBody<V extends object>(p: FormDialogProps<V> & { onClose: () => void }) {
  const { message } = App.useApp();
  const run = usePostsalePost();
  const [form] = Form.useForm<V>();
  const [error, setError] = useState<unknown>(null);
  const onOk = async () => {
    const v = await validValues(form);
    if (!v) return;
    setError(null);
    try {
      const r = await run.mutateAsync({ path: p.path, body: p.toBody ? p.toBody(v) : v });
      message.success(`${p.label}：已完成`);
      p.onClose();
      p.onDone?.(r);
    } catch (e) {
      if (!putApiError(form, e, p.rename)) setError(e);
    }
  };
  return (
    <Modal open title={p.label} onCancel={p.onClose} onOk={onOk} okText={`确认${p.label}`} cancelText="取消" width={560}
      okButtonProps={{ danger: p.danger, loading: run.isPending, 'data-testid': `${p.testId}-confirm` } as never}>
      <Typography.Paragraph>{p.confirm}（<ArticleLink article={p.article} clause={p.clause} />）</Typography.Paragraph>
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" initialValues={p.initialValues} data-testid={`${p.testId}-form`} name={p.testId}>
        {typeof p.children === 'function' ? p.children(form) : p.children}
      </Form>
    </Modal>
  );
}

/** A required text field. */
export function TextField({ name, label, testId, required = true, multiline, placeholder }: {
  name: string | (string | number)[]; label: string; testId: string; required?: boolean; multiline?: boolean; placeholder?: string;
}) {
  return (
    <Form.Item name={name} label={label} rules={required ? [{ required: true, whitespace: true, message: `请填写${label}` }] : []}>
      {multiline ? <Input.TextArea rows={3} data-testid={testId} placeholder={placeholder} /> : <Input data-testid={testId} placeholder={placeholder} />}
    </Form.Item>
  );
}

/** A required date field (YYYY-MM-DD). */
export function DateField({ name, label, testId, required = true }: { name: string; label: string; testId: string; required?: boolean }) {
  return (
    <Form.Item name={name} label={label} rules={required ? [{ required: true, message: `请填写${label}` }] : []}>
      <Input type="date" data-testid={testId} />
    </Form.Item>
  );
}

/**
 * An amount in yuan (to the fen) turned into fen by the caller with yuanToFen; `min` allows 0.
 * `extra` adds a client-side check (e.g. the 第三十条 floor) with its own message.
 */
export function MoneyField({ name, label, testId, required = true, allowZero = false, extra }: {
  name: string; label: string; testId: string; required?: boolean; allowZero?: boolean; extra?: (fen: number) => string | null;
}) {
  return (
    <Form.Item name={name} label={`${label}（元）`} rules={[
      ...(required ? [{ required: true, message: `请填写${label}` }] : []),
      {
        validator: (_: unknown, v: string) => {
          if (v === undefined || v === null || v === '') return Promise.resolve();
          const fen = yuanToFen(v);
          if (fen === null || (!allowZero && fen === 0)) return Promise.reject(new Error(`${label}须为${allowZero ? '不小于零' : '正'}的金额，最多两位小数`));
          const msg = extra?.(fen);
          return msg ? Promise.reject(new Error(msg)) : Promise.resolve();
        },
      },
    ]}>
      <Input inputMode="decimal" data-testid={testId} />
    </Form.Item>
  );
}
