import { Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { type GridUnit, useSalePost } from '../../../api/sale';
import { ArticleLink } from '../../../components/ArticleLink';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { putApiError } from '../formError';
import { formatArea } from '../../../components/unitGrid';
import { TARGET_USE, options } from '../../../lib/labels';
import { validValues } from '../../../components/formErrors';

/**
 * 第十六条第二款: records the government's decision to convert a long-unsold unit to another
 * type of affordable housing. The server checks how long the unit has been unsold (rule
 * housing.conversion) and that the decision is the project level's.
 */
export function ConversionDialog({ target, onClose }: { target: { unit: GridUnit; building: string } | null; onClose: () => void }) {
  const [form] = Form.useForm();
  const run = useSalePost();
  const [error, setError] = useState<unknown>(null);
  const onOk = async () => {
    if (!target) return;
    const v = await validValues(form);
    if (!v) return;
    setError(null);
    try {
      await run.mutateAsync({ path: `/api/units/${target.unit.id}/conversion`, body: v });
      onClose();
    } catch (e) {
      if (!putApiError(form, e)) setError(e);
    }
  };
  return (
    <Modal open={Boolean(target)} title="房源转换用途决定" onCancel={onClose} onOk={onOk} okText="确认转换" cancelText="取消" destroyOnHidden
      okButtonProps={{ danger: true, loading: run.isPending, 'data-testid': 'convert-confirm' } as never}>
      {target ? (
        <Typography.Paragraph>
          {target.building} {target.unit.number}（{target.unit.floor}层，{formatArea(target.unit.area)}，{target.unit.layout}）。
          长期未售出的保障性住房经同级政府批准后，可转作其他类型保障性住房（<ArticleLink article="第十六条" />）。转换后不再配售。
        </Typography.Paragraph>
      ) : null}
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical">
        <Form.Item name="targetUse" label="转作" rules={[{ required: true, message: '请选择转换用途' }]}>
          <Select options={options(TARGET_USE)} data-testid="convert-targetUse" placeholder="选择用途" />
        </Form.Item>
        <Form.Item name="decisionNo" label="政府批准文号" rules={[{ required: true, whitespace: true, message: '请填写政府批准文号' }, { max: 100 }]}>
          <Input data-testid="convert-decisionNo" placeholder="如 济政字〔2027〕12号" />
        </Form.Item>
        <Form.Item name="reason" label="转换理由" rules={[{ required: true, whitespace: true, min: 2, message: '请填写转换理由' }]}>
          <Input.TextArea rows={3} data-testid="convert-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
