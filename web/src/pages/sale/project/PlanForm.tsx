import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { type SalePlan, useSalePost } from '../../../api/sale';
import { ArticleLink } from '../../../components/ArticleLink';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { putApiError } from '../formError';
import { fenToYuan, isoToShanghaiLocal, shanghaiLocalToIso, yuanToFen } from '../format';
import { DEFAULT_POOLS, type PoolRow, poolProblems, poolsFromApi, poolsToApi } from './pools';

interface Values {
  round: number; opensAt: string; closesAt: string; drawOn: string; deposit: string;
  batchSize: number; windowMinutes: number; contractDeadlineDays: number; documents?: string; pools: PoolRow[];
}

/** The form's values of a stored plan (revising a draft or rejected plan of the same round). */
function valuesOf(p: SalePlan): Partial<Values> {
  return {
    round: p.round, opensAt: isoToShanghaiLocal(p.registrationOpensAt), closesAt: isoToShanghaiLocal(p.registrationClosesAt), drawOn: p.drawOn,
    deposit: fenToYuan(p.depositFen), batchSize: p.batchSize, windowMinutes: p.windowMinutes, contractDeadlineDays: p.contractDeadlineDays,
    documents: p.documents ?? undefined, pools: poolsFromApi(p.pools),
  };
}

/**
 * Drafts the sale plan of a round (implementer): window, 认购金, pools, batches, contract
 * deadline. With `initial`, revises that draft or rejected plan (the same round is sent again).
 */
