import { Card, Space, Table, Typography } from 'antd';
import type { PriceApproval } from '../../../api/sale';
import { formatFen } from '../../../components/unitGrid';
import { PRICE_STATUS } from '../../../lib/labels';
import { ActionButton } from '../ActionButton';
import { fractionToPercent, formatShanghai } from '../format';
import { canDecidePrice, priceStageText } from '../permissions';
import { SaleTag } from '../StatusTag';
import type { TabProps } from './tabProps';

/** Approval history of the price schedules, newest first, with the decision buttons for the right staff. */
export function PriceHistory({ detail, project, me }: TabProps) {
  const decideText = (a: PriceApproval) => (a.status === 'submitted' && project.level !== 'city' ? '区县审批通过' : '审定通过');
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>价格审批记录</h2>} size="small" style={{ marginBottom: 16 }}>
      <Table<PriceApproval> size="small" rowKey="id" dataSource={detail.priceApprovals} pagination={false} data-testid="price-approvals" scroll={{ x: 900 }}
        locale={{ emptyText: '尚未提交价格' }}
        columns={[
          { title: '提交时间', dataIndex: 'submittedAt', render: (v) => formatShanghai(v), width: 150 },
          { title: '基准价（元/㎡）', dataIndex: 'basePricePerM2Fen', render: (v: number) => formatFen(v) },
          { title: '浮动幅度', dataIndex: 'floatRange', render: (v: string) => `±${fractionToPercent(v)}` },
          { title: '状态', dataIndex: 'status', render: (v: string, a) => <SaleTag map={PRICE_STATUS} status={v} testId={`price-status-${a.id}`} /> },
          { title: '进度', key: 'stage', render: (_, a) => (
            <span>
              {priceStageText(project, a)}
              {a.districtApprovedAt ? <><br />区县审批：{formatShanghai(a.districtApprovedAt)}</> : null}
              {a.cityApprovedAt ? <><br />市级审定：{formatShanghai(a.cityApprovedAt)}</> : null}
              {a.approvalNo ? <><br />批准文号：{a.approvalNo}</> : null}
            </span>
          ) },
          { title: '操作', key: 'act', render: (_, a) => canDecidePrice(me, project, a) ? (
            <Space direction="vertical" size={4}>
              <ActionButton label={decideText(a)} type="primary" size="small" article="第十二条" path={`/api/price-approvals/${a.id}/approve`} testId="price-approve"
                confirm={a.status === 'submitted' && project.level !== 'city' ? '区县审批通过后报市政府审定' : '审定后价格写入价目表中的每套房源'}
                fields={[{ name: 'note', label: '审核意见（选填）', multiline: true }]} />
              <ActionButton label="驳回" danger size="small" article="第十二条" path={`/api/price-approvals/${a.id}/reject`} testId="price-reject"
                confirm="驳回后项目实施主体须重新测算并提交" fields={[{ name: 'reason', label: '驳回理由', required: true, multiline: true }]} />
            </Space>
          ) : <Typography.Text type="secondary">—</Typography.Text> },
        ]} />
    </Card>
  );
}
