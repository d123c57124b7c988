import { Button, Col, Form, Input, Modal, Radio, Row, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useDistricts } from '../../api/queries';
import { type Project, useSalePost } from '../../api/sale';
import { ArticleLink } from '../../components/ArticleLink';
import { ErrorAlert } from '../../components/ErrorAlert';
import { putApiError } from './formError';
import { validValues } from '../../components/formErrors';

/** 新建项目 (implementer): code, name, level, district, 预售/现房 (第十条), address, delivery, property service (第十四条). */
export function NewProjectButton() {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>(null);
  const run = useSalePost<Project | { project: Project }>();
  const nav = useNavigate();
  const { data: districts } = useDistricts();
  const onOk = async () => {
    const v = await validValues(form);
    if (!v) return;
    setError(null);
    const body = Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== ''));
    try {
      const r = await run.mutateAsync({ path: '/api/projects', body });
      setOpen(false);
      const p = (r as { project?: Project }).project ?? (r as Project);
      if (p?.id) nav(`/staff/projects/${p.id}`);
    } catch (e) {
      if (!putApiError(form, e)) setError(e);
    }
  };
  return (
    <>
      <Button type="primary" data-testid="project-new" onClick={() => { setError(null); setOpen(true); }}>新建项目</Button>
      <Modal open={open} title="新建配售型保障性住房项目" width={720} onCancel={() => setOpen(false)} onOk={onOk} okText="创建项目" cancelText="取消"
        okButtonProps={{ loading: run.isPending, 'data-testid': 'project-create' } as never} destroyOnHidden>
        <Typography.Paragraph type="secondary">
          项目可采取预售或现房销售方式，具备条件的房源应全部公开配售（<ArticleLink article="第十条" />）。
          市级项目的价格由市住房城乡建设部门审核后报市政府确定；区县级项目经区县政府审批后报市政府审定（<ArticleLink article="第十二条" />）。
        </Typography.Paragraph>
        <ErrorAlert error={error} />
        <Form form={form} layout="vertical" initialValues={{ level: 'district', saleMode: 'presale' }}>
          <Row gutter={16}>
            <Col xs={24} sm={10}>
              <Form.Item name="code" label="项目编号" extra="字母、数字、- 或 _，如 JN-2026-001；写入摇号文件，创建后不可更改"
                rules={[{ required: true, message: '请填写项目编号' }, { pattern: /^[A-Za-z0-9_-]{1,64}$/, message: '只能由字母、数字、- 和 _ 组成，最多64位' }]}>
                <Input data-testid="project-code" placeholder="JN-2026-001" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={14}>
              <Form.Item name="name" label="项目名称" rules={[{ required: true, whitespace: true, message: '请填写项目名称' }, { max: 100 }]}>
                <Input data-testid="project-name" placeholder="如 泉城安居·汉峪苑" />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} sm={12}>
              <Form.Item name="level" label="项目层级" rules={[{ required: true }]}>
                <Radio.Group data-testid="project-level" options={[{ value: 'city', label: '市级项目' }, { value: 'district', label: '区县级项目' }]} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="saleMode" label="销售方式" rules={[{ required: true }]}>
                <Radio.Group data-testid="project-saleMode" options={[{ value: 'presale', label: '预售' }, { value: 'completed', label: '现房销售' }]} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="districtCode" label="所在区县" rules={[{ required: true, message: '请选择项目所在区县' }]}>
            <Select data-testid="project-districtCode" placeholder="选择区县" showSearch optionFilterProp="label"
              options={(districts ?? []).map((d) => ({ value: d.code, label: d.name }))} />
          </Form.Item>
          <Form.Item name="address" label="项目地址" rules={[{ required: true, whitespace: true, message: '请填写项目地址' }, { max: 200 }]}>
            <Input data-testid="project-address" />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} sm={10}>
              <Form.Item name="deliveryOn" label="预计交付日期（选填）" extra={<>写入买卖合同（<ArticleLink article="第十四条" />）</>}>
                <Input type="date" data-testid="project-deliveryOn" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={14}>
              <Form.Item name="propertyService" label="物业服务约定（选填）">
                <Input.TextArea rows={2} data-testid="project-propertyService" />
              </Form.Item>
            </Col>
          </Row>
        </Form>
        <Space />
      </Modal>
    </>
  );
}