export function PlanForm({ projectId, round, initial, onSaved }: { projectId: string; round: number; initial?: SalePlan; onSaved?: () => void }) {
  const [form] = Form.useForm<Values>();
  const run = useSalePost();
  const [error, setError] = useState<unknown>(null);
  const pools = Form.useWatch('pools', form) ?? DEFAULT_POOLS;
  const problems = poolProblems(pools);
  const onFinish = async (v: Values) => {
    setError(null);
    if (problems.length) return;
    const body = {
      round: v.round,
      registrationOpensAt: shanghaiLocalToIso(v.opensAt),
      registrationClosesAt: shanghaiLocalToIso(v.closesAt),
      drawOn: v.drawOn,
      depositFen: yuanToFen(v.deposit),
      pools: poolsToApi(v.pools),
      batchSize: v.batchSize,
      windowMinutes: v.windowMinutes,
      contractDeadlineDays: v.contractDeadlineDays,
      ...(v.documents ? { documents: v.documents } : {}),
    };
    try {
      await run.mutateAsync({ path: `/api/projects/${projectId}/plans`, body });
      form.resetFields();
      onSaved?.();
    } catch (e) {
      if (!putApiError(form, e, { registrationOpensAt: 'opensAt', registrationClosesAt: 'closesAt', depositFen: 'deposit' })) setError(e);
    }
  };
  return (
    <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{initial ? `修改第 ${initial.round} 轮配售方案` : '拟定配售方案'}</h2>}>
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" onFinish={onFinish}
        initialValues={initial ? valuesOf(initial) : { round, batchSize: 20, windowMinutes: 30, contractDeadlineDays: 7, pools: DEFAULT_POOLS, deposit: '20000' }}>
        <Row gutter={16}>
          <Col xs={12} sm={4}><Form.Item name="round" label="轮次" rules={[{ required: true }]}><InputNumber min={1} precision={0} disabled={Boolean(initial)} data-testid="plan-round" /></Form.Item></Col>
          <Col xs={24} sm={7}><Form.Item name="opensAt" label="认购登记开始（北京时间）" rules={[{ required: true, message: '请填写开始时间' }]}><Input type="datetime-local" data-testid="plan-opensAt" /></Form.Item></Col>
          <Col xs={24} sm={7}><Form.Item name="closesAt" label="认购登记截止（北京时间）" rules={[{ required: true, message: '请填写截止时间' }]}><Input type="datetime-local" data-testid="plan-closesAt" /></Form.Item></Col>
          <Col xs={24} sm={6}><Form.Item name="drawOn" label="摇号日期" rules={[{ required: true, message: '请填写摇号日期' }]}><Input type="date" data-testid="plan-drawOn" /></Form.Item></Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} sm={6}>
            <Form.Item name="deposit" label="认购金（元）" extra={<>可折抵购房款，未签约的予以返还（<ArticleLink article="第十一条" />）</>}
              rules={[{ required: true, message: '请填写认购金' }, { validator: (_, v) => (v === undefined || v === null || v === '' || yuanToFen(v) !== null ? Promise.resolve() : Promise.reject(new Error('金额最多两位小数'))) }]}>
              <InputNumber stringMode min="0" precision={2} style={{ width: '100%' }} data-testid="plan-deposit" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={6}><Form.Item name="batchSize" label="每批选房户数" rules={[{ required: true }]}><InputNumber min={1} precision={0} style={{ width: '100%' }} data-testid="plan-batchSize" /></Form.Item></Col>
          <Col xs={24} sm={6}><Form.Item name="windowMinutes" label="每批选房时长（分钟）" rules={[{ required: true }]}><InputNumber min={1} precision={0} style={{ width: '100%' }} data-testid="plan-windowMinutes" /></Form.Item></Col>
          <Col xs={24} sm={6}><Form.Item name="contractDeadlineDays" label="签约期限（日）" rules={[{ required: true }]}><InputNumber min={1} precision={0} style={{ width: '100%' }} data-testid="plan-contractDeadlineDays" /></Form.Item></Col>
        </Row>
        <Typography.Title level={3} style={{ fontSize: 15 }}>摇号池（按顺序排序；优先家庭见<ArticleLink article="第六条" />）</Typography.Title>
        <Form.List name="pools">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => {
                const last = i === fields.length - 1;
                const mine = problems.filter((p) => p.index === i);
                return (
                  <div key={f.key} data-testid={`pool-${i}`}>
                    <Space wrap align="start">
                      <Form.Item name={[f.name, 'label']} label={i === 0 ? '标签' : undefined} validateStatus={mine.length ? 'error' : undefined} help={mine.map((m) => m.message).join('；') || undefined}>
                        <Input style={{ width: 120 }} aria-label={`第${i + 1}个摇号池标签`} data-testid={`pool-${i}-label`} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'kind']} label={i === 0 ? '名额' : undefined}>
                        <Select style={{ width: 130 }} aria-label={`第${i + 1}个摇号池名额方式`} data-testid={`pool-${i}-kind`} disabled={last}
                          options={[{ value: 'share', label: '按房源比例' }, { value: 'quota', label: '固定套数' }, { value: 'all', label: '其余全部' }]} />
                      </Form.Item>
                      {pools[i]?.kind !== 'all' && !last ? (
                        <Form.Item name={[f.name, 'value']} label={i === 0 ? (pools[i]?.kind === 'quota' ? '套数' : '比例（%）') : undefined}>
                          <Input style={{ width: 100 }} aria-label={`第${i + 1}个摇号池${pools[i]?.kind === 'quota' ? '套数' : '比例（%）'}`} suffix={pools[i]?.kind === 'quota' ? '套' : '%'} data-testid={`pool-${i}-value`} />
                        </Form.Item>
                      ) : null}
                      <Form.Item name={[f.name, 'eligibility']} label={i === 0 ? '参加家庭' : undefined}>
                        <Select style={{ width: 170 }} aria-label={`第${i + 1}个摇号池参加家庭`} data-testid={`pool-${i}-eligibility`} disabled={last}
                          options={[{ value: 'priority', label: '优先家庭（第六条）' }, { value: 'all', label: '全部登记家庭' }]} />
                      </Form.Item>
                      {!last ? <Button icon={<DeleteOutlined />} aria-label={`删除第${i + 1}个摇号池`} onClick={() => remove(f.name)} style={{ marginTop: i === 0 ? 30 : 0 }} /> : <Typography.Text type="secondary" style={{ display: 'inline-block', marginTop: i === 0 ? 34 : 4 }}>普通池：全部家庭，排完所有人</Typography.Text>}
                    </Space>
                  </div>
                );
              })}
              <Button icon={<PlusOutlined />} onClick={() => add({ label: '', kind: 'share', value: '', eligibility: 'priority' }, Math.max(fields.length - 1, 0))} data-testid="pool-add">
                在普通池前添加优先池
              </Button>
            </>
          )}
        </Form.List>
        {problems.filter((p) => p.index === -1).map((p) => <Alert key={p.message} type="error" showIcon title={p.message} style={{ marginTop: 8 }} />)}
        <Form.Item name="documents" label="申请材料及说明（选填，写入配售通告）" style={{ marginTop: 16 }}>
          <Input.TextArea rows={3} data-testid="plan-documents" />
        </Form.Item>
        <Space size={4}>
          <Button type="primary" htmlType="submit" loading={run.isPending} disabled={problems.length > 0} data-testid="plan-create">保存方案</Button>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>依据<ArticleLink article="第十条" /></Typography.Text>
        </Space>
      </Form>
    </Card>
  );
}
