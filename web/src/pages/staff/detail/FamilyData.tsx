import { Card, Descriptions, Table } from 'antd';
import type { ApplicationForm, Member } from '../../../api/types';
import { useDistrictName } from '../../../api/queries';
import { readIdNumber } from '../../../lib/idNumber';
import { EDUCATION, HUKOU_TYPE, INCOME, MARITAL, RELATION, SKILL, TALENT } from '../../../lib/labels';

const yesNo = (b?: boolean) => (b ? '是' : '否');

/** The family's full record as submitted (staff only; the read is audited by the server). */
export function FamilyData({ form }: { form: ApplicationForm }) {
  const district = useDistrictName();
  const columns = [
    { title: '关系', dataIndex: 'relation', key: 'relation', render: (v: string) => RELATION[v] ?? v },
    { title: '姓名', dataIndex: 'name', key: 'name' },
    { title: '身份证号', dataIndex: 'idNumber', key: 'idNumber' },
    { title: '出生日期 / 性别', key: 'birth', render: (_: unknown, m: Member) => { const i = readIdNumber(m.idNumber ?? ''); return i.valid ? `${i.birthDate} / ${i.sex === 'male' ? '男' : '女'}` : '—'; } },
    { title: '户籍', key: 'hukou', render: (_: unknown, m: Member) => `${HUKOU_TYPE[m.hukou?.type] ?? '—'} · ${district(m.hukou?.city)}${m.hukou?.place ? ` · ${m.hukou.place}` : ''}` },
    { title: '婚姻', dataIndex: 'maritalStatus', key: 'marital', render: (v: string) => MARITAL[v] ?? v },
    { title: '学历 / 技能', key: 'edu', render: (_: unknown, m: Member) => `${EDUCATION[m.educationLevel] ?? '—'} / ${SKILL[m.skillLevel] ?? '—'}` },
    { title: '人才层次', dataIndex: 'talentLevel', key: 'talent', render: (v: string) => TALENT[v] ?? v },
  ];
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>家庭信息</h2>} style={{ marginBottom: 16 }}>
      <Descriptions size="small" column={3} style={{ marginBottom: 12 }} items={[
        { key: 'd', label: '受理区县', children: district(form.districtCode) },
        { key: 'p', label: '联系电话', children: form.phone },
        { key: 'e', label: '工作单位', children: form.employment?.employer || '—' },
        { key: 's', label: '济南社保月数', children: `${form.employment?.socialInsuranceMonths ?? 0} 个月` },
        { key: 'r', label: '已退休', children: yesNo(form.employment?.retired) },
        { key: 'i', label: '收入认定（申报）', children: INCOME[form.incomeStatus] ?? '—' },
        { key: 'u', label: '名下住房（申报）', children: `${form.housing?.ownedUnits ?? 0} 套 / ${form.housing?.ownedArea ?? 0} ㎡` },
      ]} />
      {/* Scrolls sideways on narrow screens in a focusable, labelled region, so keyboard users can scroll it too (axe scrollable-region-focusable). */}
      <div role="region" aria-label="家庭成员" tabIndex={0} style={{ overflowX: 'auto' }} data-testid="family-members">
        <Table<Member> rowKey={(_, i) => String(i)} size="small" pagination={false} columns={columns} dataSource={form.members ?? []} />
      </div>
      <Descriptions size="small" column={2} title={<h3 style={{ fontSize: 14, margin: '12px 0 0' }}>第十五条 情况说明</h3>} items={[
        { key: 'f', label: '已享受房改房等政策性住房', children: yesNo(form.declarations?.formerPolicyHousing) },
        { key: 'p', label: '正在承租政策性租赁住房', children: yesNo(form.declarations?.publicRental) },
        { key: 'r', label: '正在领取租赁住房补贴', children: yesNo(form.declarations?.rentalSubsidy) },
        { key: 't', label: '享受高层次人才购房补贴', children: yesNo(form.declarations?.talentPurchaseSubsidy) },
      ]} />
    </Card>
  );
}
