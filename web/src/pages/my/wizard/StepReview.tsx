import { Card, Descriptions, Form, Input, Typography } from 'antd';
import type { ApplicationForm } from '../../../api/types';
import { ArticleLink } from '../../../components/ArticleLink';
import { EDUCATION, HUKOU_TYPE, INCOME, MARITAL, RELATION, SKILL, TALENT } from '../../../lib/labels';
import { readIdNumber } from '../../../lib/idNumber';
import { useDistrictName } from '../../../api/queries';
import { PreviewVerdict } from './PreviewVerdict';

const yesNo = (b?: boolean) => (b ? '是' : '否');

/** Step 5: everything the family entered, a non-binding preview of the rule, and (for changes) the reason. */
export function StepReview({ values, changeMode }: { values: ApplicationForm; changeMode: boolean }) {
  const district = useDistrictName();
  return (
    <>
      <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>基本信息</h2>} style={{ marginBottom: 12 }}>
        <Descriptions column={1} size="small" items={[
          { key: 'd', label: '申请受理区县', children: district(values.districtCode) },
          { key: 'p', label: '联系电话', children: values.phone || '—' },
        ]} />
      </Card>
      {(values.members ?? []).map((m, i) => {
        const info = m.idNumber ? readIdNumber(m.idNumber) : null;
        return (
          <Card key={i} size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{RELATION[m.relation] ?? '成员'}：{m.name || '（未填写姓名）'}</h2>} style={{ marginBottom: 12 }}>
            <Descriptions column={{ xs: 1, md: 2 }} size="small" items={[
              { key: 'id', label: '身份证号', children: m.idNumber || '—' },
              { key: 'b', label: '出生日期 / 性别', children: info?.valid ? `${info.birthDate} / ${info.sex === 'male' ? '男' : '女'}` : '—' },
              { key: 'h', label: '户籍', children: `${HUKOU_TYPE[m.hukou?.type] ?? '—'} · ${district(m.hukou?.city)}${m.hukou?.place ? ` · ${m.hukou.place}` : ''}` },
              { key: 'm', label: '婚姻状况', children: MARITAL[m.maritalStatus] ?? '—' },
              { key: 'e', label: '学历 / 技能', children: `${EDUCATION[m.educationLevel] ?? '—'} / ${SKILL[m.skillLevel] ?? '—'}` },
              { key: 't', label: '人才层次', children: TALENT[m.talentLevel] ?? '—' },
            ]} />
          </Card>
        );
      })}
      <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>就业、收入与住房</h2>} style={{ marginBottom: 12 }}>
        <Descriptions column={1} size="small" items={[
          { key: 'r', label: '是否已退休', children: yesNo(values.employment?.retired) },
          { key: 's', label: '在济南社保缴纳月数', children: `${values.employment?.socialInsuranceMonths ?? 0} 个月` },
          { key: 'i', label: '收入认定', children: INCOME[values.incomeStatus] ?? '—' },
          { key: 'u', label: '名下住房', children: `${values.housing?.ownedUnits ?? 0} 套，${values.housing?.ownedArea ?? 0} 平方米` },
        ]} />
      </Card>
      <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>第十五条 情况说明</h2>} style={{ marginBottom: 12 }}>
        <Descriptions column={1} size="small" items={[
          { key: 'f', label: '已享受房改房等政策性住房', children: yesNo(values.declarations?.formerPolicyHousing) },
          { key: 'p', label: '正在承租政策性租赁住房', children: yesNo(values.declarations?.publicRental) },
          { key: 'r', label: '正在领取租赁住房补贴', children: yesNo(values.declarations?.rentalSubsidy) },
          { key: 't', label: '享受高层次人才购房补贴', children: yesNo(values.declarations?.talentPurchaseSubsidy) },
        ]} />
      </Card>
      <PreviewVerdict form={values} />
      {changeMode && (
        <Card size="small" style={{ marginTop: 12 }}>
          <Typography.Paragraph>
            轮候期间家庭情况发生变化的，可申请修改相关信息（<ArticleLink article="第九条" />）。变更将重新审核，审核期间保留轮候资格。
          </Typography.Paragraph>
          <Form.Item label="变更原因" name="changeReason" rules={[{ required: true, message: '请填写变更原因' }, { max: 500, message: '不超过500字' }]}>
            <Input.TextArea rows={3} data-testid="change-reason" />
          </Form.Item>
        </Card>
      )}
      <Typography.Paragraph style={{ marginTop: 12 }}>
        提交即表示您承诺所填信息真实、完整。弄虚作假骗取保障资格的，将依照 <ArticleLink article="第三十一条" /> 处理。
      </Typography.Paragraph>
    </>
  );
}
