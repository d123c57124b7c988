/**
 * 退出申请 (第二十四至二十九条): eligibility with the earliest date (第二十四条), the five
 * 第二十五条 checks with accept/refuse, the 第二十七条 valuation, then the buyback (contract
 * 第二十八条, payments and vacating 第二十九条, completion and reconciliation) or the internal
 * transfer (第二十四条).
 */
import { Card, Col, Descriptions, Row, Space, Spin, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { type ExitDetail, useExit } from '../../../api/postsale';
import { useMe } from '../../../api/queries';
import { ArticleLink } from '../../../components/ArticleLink';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatFen } from '../../../components/unitGrid';
import { usePageTitle } from '../../../components/usePageTitle';
import { SaleTag } from '../../sale/StatusTag';
import { CardTitle, DaysLeftTag } from '../Bits';
import { ELIGIBILITY_REASON, EXIT_ORIGIN, EXIT_ROUTE, EXIT_STATUS, postsaleAbilities } from '../model';
import { BuybackSection } from './BuybackSection';
import { ChecksCard } from './ChecksCard';
import { TransferCard } from './TransferCard';
import { ValuationCard } from './ValuationCard';

/** The exit page at /staff/postsale/exits/:id. */
export function ExitPage() {
  const { id } = useParams();
  const { data: me } = useMe();
  const ab = postsaleAbilities(me);
  const { data: e, error, isLoading } = useExit(id);
  usePageTitle(e ? `退出申请 ${e.exitNo}` : '退出申请');
  if (isLoading) return <Spin aria-label="加载中" />;
  if (!e) return <ErrorAlert error={error ?? new Error('not found')} />;
  const accepted = !['submitted', 'refused', 'withdrawn'].includes(e.status);
  return (
    <>
      <Space wrap align="center">
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>退出申请 {e.exitNo}</Typography.Title>
        <SaleTag map={EXIT_STATUS} status={e.status} testId="exit-status" />
      </Space>
      <Typography.Paragraph style={{ marginTop: 8 }}>
        <Link to="/staff/postsale/exits">返回回购看板</Link> · <Link to={`/staff/postsale/units/${e.unitId}`}>房屋档案</Link>
      </Typography.Paragraph>
      <ErrorAlert error={error} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card size="small" title={<CardTitle>申请</CardTitle>}>
            <Descriptions size="small" column={1} items={[
              { key: 'u', label: '房源', children: e.unitLabel },
              { key: 'c', label: '不动产权证书号', children: e.certificateNo },
              { key: 'h', label: '持有人', children: e.holderMaskedName ?? '—' },
              { key: 'r', label: '退出方式', children: <>{EXIT_ROUTE[e.route]}（<ArticleLink article="第二十四条" />）</> },
              { key: 'o', label: '来源', children: EXIT_ORIGIN[e.origin] ?? e.origin },
              { key: 's', label: '提交日期', children: e.submittedOn },
              { key: 'a', label: '受理日期', children: e.acceptedOn ?? '—' },
              { key: 'd', label: '应完成日期', children: e.dueOn ? <>{e.dueOn} <DaysLeftTag days={e.daysLeft} />（<ArticleLink article="第二十六条" />）</> : '—' },
              ...(e.decisionReason ? [{ key: 'x', label: '决定理由', children: e.decisionReason }] : []),
              ...(e.priceFen !== null ? [{ key: 'p', label: '回购价格', children: <strong>{formatFen(e.priceFen)}</strong> }] : []),
            ]} />
          </Card>
        </Col>
        <Col xs={24} xl={12}><EligibilityCard e={e} /></Col>
        <Col xs={24}><ChecksCard e={e} canWrite={ab.write} /></Col>
        {e.valuation && <Col xs={24}><ValuationCard e={e} /></Col>}
        {accepted && e.route === 'buyback' && <Col xs={24}><BuybackSection e={e} canWrite={ab.write} /></Col>}
        {accepted && e.route === 'internal_transfer' && <Col xs={24}><TransferCard e={e} canWrite={ab.write} /></Col>}
      </Row>
    </>
  );
}

function EligibilityCard({ e }: { e: ExitDetail }) {
  const v = e.eligibility.value;
  return (
    <Card size="small" data-testid="exit-eligibility" title={<CardTitle>退出条件（<ArticleLink article="第二十四条" />、<ArticleLink article="第二十五条" />）</CardTitle>}>
      <Space orientation="vertical">
        <span>
          {v.eligible ? <Tag color="success">符合</Tag> : <Tag color="error">不符合</Tag>}
          最早可退出日期 <strong data-testid="exit-earliest">{v.earliestDate}</strong>（取得不动产权证满2年，<ArticleLink article="第二十四条" />）
        </span>
        {v.reasons.length > 0 && (
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {v.reasons.map((r) => (
              <li key={r.code}>{ELIGIBILITY_REASON[r.code] ?? r.code}（<ArticleLink article={r.article} />）</li>
            ))}
          </ul>
        )}
        <Typography.Text type="secondary">按 {e.eligibility.asOf} 的登记信息（{e.eligibility.source}）测算。{e.origin !== 'family' ? '住房城乡建设部门代为提交的退出不受2年限制。' : ''}</Typography.Text>
      </Space>
    </Card>
  );
}
