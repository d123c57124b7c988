/**
 * 回购对账 (第二十九条): price = first + balance = Σ lender + Σ family; maintenance-fund deposits =
 * refunds once completed (第二十九条第二款). Every sum to the fen.
 */
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Card, Descriptions } from 'antd';
import { useExitReconciliation } from '../../../api/postsale';
import { ArticleLink } from '../../../components/ArticleLink';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatFen } from '../../../components/unitGrid';
import { CardTitle } from '../Bits';

/** The reconciliation card of a buyback. */
export function ReconCard({ exitId }: { exitId: string }) {
  const { data: r, error } = useExitReconciliation(exitId, true);
  return (
    <Card size="small" data-testid="buyback-recon" title={<CardTitle>回购对账（<ArticleLink article="第二十九条" />）</CardTitle>}>
      <ErrorAlert error={error} />
      {r && (
        <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered items={[
          { key: 'b', label: '是否平衡', span: 'filled', children: r.balanced
            ? <span data-testid="buyback-recon-balanced" data-ok="true"><CheckCircleFilled style={{ color: '#237804' }} aria-hidden /> 平衡</span>
            : <span data-testid="buyback-recon-balanced" data-ok="false"><CloseCircleFilled style={{ color: '#a8071a' }} aria-hidden /> 不平衡</span> },
          { key: 'p', label: '回购价格', children: formatFen(r.priceFen) },
          { key: 'fb', label: '首期 + 余款', children: `${formatFen(r.firstFen)} + ${formatFen(r.balanceFen)} = ${formatFen(r.firstFen + r.balanceFen)}` },
          { key: 'l', label: '付贷款机构合计', children: formatFen(r.toLenderFen) },
          { key: 'f', label: '付原购房家庭合计', children: formatFen(r.toFamilyFen) },
          { key: 'lf', label: '贷款机构 + 家庭', children: formatFen(r.toLenderFen + r.toFamilyFen) },
          { key: 'md', label: '维修资金缴存', children: formatFen(r.fundDepositsFen) },
          { key: 'mr', label: '维修资金退还', children: formatFen(r.fundRefundsFen) },
        ]} />
      )}
    </Card>
  );
}
