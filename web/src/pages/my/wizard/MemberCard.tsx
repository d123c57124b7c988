import { DeleteOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, Radio, Row, Select } from 'antd';
import { EDUCATION, HUKOU_TYPE, MARITAL, RELATION, SKILL, TALENT, options } from '../../../lib/labels';
import { HukouCitySelect } from './HukouCitySelect';
import { IdNumberHint, idNumberValidator } from './IdNumberHint';

const req = (msg: string) => [{ required: true, message: msg }];

/** One family member's fields; the Form.Item names are the ApplicationForm paths. */
export function MemberCard({ index, name, onRemove }: { index: number; name: number; onRemove?: () => void }) {
  const t = (f: string) => `member-${index}-${f}`;
  const title = index === 0 ? '申请人' : `家庭成员 ${index + 1}`;
  return (
    <Card
      size="small"
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{title}</h2>}
      style={{ marginBottom: 12 }}
      extra={onRemove && (
        <Button danger type="text" icon={<DeleteOutlined />} onClick={onRemove} aria-label={`删除${title}`} data-testid={t('remove')}>
          删除
        </Button>
      )}
    >
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item label="姓名" name={[name, 'name']} rules={req('请输入姓名')}>
            <Input autoComplete="off" data-testid={t('name')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item label="身份证号" required name={[name, 'idNumber']} rules={[{ validator: idNumberValidator }]}
            validateTrigger={['onChange', 'onBlur']} extra={<IdNumberHint index={index} />}>
            <Input autoComplete="off" maxLength={18} data-testid={t('idNumber')} style={{ textTransform: 'uppercase' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item label="与申请人关系" name={[name, 'relation']} rules={req('请选择关系')}>
            <Select aria-label="与申请人关系" options={options(RELATION)} data-testid={t('relation')} disabled={index === 0} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="户籍类型" name={[name, 'hukou', 'type']} rules={req('请选择户籍类型')}>
            <Radio.Group options={options(HUKOU_TYPE)} data-testid={t('hukouType')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="户籍所在地" name={[name, 'hukou', 'city']}
            rules={[{ required: true, message: '请选择户籍所在地' }, { pattern: /^\d{6}$/, message: '行政区划代码为6位数字' }]}>
            <HukouCitySelect testId={t('hukouCity')} label={`${title}户籍所在地`} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="户籍详细地址（选填）" name={[name, 'hukou', 'place']}>
            <Input data-testid={t('hukouPlace')} placeholder="如 某街道某社区" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="婚姻状况" name={[name, 'maritalStatus']} rules={req('请选择婚姻状况')}>
            <Radio.Group options={options(MARITAL)} data-testid={t('maritalStatus')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="学历" name={[name, 'educationLevel']} rules={req('请选择学历')}>
            <Select aria-label="学历" options={options(EDUCATION)} data-testid={t('educationLevel')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="技能等级" name={[name, 'skillLevel']} rules={req('请选择技能等级')}>
            <Select aria-label="技能等级" options={options(SKILL)} data-testid={t('skillLevel')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="人才层次" name={[name, 'talentLevel']} rules={req('请选择人才层次')}
            extra="A至E类为高层次人才（按本市人才分类认定）">
            <Select aria-label="人才层次" options={options(TALENT)} data-testid={t('talentLevel')} />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
