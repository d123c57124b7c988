import { Alert, Card, Descriptions, Table, Tag } from 'antd';
import type { Application, TraceStep, Verdict } from '../../../api/types';
import { DEPARTMENT, INCOME } from '../../../lib/labels';
import { ArticleLink } from '../../../components/ArticleLink';
import { Reasons } from '../../../components/Reasons';
import { CategoryText, PriorityTags } from '../../../components/Tags';

function show(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** The rule's verdict: category, priority flags, each condition with its article, and the full trace. */
// Chinese names of the rule's trace steps (codes from src/rules/housing/eligibility.ts).
const TEST: Record<string, string> = {
  measure_in_force: '办法已施行', stable_employment: '稳定就业', hukou: '户籍', wage_family: '城市工薪收入家庭条件',
  talent: '城市引进人才条件', family_unit: '家庭构成', applicant_adult: '申请人已成年', housing_difficulty: '住房困难',
  no_talent_purchase_subsidy: '未享受人才购房补贴', category: '申请类别', low_middle_income: '中低收入（优先）',
  two_or_more_children: '生育二孩以上（优先）', elderly_member: '60周岁以上老人（优先）', high_level_talent: '高层次人才（优先）',
  vacate_former_policy_housing: '腾退原政策性住房', exit_policy_rental_before_move_in: '入住前退出政策性租赁住房',
  rental_subsidy_stops_after_delivery: '交付次月起停发租赁补贴',
};

const FIELD: Record<string, string> = {
  'housing.ownedUnits': '名下住房套数', 'housing.ownedArea': '名下住房面积', incomeStatus: '收入认定',
  'employment.socialInsuranceMonths': '社保缴纳月数', 'employment.retired': '是否退休',
};

export function VerdictPanel({ verdict, overrides = [] }: { verdict: Verdict | null | undefined; overrides?: NonNullable<Application['overrides']> }) {
  if (!verdict) {
    return (
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>规则判定</h2>} style={{ marginBottom: 16 }}>
        尚未判定（提交后由规则 housing.eligibility 判定）。
      </Card>
    );
  }
  const columns = [
    { title: '条文', dataIndex: 'article', key: 'article', width: 100, render: (v?: string) => (v ? <ArticleLink article={v} /> : '—') },
    { title: '检查', dataIndex: 'test', key: 'test', width: 210, render: (v: string, s: TraceStep) => s.message_zh ?? (TEST[v] ? <>{TEST[v]}<div style={{ fontSize: 12 }}><code>{v}</code></div></> : v ?? '—') },
    { title: '取值', dataIndex: 'value', key: 'value', render: (v: unknown) => <span style={{ wordBreak: 'break-all' }}>{show(v)}</span> },
    { title: '参数（生效日期）', dataIndex: 'params', key: 'params', render: (p?: TraceStep['params']) =>
      p ? Object.entries(p).map(([k, x]) => <div key={k} style={{ wordBreak: 'break-all' }}>{k} = {show(x.value)}（{x.version}起）</div>) : '—' },
    { title: '结果', dataIndex: 'passed', key: 'passed', width: 80, render: (v?: boolean) => (v === undefined ? '—' : v ? <Tag color="success">满足</Tag> : <Tag color="default">不满足</Tag>) },
  ];
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>规则判定</h2>} style={{ marginBottom: 16 }} data-testid="verdict">
      <Alert type={verdict.eligible ? 'success' : 'error'} showIcon style={{ marginBottom: 12 }}
        title={verdict.eligible ? '符合入库条件' : '不符合入库条件'} data-testid="verdict-eligible" />
      <Descriptions size="small" column={2} items={[
        { key: 'c', label: '类别（第五条）', children: <CategoryText category={verdict.category} /> },
        { key: 'p', label: '优先情形（第六条）', children: <PriorityTags priority={verdict.priority} linked /> },
      ]} />
      {overrides.length > 0 && (
        <Alert type="warning" showIcon style={{ margin: '12px 0' }} data-testid="verdict-overrides"
          title="以下申报内容与部门数据不一致，判定采用部门核查数据"
          description={overrides.map((o, i) => (
            <div key={i}>{FIELD[o.field] ?? o.field}：申报 {o.field === 'incomeStatus' ? INCOME[String(o.declared)] : show(o.declared)}，核查 {o.field === 'incomeStatus' ? INCOME[String(o.checked)] : show(o.checked)}（{DEPARTMENT[o.department] ?? o.department}）</div>
          ))} />
      )}
      <h3 style={{ fontSize: 14 }}>各项条件</h3>
      <Reasons reasons={verdict.reasons} eligible={verdict.eligible} testId="verdict-reasons" />
      {(verdict.trace?.length ?? 0) > 0 && (
        <>
          <h3 style={{ fontSize: 14, marginTop: 12 }}>判定过程（trace）</h3>
          <Table<TraceStep> rowKey={(_, i) => String(i)} size="small" pagination={false} columns={columns} dataSource={verdict.trace} data-testid="verdict-trace" tableLayout="fixed" />
        </>
      )}
    </Card>
  );
}
