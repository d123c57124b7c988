import { Card, Form, InputNumber, Radio, Typography } from 'antd';
import { ArticleLink } from '../../../components/ArticleLink';
import { INCOME, options } from '../../../lib/labels';

/** Step 3: income status (民政认定) and housing held by the family (第五、六条). */
export function StepIncomeHousing() {
  return (
    <Card size="small">
      <Typography.Paragraph>
        保障性住房面向本市住房困难家庭（<ArticleLink article="第五条" />）；经民政部门认定的城市中低收入家庭享受优先摇号选房待遇（<ArticleLink article="第六条" />）。
        填写的信息将与民政、不动产登记数据核对。
      </Typography.Paragraph>
      <Form.Item label="家庭收入认定情况" name="incomeStatus" rules={[{ required: true, message: '请选择' }]}>
        <Radio.Group options={options(INCOME)} data-testid="incomeStatus" />
      </Form.Item>
      <Form.Item label="家庭在本市名下住房套数" name={['housing', 'ownedUnits']}
        rules={[{ required: true, message: '请输入套数' }, { type: 'integer', min: 0, max: 99, message: '请输入0至99之间的整数' }]}>
        <InputNumber min={0} max={99} precision={0} inputMode="numeric" style={{ width: '100%' }} data-testid="housing-ownedUnits" suffix="套" />
      </Form.Item>
      <Form.Item label="家庭名下住房总建筑面积" name={['housing', 'ownedArea']}
        rules={[{ required: true, message: '请输入面积' }, { type: 'number', min: 0, max: 10000, message: '请输入0至10000之间的数' }]}>
        <InputNumber min={0} max={10000} precision={2} step={1} inputMode="decimal" style={{ width: '100%' }} data-testid="housing-ownedArea" suffix="平方米" />
      </Form.Item>
    </Card>
  );
}
