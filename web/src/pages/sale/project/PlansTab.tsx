import { FilePdfOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Empty, Space, Typography } from 'antd';
import { useState } from 'react';
import { download } from '../../../api/client';
import { type SalePlan, useSalePlan } from '../../../api/sale';
import { ArticleLink } from '../../../components/ArticleLink';
import { errorText } from '../../../components/ErrorAlert';
import { formatFen } from '../../../components/unitGrid';
import { PLAN_STATUS } from '../../../lib/labels';
import { ActionButton } from '../ActionButton';
import { formatShanghai } from '../format';
import { planActions } from '../permissions';
import { SaleTag } from '../StatusTag';
import { PlanForm } from './PlanForm';
import { poolText } from './pools';
import type { TabProps } from './tabProps';

/** 配售方案: each round's plan with its status and actions; the form for a new plan (implementer). */
export function PlansTab(props: TabProps) {
  const { detail, ab, project } = props;
  const [adding, setAdding] = useState(false);
  const nextRound = detail.plans.reduce((m, x) => Math.max(m, x.round), 0) + 1;
  return (
    <>
      <Typography.Paragraph>
        项目实施主体依据本办法拟定项目配售方案，报同级政府同意后向社会发布项目配售通告并组织实施（<ArticleLink article="第十条" />）。
        方案写明认购登记期、认购金、摇号池（优先家庭见<ArticleLink article="第六条" />）、选房批次与签约期限。
      </Typography.Paragraph>
      {detail.plans.length === 0 ? <Empty description="尚无配售方案" style={{ marginBottom: 16 }} /> : null}
      {detail.plans.map((plan) => <PlanCard key={plan.id} plan={plan} {...props} />)}
      {ab.writePlans && project.status !== 'ended' && detail.plans.length > 0 && !adding ? (
        <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="plan-new">拟定第 {nextRound} 轮配售方案</Button>
      ) : null}
      {ab.writePlans && project.status !== 'ended' && (detail.plans.length === 0 || adding) ? <PlanForm projectId={project.id} round={nextRound} onSaved={() => setAdding(false)} /> : null}
    </>
  );
}

function PlanCard({ plan: short, ab, project }: { plan: SalePlan } & TabProps) {
  const { message } = App.useApp();
  // the project detail lists plans in short; the plan's own route has pools, batches and documents
  const { data: full } = useSalePlan(short.id);
  const plan: SalePlan = { ...short, ...(full ?? {}) };
  const [editing, setEditing] = useState(false);
  const actions = planActions(ab, plan);
  const batch = plan.batchSize ? `每批 ${plan.batchSize} 户，每批 ${plan.windowMinutes} 分钟` : '—';
  const notice = async () => {
    try {
      await download(`/api/sale-plans/${plan.id}/notice.pdf`, `配售通告-${plan.noticeNo ?? plan.round}.pdf`);
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid={`plan-${plan.round}`}
      title={<Space wrap><h2 style={{ fontSize: 16, margin: 0 }}>第 {plan.round} 轮配售方案</h2><SaleTag map={PLAN_STATUS} status={plan.status} testId="plan-status" />{plan.noticeNo ? <span data-testid="plan-notice-no">{plan.noticeNo}</span> : null}</Space>}>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} items={[
        { key: 'open', label: '认购登记开始', children: formatShanghai(plan.registrationOpensAt) },
        { key: 'close', label: '认购登记截止', children: formatShanghai(plan.registrationClosesAt) },
        { key: 'draw', label: '摇号日期', children: plan.drawOn },
        { key: 'dep', label: '认购金', children: formatFen(plan.depositFen) },
        { key: 'batch', label: '选房批次', children: batch },
        { key: 'deadline', label: '签约期限', children: plan.contractDeadlineDays ? `选房后 ${plan.contractDeadlineDays} 日内` : '—' },
        { key: 'pools', label: '摇号池', span: 3, children: (plan.pools ?? []).map((p) => poolText(p)).join('；') },
        ...(plan.documents ? [{ key: 'docs', label: '所需材料', span: 3, children: <span style={{ whiteSpace: 'pre-wrap' }}>{plan.documents}</span> }] : []),
        ...(plan.rejectedReason ? [{ key: 'rej', label: '驳回理由', span: 3, children: plan.rejectedReason }] : []),
        ...(plan.publishedAt ? [{ key: 'pub', label: '发布时间', children: formatShanghai(plan.publishedAt) }] : []),
      ]} />
      <Space wrap style={{ marginTop: 8 }}>
        {actions.includes('submit') ? <Button onClick={() => setEditing(!editing)} data-testid="plan-edit">{editing ? '收起修改' : '修改方案'}</Button> : null}
        {actions.includes('submit') ? <ActionButton label="提交审核" type="primary" article="第十条" path={`/api/sale-plans/${plan.id}/submit`} testId="plan-submit" confirm="提交后报同级政府同意" /> : null}
        {actions.includes('approve') ? <ActionButton label="批准方案" type="primary" article="第十条" path={`/api/sale-plans/${plan.id}/approve`} testId="plan-approve" confirm="同级政府同意本轮配售方案，批准后可发布配售通告" /> : null}
        {actions.includes('reject') ? <ActionButton label="驳回" danger article="第十条" path={`/api/sale-plans/${plan.id}/reject`} testId="plan-reject" confirm="驳回后项目实施主体须修改方案" fields={[{ name: 'reason', label: '驳回理由', required: true, multiline: true }]} /> : null}
        {actions.includes('publish') ? <ActionButton label="发布配售通告" type="primary" article="第十条" path={`/api/sale-plans/${plan.id}/publish`} testId="plan-publish" confirm="发布后通告编号生效，已审定价格的房源转为“可选”，登记期内轮候家庭可认购登记" /> : null}
        {plan.status === 'published' ? <Button icon={<FilePdfOutlined />} onClick={notice} data-testid="plan-notice-pdf">配售通告 PDF</Button> : null}
      </Space>
      {editing && full ? <div style={{ marginTop: 12 }}><PlanForm projectId={project.id} round={plan.round} initial={plan} onSaved={() => setEditing(false)} /></div> : null}
    </Card>
  );
}
