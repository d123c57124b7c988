/**
 * 回购对账 (第二十九、三十条): the schedule against what was booked, lender first; the maintenance
 * fund deposited, refunded at buyback and due again at resale; each check with what was expected
 * and found. Every sum to the fen.
 */
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Card, Descriptions, Space, Tag } from 'antd';
import { type ReconCheck, useExitReconciliation } from '../../../api/postsale';
import { ArticleLink } from '../../../components/ArticleLink';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatFen } from '../../../components/unitGrid';
import { CardTitle } from '../Bits';
import { RECON_CHECK } from '../model';
import { ScrollTable } from '../ScrollTable';

const Mark = ({ ok, testId }: { ok: boolean; testId?: string }) => (ok
  ? <span data-testid={testId} data-ok="true"><CheckCircleFilled style={{ color: '#237804' }} aria-hidden /> 是</span>
  : <span data-testid={testId} data-ok="false"><CloseCircleFilled style={{ color: '#a8071a' }} aria-hidden /> 否</span>);

/** The reconciliation card of a buyback. */
export function ReconCard({ exitId }: { exitId: string }) {
  const { data: r, error } = useExitReconciliation(exitId, true);
  return (
    <Card size="small" data-testid="buyback-recon" title={<CardTitle>回购对账（<ArticleLink article="第二十九条" />）</CardTitle>}
      extra={r && <Space>{r.balanced ? <Tag color="success" data-testid="buyback-recon-balanced" data-ok="true">✓ 账目平衡</Tag> : <Tag color="error" data-testid="buyback-recon-balanced" data-ok="false">✗ 账目不平衡</Tag>}
        {r.settled ? <Tag color="success">已结清</Tag> : <Tag>未结清</Tag>}</Space>}>
      <ErrorAlert error={error} />
      {r && (
        <>
          <Descriptions size="small" column={{ xs: 1, md: 3 }} bordered styles={{ content: { minWidth: 112 } }} items={[
            { key: 'p', label: '回购价格', children: formatFen(r.priceFen) },
            { key: 'l', label: '未偿还贷款', children: r.outstandingLoanFen ? `${formatFen(r.outstandingLoanFen)}（${r.lender}）` : '无' },
            { key: 'a', label: '对账日', children: r.asOf },
            { key: 'fl', label: '首期 · 贷款机构', children: `应 ${formatFen(r.schedule.firstToLender)} / 付 ${formatFen(r.booked.firstToLender)}` },
            { key: 'ff', label: '首期 · 家庭', children: `应 ${formatFen(r.schedule.firstToFamily)} / 付 ${formatFen(r.booked.firstToFamily)}` },
            { key: 'f', label: '首期合计', children: formatFen(r.schedule.first) },
            { key: 'bl', label: '余款 · 贷款机构', children: `应 ${formatFen(r.schedule.balanceToLender)} / 付 ${formatFen(r.booked.balanceToLender)}` },
            { key: 'bf', label: '余款 · 家庭', children: `应 ${formatFen(r.schedule.balanceToFamily)} / 付 ${formatFen(r.booked.balanceToFamily)}` },
            { key: 'b', label: '余款合计', children: formatFen(r.schedule.balance) },
            { key: 'tl', label: '已付贷款机构', children: formatFen(r.booked.lender) },
            { key: 'tf', label: '已付家庭', children: formatFen(r.booked.family) },
            { key: 't', label: '已付合计', children: formatFen(r.booked.total) },
            ...(r.fund ? [
              { key: 'md', label: `维修资金缴存（${r.fund.accountNo}）`, children: formatFen(r.fund.depositsFen) },
              { key: 'mb', label: '退还前结余', children: formatFen(r.fund.balanceBeforeRefundFen) },
              { key: 'mr', label: '回购退还', children: formatFen(r.fund.refundedAtBuybackFen) },
              { key: 'mn', label: '现结余', children: formatFen(r.fund.balanceFen) },
              { key: 'mx', label: '再配售应缴（第三十条）', children: formatFen(r.fund.resaleDueFen) },
            ] : []),
          ]} />
          <ScrollTable<ReconCheck> label="对账核对项" size="small" rowKey="code" dataSource={r.checks} pagination={false} style={{ marginTop: 12 }} minWidth={560}
            columns={[
              { title: '核对项', dataIndex: 'code', render: (v: string) => RECON_CHECK[v] ?? v },
              { title: '应为', dataIndex: 'expectedFen', align: 'right', render: (v: number) => formatFen(v) },
              { title: '实为', dataIndex: 'actualFen', align: 'right', render: (v: number) => formatFen(v) },
              { title: '相符', dataIndex: 'ok', render: (v: boolean, c) => <Mark ok={v} testId={`buyback-recon-${c.code}`} /> },
              { title: '依据', dataIndex: 'article', render: (v: string) => <ArticleLink article={v} /> },
            ]} />
        </>
      )}
    </Card>
  );
}
