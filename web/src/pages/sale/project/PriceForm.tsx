import { Alert, Button, Card, Form, Input, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { CheckCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { useEffect, useMemo, useState } from 'react';
import { ApiError } from '../../../api/client';
import { type GridUnit, useGrid, useSalePost } from '../../../api/sale';
import { ArticleLink } from '../../../components/ArticleLink';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatArea, formatFen } from '../../../components/unitGrid';
import { percentToFraction, yuanToFen } from '../format';
import { coefficientInRange, previewPrice, rangeBounds, scheduleSummary } from './pricing';
import type { TabProps } from './tabProps';

type Row = GridUnit & { buildingName: string };

/** The unit the server's error names: details.unitId, or the index in `coefficients.N…`. */
function erringUnit(e: unknown, rows: Row[]): string | undefined {
  if (!(e instanceof ApiError)) return undefined;
  if (typeof e.details.unitId === 'string') return e.details.unitId;
  const m = /coefficients\.(\d+)/.exec(e.field ?? '');
  return m ? rows[Number(m[1])]?.id : undefined;
}

/**
 * 测算价格 (第十二条): base price per m², float range, and one coefficient per unit; the price
 * and the in-range check are shown live as they are typed; the server recomputes with rule
 * housing.unit-price and refuses any unit out of range.
 */
export function PriceForm({ project }: TabProps) {
  const grid = useGrid(project.id);
  const run = useSalePost();
  const [base, setBase] = useState<string | null>(null);
  const [range, setRange] = useState<string | null>('5');
  const [coef, setCoef] = useState<Record<string, string>>({});
  const [fill, setFill] = useState({ start: '1', step: '0' });
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const rows: Row[] = useMemo(() => (grid.data ?? []).flatMap((b) => b.units.map((u) => ({ ...u, buildingName: b.name })))
    .sort((a, b) => a.buildingName.localeCompare(b.buildingName, 'zh-CN', { numeric: true }) || b.floor - a.floor || a.number.localeCompare(b.number, 'zh-CN', { numeric: true })), [grid.data]);
  useEffect(() => {
    setCoef((c) => Object.fromEntries(rows.map((u) => [u.id, c[u.id] ?? (u.coefficient ? String(Number(u.coefficient)) : '1')])));
  }, [rows]);
  const baseFen = yuanToFen(base);
  const fraction = percentToFraction(range);
  const bounds = rangeBounds(fraction);
  const summary = scheduleSummary(baseFen, fraction, rows.map((u) => ({ unitId: u.id, area: u.area, coefficient: coef[u.id] ?? '' })));
  const bad = erringUnit(error, rows);
  const applyFill = () => {
    const start = Number(fill.start);
    const step = Number(fill.step);
    if (!Number.isFinite(start) || !Number.isFinite(step)) return;
    // six decimals, as the rule reads a coefficient
    setCoef(Object.fromEntries(rows.map((u) => [u.id, String(Number((start + (u.floor - 1) * step).toFixed(6)))])));
  };
  const submit = async () => {
    setError(null); setDone(false);
    try {
      await run.mutateAsync({
        path: `/api/projects/${project.id}/prices`,
        body: { basePricePerM2Fen: baseFen, floatRange: fraction, coefficients: rows.map((u) => ({ unitId: u.id, coefficient: coef[u.id] })) },
      });
      setDone(true);
    } catch (e) {
      setError(e);
    }
  };
  const canSubmit = baseFen !== null && baseFen > 0 && fraction !== null && rows.length > 0 && summary.invalid === 0 && summary.outOfRange === 0;
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>测算并提交价格</h2>} size="small">
      <Form layout="vertical">
        <Space wrap align="start">
          <Form.Item label="配售基准价格（元/㎡）" required validateStatus={base && baseFen === null ? 'error' : undefined} help={base && baseFen === null ? '请填写正确的金额，最多两位小数' : undefined}>
            <InputNumber stringMode min="0.01" precision={2} style={{ width: 180 }} value={base} onChange={(v) => setBase(v === null ? null : String(v))} data-testid="price-base" aria-label="配售基准价格（元/㎡）" />
          </Form.Item>
          <Form.Item label="浮动幅度（±%）" required extra={bounds ? `调节系数允许范围 ${bounds[0]} – ${bounds[1]}` : undefined}>
            <InputNumber stringMode min="0" max="99.9999" style={{ width: 140 }} value={range} onChange={(v) => setRange(v === null ? null : String(v))} data-testid="price-range" aria-label="浮动幅度（±%）" />
          </Form.Item>
          <Form.Item label="按楼层批量设置系数" extra="系数 = 起始系数 + (楼层 − 1) × 每层增减">
            <Space.Compact>
              <Input style={{ width: 90 }} aria-label="起始系数" value={fill.start} onChange={(e) => setFill({ ...fill, start: e.target.value })} data-testid="price-fill-start" />
              <Input style={{ width: 90 }} aria-label="每层增减" value={fill.step} onChange={(e) => setFill({ ...fill, step: e.target.value })} data-testid="price-fill-step" />
              <Button onClick={applyFill} data-testid="price-fill">应用</Button>
            </Space.Compact>
          </Form.Item>
        </Space>
      </Form>
      <Alert type={summary.outOfRange || summary.invalid ? 'warning' : 'info'} showIcon style={{ marginBottom: 12 }} data-testid="price-summary"
        title={baseFen === null ? `共 ${summary.units} 套；请先填写配售基准价格` : `共 ${summary.units} 套；超出浮动幅度 ${summary.outOfRange} 套；系数无效 ${summary.invalid} 套；预计总价 ${formatFen(summary.totalFen)}`}
        description="以下价格为按规则 housing.unit-price 的预览（基准价 × 面积 × 调节系数，四舍五入至分），以服务器审定结果为准。" />
      <Table<Row> size="small" rowKey="id" dataSource={rows} loading={grid.isLoading} data-testid="price-table" scroll={{ x: 760 }}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        rowClassName={(u) => (u.id === bad ? 'ant-table-row-selected' : '')} locale={{ emptyText: '请先在“楼栋与房源”中录入房源' }}
        columns={[
          { title: '楼栋', dataIndex: 'buildingName', width: 90 },
          { title: '房号', dataIndex: 'number', width: 80 },
          { title: '楼层', dataIndex: 'floor', width: 60 },
          { title: '面积', dataIndex: 'area', render: (v: string) => formatArea(v), width: 100 },
          { title: '调节系数', key: 'c', width: 130, render: (_, u) => (
            <Input size="small" value={coef[u.id] ?? ''} aria-label={`${u.buildingName} ${u.number} 调节系数`} style={{ width: 110 }}
              status={coefficientInRange(coef[u.id] ?? '', fraction) === false || u.id === bad ? 'error' : undefined}
              onChange={(e) => setCoef({ ...coef, [u.id]: e.target.value.trim() })} data-testid={`coef-${u.buildingName}-${u.number}`} />
          ) },
          { title: '总价（预览）', key: 'p', render: (_, u) => formatFen(previewPrice(baseFen, u.area, coef[u.id] ?? '')) },
          { title: '浮动幅度内', key: 'r', render: (_, u) => {
            const ok = coefficientInRange(coef[u.id] ?? '', fraction);
            if (ok === null) return <Tag>待填写</Tag>;
            return ok ? <Tag color="success" icon={<CheckCircleOutlined />}>在范围内</Tag> : <Tag color="error" icon={<WarningOutlined />}>超出范围</Tag>;
          } },
        ]} />
      <ErrorAlert error={error} style={{ marginTop: 12 }} />
      {done ? <Alert type="success" showIcon style={{ marginTop: 12 }} title="价格已提交审核" data-testid="price-submitted" /> : null}
      <Space size={4} style={{ marginTop: 12 }}>
        <Button type="primary" onClick={submit} disabled={!canSubmit} loading={run.isPending} data-testid="price-submit">提交价格审核</Button>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>依据<ArticleLink article="第十二条" /></Typography.Text>
      </Space>
    </Card>
  );
}
