/**
 * 回购房源再配售 (第三十条): bought-back units, renovated and offered again at a price that covers
 * the buyback price and the renovation cost; the buyer pays into the maintenance fund what was
 * refunded at buyback. Once sold (the buyer signed in the rolling sale, 第十六条) and its title
 * registered on the unit page (第十八条), staff collect that deposit (第十九条) here.
 *
 * Reading: the list says whether the buyer's title is registered and whether the deposit is
 * posted (the deposit entry on the resale title); 收取维修资金 is offered only on a sold offer whose
 * deposit is not posted, and waits for the title. The server still refuses a deposit before the
 * title, or a second one, naming the reason.
 */
import { Card, Space, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { type ResaleOffer, useResaleOffers } from '../../api/postsale';
import { useMe } from '../../api/queries';
import { ArticleLink } from '../../components/ArticleLink';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatFen } from '../../components/unitGrid';
import { usePageTitle } from '../../components/usePageTitle';
import { yuanToFen } from '../sale/format';
import { SaleTag } from '../sale/StatusTag';
import { DateField, FormDialog, MoneyField, TextField } from './FormDialog';
import { postsaleAbilities, RESALE_STATUS, resaleFloor, belowFloorMessage } from './model';
import { ScrollTable } from './ScrollTable';

/** The resale list at /staff/postsale/resale. */
export function ResalePage() {
  usePageTitle('回购房源再配售');
  const { data: me } = useMe();
  const ab = postsaleAbilities(me);
  const { data, isFetching, error } = useResaleOffers();
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>回购房源再配售</Typography.Title>
      <Typography.Paragraph style={{ marginTop: 8 }}>
        回购的房屋适当修缮后可继续作为配售房源；再次配售价格应覆盖回购价格、二次装修成本等，购房家庭按回购时退还的维修资金数额缴纳维修资金（<ArticleLink article="第三十条" />）。
      </Typography.Paragraph>
      <ErrorAlert error={error} />
      <Card size="small">
        <ScrollTable<ResaleOffer> label="回购房源" size="small" rowKey="id" dataSource={data ?? []} loading={isFetching} data-testid="resale-table" minWidth={1400}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 套` }} locale={{ emptyText: '暂无回购房源' }}
          columns={[
            { title: '房源', key: 'unit', render: (_, o) => <Link to={`/staff/postsale/units/${o.unitId}`}>{o.project.name} {o.unit.building}{o.unit.number}室</Link> },
            { title: '退出申请', dataIndex: 'exitNo', render: (v: string, o) => <Link to={`/staff/postsale/exits/${o.exitId}`}>{v}</Link> },
            { title: '回购价格', dataIndex: 'buybackPriceFen', align: 'right', render: (v: number) => formatFen(v) },
            { title: '修缮成本', dataIndex: 'renovationCostFen', align: 'right', render: (v: number | null) => formatFen(v) },
            { title: '修缮完成', dataIndex: 'renovationCompletedOn', render: (v) => v ?? '—' },
            { title: '最低再配售价', key: 'floor', align: 'right', render: (_, o) => formatFen(resaleFloor(o)) },
            { title: '再配售价格', dataIndex: 'priceFen', align: 'right', render: (v: number | null) => formatFen(v) },
            { title: '应缴维修资金', dataIndex: 'maintenanceFundDueFen', align: 'right', render: (v: number, o) => <span data-testid={`resale-fund-due-${o.unitId}`}>{formatFen(v)}</span> },
            { title: '维修资金缴存', key: 'fund', render: (_, o) => <FundState o={o} /> },
            { title: '购房合同', dataIndex: 'contractNo', render: (v: string | null, o) => (v ? <span data-testid={`resale-contract-${o.unitId}`}>{v}</span> : '—') },
            { title: '状态', dataIndex: 'status', render: (v: string) => <SaleTag map={RESALE_STATUS} status={v} /> },
            { title: '操作', key: 'a', render: (_, o) => (!ab.write ? null : o.status === 'renovating' ? <ResaleActions o={o} /> : o.status === 'sold' && o.fundCollectedFen === null ? <SoldActions o={o} /> : null) },
          ]} />
      </Card>
    </>
  );
}

type RenovationValues = { cost: string; completedOn: string; evidenceRef: string; evidenceNote?: string };

function ResaleActions({ o }: { o: ResaleOffer }) {
  const floor = resaleFloor(o);
  return (
    <Space orientation="vertical" size={4}>
      <FormDialog<RenovationValues> label="登记修缮" size="small" article="第三十条" testId={`resale-renovation-${o.unitId}`}
        path={`/api/units/${o.unitId}/renovation`} rename={{ costFen: 'cost' }} confirm="记录修缮完成及其成本；成本计入最低再配售价格"
        toBody={(v) => ({ costFen: yuanToFen(v.cost), completedOn: v.completedOn, evidence: [{ kind: 'document', ref: v.evidenceRef.trim(), ...(v.evidenceNote?.trim() ? { note: v.evidenceNote.trim() } : {}) }] })}>
        <MoneyField name="cost" label="修缮成本" testId="resale-renovation-cost" allowZero />
        <DateField name="completedOn" label="修缮完成日期" testId="resale-renovation-completedOn" />
        <TextField name="evidenceRef" label="验收或结算凭证号" testId="resale-renovation-evidenceRef" />
        <TextField name="evidenceNote" label="说明" testId="resale-renovation-evidenceNote" required={false} />
      </FormDialog>
      <FormDialog<{ price: string }> label="批准再配售" size="small" type="primary" article="第三十条" testId={`resale-approve-${o.unitId}`}
        path={`/api/resale-offers/${o.id}/approve`} rename={{ priceFen: 'price' }}
        disabled={o.renovationCompletedOn === null} disabledReason={o.renovationCompletedOn === null ? '待登记修缮' : undefined}
        toBody={(v) => ({ priceFen: yuanToFen(v.price) })}
        confirm={<>批准以不低于 <strong data-testid="resale-approve-floor">{formatFen(floor)}</strong>（回购价格 {formatFen(o.buybackPriceFen)} + 修缮成本 {formatFen(o.renovationCostFen ?? 0)}）的价格再次配售</>}>
        <MoneyField name="price" label="再配售价格" testId="resale-approve-price" extra={(fen) => belowFloorMessage(fen, floor)} />
      </FormDialog>
    </Space>
  );
}

/** Whether the buyer's deposit is posted: amount, day and voucher once it is; else what it waits for. */
function FundState({ o }: { o: ResaleOffer }) {
  if (o.fundCollectedFen !== null) {
    return (
      <span data-testid={`resale-fund-collected-${o.unitId}`}>
        已缴存 {formatFen(o.fundCollectedFen)}<br />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{o.fundCollectedOn ?? '—'} · 凭证 {o.fundReference ?? '—'}</Typography.Text>
      </span>
    );
  }
  if (o.status !== 'sold') return <>—</>;
  return <span data-testid={`resale-fund-pending-${o.unitId}`}>{o.titleIssuedOn === null ? '待登记不动产权' : `待缴存（${o.titleIssuedOn} 已发证）`}</span>;
}

/** Collecting the buyer's deposit of a sold offer, once its title is registered on the unit page (第三十条 with 第十八、十九条). */
function SoldActions({ o }: { o: ResaleOffer }) {
  const noTitle = o.titleIssuedOn === null;
  return (
    <FormDialog<{ paidOn: string; reference: string }> label="收取维修资金" size="small" type="primary" article="第三十条" testId={`resale-fund-${o.unitId}`}
      path={`/api/units/${o.unitId}/resale-fund`} disabled={noTitle} disabledReason={noTitle ? '待在房屋页登记购房人不动产权' : undefined}
      confirm={<>购房人按回购时退还的数额缴存维修资金 <strong data-testid="resale-fund-amount">{formatFen(o.maintenanceFundDueFen)}</strong>，计入本房屋分户账；须在为购房人登记不动产权之后</>}>
      <DateField name="paidOn" label="缴款日期" testId="resale-fund-paidOn" />
      <TextField name="reference" label="缴款凭证号" testId="resale-fund-reference" />
    </FormDialog>
  );
}
