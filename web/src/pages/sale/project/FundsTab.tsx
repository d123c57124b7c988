import { Button, Card, Col, Form, Input, Row, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { type FundEntry, fundTotals, useFunds, useSalePost } from '../../../api/sale';
import { ArticleLink } from '../../../components/ArticleLink';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { putApiError } from '../formError';
import { formatFen } from '../../../components/unitGrid';
import { FUND_SOURCE, options } from '../../../lib/labels';
import { yuanToFen } from '../format';
import type { TabProps } from './tabProps';

// ECharts is large: the chart loads on demand.
const FundsChart = lazy(() => import('./FundsChart'));

/** 资金 (第十七条): the project's ring-fenced ledger by source, totals as a chart, and the entry form. */
export function FundsTab({ project, ab }: TabProps) {
  const { data, isFetching, error } = useFunds(project.id);
  const totals = data ? fundTotals(data) : [];
  const used = totals.filter((t) => t.in > 0 || t.out > 0);
  const all = data?.totals;
  return (
    <>
      <Typography.Paragraph>
        保障性住房资金管理遵循专款专用、封闭运行原则；项目资本金、开发贷款、销售资金、财政补助、政府专项债及其他相关资金，
        应当依法依规使用，确保用于保障性住房建设、运营等相关环节（<ArticleLink article="第十七条" />）。销售资金在签约时自动入账。
      </Typography.Paragraph>
      <ErrorAlert error={error} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={13}>
          <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>按来源合计</h2>}>
            <Table size="small" rowKey="source" dataSource={totals} pagination={false} data-testid="funds-totals" locale={{ emptyText: '暂无资金记录' }} scroll={{ x: 520 }}
              summary={() => all?.in !== undefined ? (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}><strong>合计</strong></Table.Summary.Cell>
                  <Table.Summary.Cell index={1}>{formatFen(all.in)}</Table.Summary.Cell>
                  <Table.Summary.Cell index={2}>{formatFen(all.out ?? 0)}</Table.Summary.Cell>
                  <Table.Summary.Cell index={3}><span data-testid="funds-balance">{formatFen(all.balance ?? (all.in - (all.out ?? 0)))}</span></Table.Summary.Cell>
                </Table.Summary.Row>
              ) : null}
              columns={[
                { title: '来源', dataIndex: 'source', width: 120, render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{FUND_SOURCE[v] ?? v}</span> },
                { title: '流入', dataIndex: 'in', render: (v: number) => formatFen(v) },
                { title: '流出', dataIndex: 'out', render: (v: number) => formatFen(v) },
                { title: '结余', dataIndex: 'net', render: (v: number) => formatFen(v) },
              ]} />
          </Card>
        </Col>
        <Col xs={24} xl={11}>
          <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>流入与流出（万元）</h2>}>
            {used.length ? (
              <Suspense fallback={<Spin aria-label="加载图表" />}>
                <FundsChart totals={used} />
              </Suspense>
            ) : <Typography.Text type="secondary">暂无资金记录</Typography.Text>}
          </Card>
        </Col>
        {ab.writeFunds ? <Col span={24}><FundForm projectId={project.id} /></Col> : null}
        <Col span={24}>
          <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>资金台账</h2>}>
            <Table<FundEntry> size="small" rowKey={(e) => String(e.id)} dataSource={data?.entries ?? []} loading={isFetching} data-testid="funds-table" scroll={{ x: 880 }}
              pagination={{ pageSize: 20, hideOnSinglePage: true }} locale={{ emptyText: '暂无资金记录' }}
              columns={[
                { title: '日期', dataIndex: 'occurredOn', width: 110 },
                { title: '来源', dataIndex: 'source', width: 120, render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{FUND_SOURCE[v] ?? v}</span> },
                { title: '方向', dataIndex: 'direction', width: 80, render: (v: string) => <Tag color={v === 'in' ? 'green' : 'orange'}>{v === 'in' ? '流入' : '流出'}</Tag> },
                { title: '金额', dataIndex: 'amountFen', width: 170, render: (v: number) => formatFen(v) },
                { title: '摘要', dataIndex: 'memo' },
                { title: '凭证号', dataIndex: 'reference', width: 220 },
              ]} />
          </Card>
        </Col>
      </Row>
    </>
  );
}

function FundForm({ projectId }: { projectId: string }) {
  const [form] = Form.useForm();
  const run = useSalePost();
  const [error, setError] = useState<unknown>(null);
  const onFinish = async (v: { source: string; direction: string; amount: string; occurredOn: string; memo: string; reference: string }) => {
    setError(null);
    try {
      await run.mutateAsync({ path: `/api/projects/${projectId}/funds`, body: { source: v.source, direction: v.direction, amountFen: yuanToFen(v.amount), occurredOn: v.occurredOn, memo: v.memo, reference: v.reference } });
      form.resetFields();
    } catch (e) {
      if (!putApiError(form, e, { amountFen: 'amount' })) setError(e);
    }
  };
  return (
    <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>登记资金</h2>}>
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" onFinish={onFinish} initialValues={{ direction: 'in' }}>
        <Space wrap align="start">
          <Form.Item name="source" label="资金来源" rules={[{ required: true, message: '请选择资金来源' }]}>
            <Select style={{ width: 150 }} options={options(FUND_SOURCE)} data-testid="fund-source" placeholder="选择来源" />
          </Form.Item>
          <Form.Item name="direction" label="方向" rules={[{ required: true }]}>
            <Select style={{ width: 100 }} options={[{ value: 'in', label: '流入' }, { value: 'out', label: '流出（使用）' }]} data-testid="fund-direction" />
          </Form.Item>
          <Form.Item name="amount" label="金额（元）" rules={[{ required: true, message: '请填写金额' }, { validator: (_, v) => (!v || (yuanToFen(v) ?? 0) > 0 ? Promise.resolve() : Promise.reject(new Error('金额须为正数，最多两位小数'))) }]}>
            <Input style={{ width: 150 }} data-testid="fund-amount" inputMode="decimal" />
          </Form.Item>
          <Form.Item name="occurredOn" label="发生日期" rules={[{ required: true, message: '请填写日期' }]}>
            <Input type="date" data-testid="fund-occurredOn" />
          </Form.Item>
        </Space>
        <Space wrap align="start">
          <Form.Item name="memo" label="摘要（用途）" rules={[{ required: true, whitespace: true, message: '请填写摘要' }]}>
            <Input style={{ width: 'min(280px, 70vw)' }} data-testid="fund-memo" placeholder="如 项目资本金到位 / 支付工程款" />
          </Form.Item>
          <Form.Item name="reference" label="凭证号" rules={[{ required: true, whitespace: true, message: '请填写凭证号' }]} extra="同一来源、方向的凭证号只记一次">
            <Input style={{ width: 'min(200px, 70vw)' }} data-testid="fund-reference" />
          </Form.Item>
        </Space>
        <Space size={4}>
          <Button type="primary" htmlType="submit" loading={run.isPending} data-testid="fund-add">登记</Button>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>依据<ArticleLink article="第十七条" /></Typography.Text>
        </Space>
      </Form>
    </Card>
  );
}
