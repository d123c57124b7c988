import { Card, Form, Radio, Typography } from 'antd';
import { ArticleLink } from '../../../components/ArticleLink';

const ITEMS = [
  { key: 'formerPolicyHousing', label: '家庭是否已享受房改房等政策性住房', note: '已享受的，需按规定腾退原政策性住房。' },
  { key: 'publicRental', label: '是否正在承租公租房、人才公寓、保障性租赁住房、公有住房等政策性租赁住房', note: '享受实物保障的，需在办理入住手续前退出。' },
  { key: 'rentalSubsidy', label: '是否正在领取租赁住房补贴', note: '自保障性住房交付之日的次月起，补贴停止发放。' },
  { key: 'talentPurchaseSubsidy', label: '是否享受我市高层次人才购房补贴', note: '高层次人才购房补贴政策与保障性住房政策不得同时享受。' },
];

/** Step 4: the declarations that 第十五条 requires, each with the article. */
export function StepDeclarations() {
  return (
    <Card size="small">
      <Typography.Paragraph>
        请按照 <ArticleLink article="第十五条" /> 如实说明以下情况。
      </Typography.Paragraph>
      {ITEMS.map((it) => (
        <Form.Item key={it.key} label={it.label} name={['declarations', it.key]} rules={[{ required: true, message: '请选择' }]}
          extra={<>{it.note}（<ArticleLink article="第十五条" />）</>}>
          <Radio.Group data-testid={`declarations-${it.key}`} options={[{ value: false, label: '否' }, { value: true, label: '是' }]} />
        </Form.Item>
      ))}
    </Card>
  );
}
