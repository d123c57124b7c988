/**
 * 第二十四条 internal transfer, the buyer's side: units offered by exiting families to waiting
 * families, at a price no higher than the buyback price of the published method on the opening
 * day; a family asks for one and the staff choose the first eligible asker in waiting order.
 */
import { App, Button, Card, Descriptions, Empty, Spin, Tag, Typography } from 'antd';
import { type TransferOffer, useMyTransferOffers, useTransferInterest } from '../../../api/home';
import { ArticleLink } from '../../../components/ArticleLink';
import { ErrorAlert, errorText } from '../../../components/ErrorAlert';
import { formatFen } from '../../sale-public/money';

const OUTCOME: Record<NonNullable<TransferOffer['interest']>['outcome'], { label: string; color: string }> = {
  waiting: { label: '已申请，等待按轮候顺序确定', color: 'processing' },
  chosen: { label: '已确定由您受让', color: 'success' },
  not_chosen: { label: '已由轮候顺序在先的家庭受让', color: 'default' },
  ineligible: { label: '不符合受让条件', color: 'error' },
  withdrawn: { label: '已撤回', color: 'default' },
};

function OfferCard({ offer }: { offer: TransferOffer }) {
  const { message, modal } = App.useApp();
  const interest = useTransferInterest();
  const ask = () =>
    modal.confirm({
      title: '申请受让该住房',
      content: `${offer.project.name} ${offer.unit.building ?? ''}${offer.unit.number} 室，价格 ${formatFen(offer.priceFen)}。申请截止后按轮候顺序确定受让家庭。`,
      okText: '确认申请', cancelText: '取消',
      okButtonProps: { 'data-testid': 'transfer-interest-ok' } as never,
      onOk: async () => {
        try {
          await interest.mutateAsync(offer.id);
          message.success('已提交申请');
        } catch (e) {
          message.error(errorText(e));
        }
      },
    });
  const o = offer.interest ? OUTCOME[offer.interest.outcome] : undefined;
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="transfer-offer" data-offer-id={offer.id}
      title={<h3 style={{ fontSize: 16, margin: 0, whiteSpace: 'normal' }}>{offer.project.name} {offer.unit.building ?? ''}{offer.unit.number} 室</h3>}
      extra={o && <Tag color={o.color} data-testid="transfer-interest-status">{o.label}</Tag>}>
      <Descriptions column={1} size="small" styles={{ label: { width: 96 } }} items={[
        ...(offer.unit.areaM2 ? [{ key: 'area', label: '建筑面积', children: `${offer.unit.areaM2} ㎡` }] : []),
        { key: 'price', label: '流转价格', children: <strong data-testid="transfer-price">{formatFen(offer.priceFen)}</strong> },
        { key: 'ceiling', label: '价格上限', children: <>{formatFen(offer.ceilingFen)}（按回购价格测算方式，<ArticleLink article="第二十七条" />）</> },
        { key: 'window', label: '申请期限', children: `${offer.opensOn} 至 ${offer.closesOn}` },
      ]} />
      {!offer.interest && (
        <Button type="primary" block style={{ marginTop: 8 }} onClick={ask} loading={interest.isPending} data-testid="transfer-interest">我要申请</Button>
      )}
    </Card>
  );
}

/** The open offers for a waiting family, with how the buyer is chosen. */
export function TransferOffers() {
  const offers = useMyTransferOffers();
  return (
    <section data-testid="transfer-offers" aria-labelledby="transfer-offers-h">
      <h2 id="transfer-offers-h" style={{ fontSize: 18, margin: '20px 0 8px' }}>内部流转房源</h2>
      <Typography.Paragraph>
        已购房家庭取得不动产权证满规定年限后，可将住房在轮候家庭内部流转（<ArticleLink article="第二十四条" />），
        价格不高于按公布方式测算的回购价格（<ArticleLink article="第二十七条" />）。
        申请期限内提出申请的家庭，按轮候顺序（纳入轮候库的先后）确定受让家庭，不按申请先后。
      </Typography.Paragraph>
      <ErrorAlert error={offers.error} />
      {offers.isLoading && <Spin aria-label="加载中" style={{ display: 'block', margin: 24 }} />}
      {offers.data && offers.data.offers.length === 0 && <Empty description="目前没有可申请的流转房源" />}
      {offers.data?.offers.map((o) => <OfferCard key={o.id} offer={o} />)}
    </section>
  );
}
