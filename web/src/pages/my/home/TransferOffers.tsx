/**
 * 第二十四条 internal transfer, the buyer's side: units offered by exiting families to waiting
 * families, at a price no higher than the buyback price of the published method on the opening
 * day; a family asks for one within the window and the staff choose, among those who asked, the
 * first eligible family in waiting order.
 */
import { Alert, App, Button, Card, Descriptions, Empty, Spin, Tag, Typography } from 'antd';
import { type TransferOffer, useMyTransferOffers, useTransferInterest } from '../../../api/home';
import { ArticleLink } from '../../../components/ArticleLink';
import { ErrorAlert, errorText } from '../../../components/ErrorAlert';
import { formatFen } from '../../sale-public/money';

function OfferCard({ offer, eligible, heading: H }: { offer: TransferOffer; eligible: boolean; heading: 'h2' | 'h3' }) {
  const { message, modal } = App.useApp();
  const interest = useTransferInterest();
  const name = `${offer.project.name} ${offer.unit.building}${offer.unit.number} 室`;
  const ask = () =>
    modal.confirm({
      title: '申请受让该住房',
      content: `${name}，价格 ${formatFen(offer.priceFen)}。申请期限截止后，在提出申请的家庭中按轮候顺序确定受让家庭。`,
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
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="transfer-offer" data-offer-id={offer.id}
      title={<H style={{ fontSize: 16, margin: 0, whiteSpace: 'normal' }}>{name}</H>}
      extra={offer.interested && <Tag color="processing" data-testid="transfer-interested">已申请</Tag>}>
      <Descriptions column={1} size="small" styles={{ label: { width: 96 } }} items={[
        { key: 'addr', label: '项目地址', children: offer.project.address },
        { key: 'unit', label: '户型面积', children: `${offer.unit.layout} · ${offer.unit.area} ㎡ · ${offer.unit.floor} 层 · ${offer.unit.orientation}` },
        {
          key: 'price', label: '流转价格',
          children: <span><strong data-testid="transfer-price">{formatFen(offer.priceFen)}</strong>（不高于按公布方式测算的回购价格，<ArticleLink article="第二十七条" />）</span>,
        },
        { key: 'window', label: '申请期限', children: `${offer.opensOn} 至 ${offer.closesOn}` },
      ]} />
      {offer.interested
        ? <Typography.Paragraph style={{ margin: '8px 0 0' }}>已提交申请，申请期限截止后按轮候顺序确定受让家庭，结果将通过消息通知您。</Typography.Paragraph>
        : <Button type="primary" block style={{ marginTop: 8 }} onClick={ask} loading={interest.isPending} disabled={!eligible} data-testid="transfer-interest">我要申请</Button>}
    </Card>
  );
}

/** The open offers for a waiting family, with how the buyer is chosen; `standalone` under the page's own h1. */
export function TransferOffers({ standalone = false }: { standalone?: boolean }) {
  const offers = useMyTransferOffers();
  const data = offers.data;
  return (
    <section data-testid="transfer-offers" aria-label="内部流转房源">
      {!standalone && <h2 style={{ fontSize: 18, margin: '20px 0 8px' }}>内部流转房源</h2>}
      <Typography.Paragraph>
        已购房家庭取得不动产权证满规定年限后，可将住房在轮候家庭内部流转（<ArticleLink article="第二十四条" />），
        价格不高于按公布方式测算的回购价格（<ArticleLink article="第二十七条" />）。
        申请期限内提出申请的家庭，按轮候顺序（纳入轮候库的先后）确定受让家庭，与申请先后无关；每个家庭限购1套。
      </Typography.Paragraph>
      <ErrorAlert error={offers.error} />
      {offers.isLoading && <Spin aria-label="加载中" style={{ display: 'block', margin: 24 }} />}
      {data && !data.eligible && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} data-testid="transfer-not-eligible"
          title="您的家庭目前不能申请内部流转房源"
          description={<>只有轮候库中尚未选定或购买住房的家庭可以申请（<ArticleLink article="第二十四条" />、<ArticleLink article="第十一条" />）。</>} />
      )}
      {data && data.items.length === 0 && <Empty description="目前没有可申请的流转房源" />}
      {data?.items.map((o) => <OfferCard key={o.id} offer={o} eligible={data.eligible} heading={standalone ? 'h2' : 'h3'} />)}
    </section>
  );
}
