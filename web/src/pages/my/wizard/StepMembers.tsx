import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Select, Typography } from 'antd';
import { useDistricts } from '../../../api/queries';
import { ArticleLink } from '../../../components/ArticleLink';
import { MemberCard } from './MemberCard';
import { newMember } from './formModel';

/** Step 1: where the family applies, contact phone, and every member (第五条). */
export function StepMembers() {
  const { data: districts } = useDistricts();
  return (
    <>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Typography.Paragraph>
          申请以家庭为单位，每个家庭限购1套（<ArticleLink article="第五条" />）。请如实填写全部家庭成员，身份证号将与相关部门数据核对。
        </Typography.Paragraph>
        <Form.Item label="申请受理区县" name="districtCode" rules={[{ required: true, message: '请选择申请受理区县' }]}>
          <Select aria-label="申请受理区县" data-testid="districtCode" placeholder="请选择"
            showSearch={{ optionFilterProp: 'label' }}
            options={(districts ?? []).map((d) => ({ value: d.code, label: d.name }))} />
        </Form.Item>
        <Form.Item label="联系电话" name="phone" rules={[{ required: true, message: '请输入联系电话' }, { pattern: /^1\d{10}$/, message: '请输入11位手机号码' }]}>
          <Input inputMode="tel" autoComplete="tel" data-testid="phone" />
        </Form.Item>
      </Card>
      <Form.List name="members" rules={[{ validator: async (_, v) => (v && v.length > 0 ? undefined : Promise.reject(new Error('至少填写申请人本人'))) }]}>
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((f, i) => (
              <MemberCard key={f.key} index={i} name={f.name} onRemove={i === 0 ? undefined : () => remove(f.name)} />
            ))}
            <Form.ErrorList errors={errors} />
            <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add(newMember(fields.length))} data-testid="add-member">
              添加家庭成员
            </Button>
          </>
        )}
      </Form.List>
    </>
  );
}
