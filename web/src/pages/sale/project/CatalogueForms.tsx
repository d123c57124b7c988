import { Button, Card, Form, Input, InputNumber, Select, Space } from 'antd';
import { useState } from 'react';
import { type BuildingSummary, useSalePost } from '../../../api/sale';
import { ArticleLink } from '../../../components/ArticleLink';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { putApiError } from '../formError';

const h2 = (t: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{t}</h2>;

/** Adds a building: name, floors, completion date (the age for a later buyback counts from it). */
export function AddBuildingForm({ projectId }: { projectId: string }) {
  const [form] = Form.useForm();
  const run = useSalePost();
  const [error, setError] = useState<unknown>(null);
  const onFinish = async (v: { name: string; floors: number; completedOn?: string }) => {
    setError(null);
    try {
      await run.mutateAsync({ path: `/api/projects/${projectId}/buildings`, body: { name: v.name, floors: v.floors, ...(v.completedOn ? { completedOn: v.completedOn } : {}) } });
      form.resetFields();
    } catch (e) {
      if (!putApiError(form, e)) setError(e);
    }
  };
  return (
    <Card title={h2('添加楼栋')} size="small">
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item name="name" label="楼栋名称" rules={[{ required: true, whitespace: true, message: '请填写楼栋名称' }, { max: 32 }]}>
          <Input data-testid="building-name" placeholder="如 1号楼" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="floors" label="地上层数" rules={[{ required: true, message: '请填写层数' }]}>
            <InputNumber min={1} max={200} precision={0} data-testid="building-floors" />
          </Form.Item>
          <Form.Item name="completedOn" label="竣工日期（选填）">
            <Input type="date" data-testid="building-completedOn" />
          </Form.Item>
        </Space>
        <Space size={4}>
          <Button htmlType="submit" type="primary" loading={run.isPending} data-testid="building-add">添加楼栋</Button>
          <span style={{ fontSize: 12 }}>依据<ArticleLink article="第十条" /></span>
        </Space>
      </Form>
    </Card>
  );
}

/** Adds one unit: building, floor, room number, area (m², two decimals), layout, orientation. */
export function AddUnitForm({ projectId, buildings }: { projectId: string; buildings: BuildingSummary[] }) {
  const [form] = Form.useForm();
  const run = useSalePost();
  const [error, setError] = useState<unknown>(null);
  const onFinish = async (v: Record<string, unknown>) => {
    setError(null);
    try {
      await run.mutateAsync({ path: `/api/projects/${projectId}/units`, body: { ...v, area: String(v.area) } });
      form.resetFields(['number', 'floor']);
    } catch (e) {
      if (!putApiError(form, e)) setError(e);
    }
  };
  return (
    <Card title={h2('添加房源')} size="small">
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Space wrap align="start">
          <Form.Item name="buildingId" label="楼栋" rules={[{ required: true, message: '请选择楼栋' }]}>
            <Select style={{ width: 140 }} data-testid="unit-buildingId" placeholder="选择楼栋" options={buildings.map((b) => ({ value: b.id, label: b.name }))} />
          </Form.Item>
          <Form.Item name="floor" label="楼层" rules={[{ required: true, message: '请填写楼层' }]}>
            <InputNumber min={1} max={200} precision={0} style={{ width: 90 }} data-testid="unit-floor" />
          </Form.Item>
          <Form.Item name="number" label="房号" rules={[{ required: true, whitespace: true, message: '请填写房号' }, { pattern: /^[\p{L}\p{N}-]{1,20}$/u, message: '1–20位字母、数字或 -' }]}>
            <Input style={{ width: 100 }} data-testid="unit-number" placeholder="1203" />
          </Form.Item>
          <Form.Item name="area" label="建筑面积（㎡）" rules={[{ required: true, message: '请填写建筑面积' }]}>
            <InputNumber min={0.01} max={999999} precision={2} step={0.01} stringMode style={{ width: 120 }} data-testid="unit-area" />
          </Form.Item>
          <Form.Item name="layout" label="户型" rules={[{ required: true, whitespace: true, message: '请填写户型' }, { max: 32 }]}>
            <Input style={{ width: 120 }} data-testid="unit-layout" placeholder="三室两厅一卫" />
          </Form.Item>
          <Form.Item name="orientation" label="朝向" rules={[{ required: true, whitespace: true, message: '请填写朝向' }, { max: 16 }]}>
            <Input style={{ width: 90 }} data-testid="unit-orientation" placeholder="南北" />
          </Form.Item>
        </Space>
        <div>
          <Space size={4}>
            <Button htmlType="submit" type="primary" loading={run.isPending} disabled={buildings.length === 0} data-testid="unit-add">添加房源</Button>
            <span style={{ fontSize: 12 }}>依据<ArticleLink article="第十条" /></span>
          </Space>
        </div>
      </Form>
    </Card>
  );
}
