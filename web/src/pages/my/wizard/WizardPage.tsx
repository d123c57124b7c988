import { App, Alert, Button, Card, Form, Grid, Progress, Result, Space, Spin, Steps, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { newIdempotencyKey } from '../../../api/client';
import { useMyApplication, useRequestChange, useSaveDraft, useSubmit } from '../../../api/my';
import type { ApplicationForm } from '../../../api/types';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { applyApiError, fieldPath } from '../../../components/formErrors';
import { usePageTitle } from '../../../components/usePageTitle';
import { STEP_FIELDS, cleanForm, emptyForm, stepOfPath } from './formModel';
import { StepDeclarations } from './StepDeclarations';
import { StepEmployment } from './StepEmployment';
import { StepIncomeHousing } from './StepIncomeHousing';
import { StepMembers } from './StepMembers';
import { StepReview } from './StepReview';

const TITLES = ['申请人与家庭成员', '就业与社保', '收入与住房', '情况说明', '核对并提交'];
const SHORT = ['家庭成员', '就业社保', '收入住房', '情况说明', '核对提交'];
const EDITABLE = ['draft', 'returned'];

/** Application wizard: new, continue a draft/returned one, or a change request (第九条). */
export function WizardPage({ mode }: { mode: 'new' | 'edit' | 'change' }) {
  const { id } = useParams();
  const nav = useNavigate();
  const { message } = App.useApp();
  const [params] = useSearchParams();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm();
  const { data: app, isLoading, error: loadError } = useMyApplication(mode === 'new' ? undefined : id);
  const save = useSaveDraft();
  const submit = useSubmit();
  const change = useRequestChange();
  const [error, setError] = useState<unknown>(null);
  const [ready, setReady] = useState(mode === 'new');
  const submitKey = useRef(newIdempotencyKey());
  const step = Math.min(Math.max(Number(params.get('step') ?? 0) || 0, 0), 4);
  usePageTitle(mode === 'change' ? '申请变更信息' : '填写申请');

  useEffect(() => {
    if (app && !ready) {
      form.setFieldsValue({ ...emptyForm(), ...(app.form ?? {}) });
      setReady(true);
    }
  }, [app, ready, form]);

  // The draft's id once it exists: a new application gets one on its first save, and every
  // later save or submit must use it (not create a second draft), even before the URL follows.
  const draftId = useRef<string | undefined>(mode === 'new' ? undefined : id);
  if (id && !draftId.current) draftId.current = id;
  const basePath = () => (draftId.current ? `/my/${draftId.current}/${mode === 'change' ? 'change' : 'edit'}` : '/my/new');
  const goto = (s: number) => nav(`${basePath()}?step=${s}`, { replace: true });
  const saveForm = async () => {
    const saved = await save.mutateAsync({ id: draftId.current, form: values() });
    if (!draftId.current) {
      draftId.current = saved.id;
      nav(`${basePath()}?step=${step}`, { replace: true });
    }
    return saved;
  };
  const values = (): ApplicationForm => cleanForm(form.getFieldsValue(true));

  const onServerError = (e: unknown) => {
    // a refused submit changed nothing: the corrected form is a new attempt with a new key;
    // after a network error or 5xx the same key is reused so a retry cannot submit twice
    const status = (e as { status?: number }).status ?? 0;
    if (status >= 400 && status < 500) submitKey.current = newIdempotencyKey();
    if (applyApiError(form, e)) {
      const f = (e as { field?: string }).field;
      if (f) goto(stepOfPath(fieldPath(f)));
    }
    setError(e);
  };

  const next = async () => {
    try {
      await form.validateFields(STEP_FIELDS[step], { recursive: true });
      setError(null);
      goto(step + 1);
      window.scrollTo({ top: 0 });
    } catch {
      message.error('请先修正本页标红的内容');
    }
  };

  const saveDraft = async () => {
    setError(null);
    try {
      await saveForm();
      message.success('草稿已保存，可随时回来继续填写');
    } catch (e) {
      onServerError(e);
    }
  };

  const finish = async () => {
    setError(null);
    try {
      await form.validateFields(undefined, { recursive: true });
    } catch (e) {
      const first = (e as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0];
      if (first) goto(stepOfPath(first.name));
      message.error('还有内容未填写或有误');
      return;
    }
    try {
      if (mode === 'change') {
        await change.mutateAsync({ id: id!, form: values(), reason: form.getFieldValue('changeReason') });
        message.success('变更申请已提交，审核期间保留轮候资格');
        nav(`/my/${id}`);
        return;
      }
      const saved = await saveForm();
      await submit.mutateAsync({ id: saved.id, key: submitKey.current });
      submitKey.current = newIdempotencyKey();
      message.success('申请已提交，请等待审核');
      nav(`/my/${saved.id}`);
    } catch (e) {
      onServerError(e);
    }
  };

  // once the form holds values (e.g. a new draft just saved), keep it mounted while the record loads
  if (mode !== 'new' && isLoading && !ready) return <Spin style={{ display: 'block', margin: 48 }} aria-label="加载中" />;
  if (loadError) return <div className="qc-narrow"><ErrorAlert error={loadError} /></div>;
  if (app && mode === 'edit' && !EDITABLE.includes(app.status)) {
    return <Result status="info" title="此申请当前不能修改" extra={<Link to={`/my/${app.id}`}>查看申请状态</Link>} />;
  }
  const busy = save.isPending || submit.isPending || change.isPending;
  const isLast = step === 4;
  return (
    <div className="qc-narrow" style={{ maxWidth: 960 }}>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {mode === 'change' ? '申请变更轮候信息' : '保障性住房轮候库入库申请'}
      </Typography.Title>
      {app?.status === 'returned' && app.decisionReason && (
        <Alert type="warning" showIcon title="申请被退回补正" description={app.decisionReason} style={{ marginBottom: 12 }} />
      )}
      {screens.md ? (
        <Steps current={step} items={SHORT.map((t, i) => ({ title: t, disabled: i > step }))} onChange={(s) => s < step && goto(s)} style={{ marginBottom: 16 }} />
      ) : (
        <Card size="small" style={{ marginBottom: 12 }}>
          <div aria-live="polite">第 {step + 1} / 5 步：<strong>{TITLES[step]}</strong></div>
          <Progress percent={((step + 1) / 5) * 100} showInfo={false} aria-label="填写进度" />
        </Card>
      )}
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" initialValues={emptyForm()} scrollToFirstError>
        <div hidden={step !== 0}><StepMembers /></div>
        <div hidden={step !== 1}><StepEmployment /></div>
        <div hidden={step !== 2}><StepIncomeHousing /></div>
        <div hidden={step !== 3}><StepDeclarations /></div>
        {isLast && <StepReview values={values()} changeMode={mode === 'change'} />}
      </Form>
      <Space wrap style={{ marginTop: 16, width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          {step > 0 && <Button onClick={() => goto(step - 1)} data-testid="wizard-prev">上一步</Button>}
          {mode !== 'change' && <Button onClick={saveDraft} loading={save.isPending && !submit.isPending} data-testid="save-draft">保存草稿</Button>}
        </Space>
        {isLast ? (
          <Button type="primary" onClick={finish} loading={busy} data-testid="submit-application">
            {mode === 'change' ? '提交变更申请' : '提交申请'}
          </Button>
        ) : (
          <Button type="primary" onClick={next} data-testid="wizard-next">下一步</Button>
        )}
      </Space>
    </div>
  );
}
