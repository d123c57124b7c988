/**
 * 我的住房 (第十八至二十七条): each unit the family holds with its title, maintenance fund,
 * two-year mark, exit preview and exit under way; 第二十二条 obligations to give up a second
 * unit come first. A family holding nothing sees the internal-transfer offers instead.
 */
import { Alert, Empty, Spin, Typography } from 'antd';
import { useMyHome } from '../../../api/home';
import { ArticleLink } from '../../../components/ArticleLink';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { usePageTitle } from '../../../components/usePageTitle';
import { TransferOffers } from './TransferOffers';
import { UnitCard } from './UnitCard';
import { deadlineText } from './homeText';

/** The page at /my/home. */
export function MyHomePage() {
  usePageTitle('我的住房');
  const home = useMyHome();
  const data = home.data;
  return (
    <div className="qc-narrow">
      <Typography.Title level={1} style={{ fontSize: 22, margin: '8px 0' }}>我的住房</Typography.Title>
      <ErrorAlert error={home.error} />
      {home.isLoading && <Spin aria-label="加载中" style={{ display: 'block', margin: 24 }} />}
      {data?.obligations.map((o) => {
        const d = deadlineText(o.daysLeft);
        return (
          <Alert key={o.id} type={d.near ? 'error' : 'warning'} showIcon style={{ marginBottom: 12 }} data-testid="obligation"
            title={<>您的家庭持有 {o.unitsHeld} 套保障性住房，须在 <strong>{o.deadlineOn}</strong> 前申请退出其中1套（<span data-testid="obligation-days">{d.text}</span>）</>}
            description={<>因继承、婚姻状况变化等取得其他保障性住房的，可保留1套，超出的应自情形发生变化之日（{o.changeOn}）起在规定期限内申请退出（<ArticleLink article="第二十二条" />）。已满规定年限的住房可在下方申请退出；未满的，请联系住房城乡建设部门办理。</>} />
        );
      })}
      {data?.units.map((u) => <UnitCard key={u.unit.id} home={u} today={data.today} />)}
      {data && data.units.length === 0 && (
        <>
          <Empty description="您的家庭目前没有持有保障性住房" />
          <TransferOffers />
        </>
      )}
    </div>
  );
}

/** /my/transfer-offers: the offers on their own page. */
export function TransferOffersPage() {
  usePageTitle('内部流转房源');
  return (
    <div className="qc-narrow">
      <Typography.Title level={1} style={{ fontSize: 22, margin: '8px 0' }}>内部流转房源</Typography.Title>
      <TransferOffers standalone />
    </div>
  );
}
