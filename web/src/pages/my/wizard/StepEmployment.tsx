import { Card, Form, Input, InputNumber, Radio, Typography } from 'antd';
import { ArticleLink } from '../../../components/ArticleLink';

/** Step 2: stable employment shown by social insurance in Jinan, or retirement (第五条). */
export function StepEmployment() {
  return (
    <Card size="small">
      <Typography.Paragraph>
        城市工薪收入家庭需在我市稳定就业或已退休；城市中低收入家庭可不受就业条件限制；城市引进人才需在我市稳定就业（<ArticleLink article="第五条" />）。
        稳定就业以在济南连续缴纳社会保险的月数认定，所需月数由市住房城乡建设部门确定。
      </Typography.Paragraph>
      <Form.Item label="是否已退休" name={['employment', 'retired']} rules={[{ required: true, message: '请选择' }]}>
        <Radio.Group data-testid="employment-retired" options={[{ value: false, label: '否' }, { value: true, label: '是，已退休' }]} />
      </Form.Item>
      <Form.Item label="在济南连续缴纳社会保险月数" name={['employment', 'socialInsuranceMonths']}
        rules={[{ required: true, message: '请输入月数' }, { type: 'integer', min: 0, max: 600, message: '请输入0至600之间的整数' }]}>
        <InputNumber min={0} max={600} precision={0} inputMode="numeric" style={{ width: '100%' }} data-testid="employment-socialInsuranceMonths" suffix="个月" />
      </Form.Item>
      <Form.Item label="工作单位（选填）" name={['employment', 'employer']}>
        <Input data-testid="employment-employer" />
      </Form.Item>
    </Card>
  );
}
