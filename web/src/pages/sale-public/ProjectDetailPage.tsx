import { Alert, Card, Descriptions, Grid, Result, Spin, Tag, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { useDistrictName } from '../../api/queries';
import { usePublicProject } from '../../api/sale-public';
import { ArticleLink } from '../../components/ArticleLink';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LinkButton } from '../../components/LinkButton';
import { UnitGrid } from '../../components/UnitGrid';
import { RESALE_TAG, resaleCount } from '../../components/unitGrid';
import { usePageTitle } from '../../components/usePageTitle';
import { PROJECT_LEVEL, PROJECT_STATUS, SALE_MODE } from '../../lib/labels';
import { formatDate } from '../../lib/law';
import { DrawsSection } from './DrawsSection';
import { formatFen } from './money';
import { PoolsExplained } from './PoolsExplained';
import { SaleWindow } from './SaleWindow';

const h2 = (t: string) => <h2 style={{ fontSize: 17, margin: 0 }}>{t}</h2>;

/** Public page of one project: sale notice summary, pools, unit grid with prices, draws. */
export function ProjectDetailPage() {
  const { code } = useParams();
  const { data, isLoading, error } = usePublicProject(code);
  const district = useDistrictName();
  const screens = Grid.useBreakpoint();
  // Small cards on a phone leave the unit grid more of the 375 px.
  const cardSize = screens.md ? 'default' : 'small';
  usePageTitle(data?.project.name ?? '配售项目');
  if (isLoading) return <Spin aria-label="加载中" style={{ display: 'block', margin: 48 }} />;
  if (error instanceof ApiError && error.status === 404) {
    return <main className="qc-narrow"><Result status="404" title="未找到该项目" subTitle="项目尚未发布配售通告，或编号有误。" extra={<LinkButton to="/projects">返回配售项目</LinkButton>} /></main>;
  }
  if (error || !data) return <div className="qc-narrow"><ErrorAlert error={error ?? new Error()} /></div>;
  const { project: p, plan, grid, draws } = data;
  const st = PROJECT_STATUS[p.status ?? ''] ?? { label: p.status ?? '—', color: 'default' };
  const voided = draws.filter((d) => d.status === 'void');
  const live = draws.find((d) => d.status !== 'void' && d.round === plan?.round);
  const resales = resaleCount(grid);
  const open = p.status === 'selling' && p.opensAt && p.closesAt && Date.now() >= Date.parse(p.opensAt) && Date.now() < Date.parse(p.closesAt);
  return (
    <div className="qc-container">
      <Typography.Title level={1} style={{ fontSize: 24, margin: '8px 0' }} data-testid="project-name">
        {p.name} <Tag color={st.color} data-testid="project-status" style={{ verticalAlign: 'middle' }}>{st.label}</Tag>
      </Typography.Title>
      {voided.length > 0 && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} data-testid="project-void-notice"
          title="本项目有摇号结果已作废"
          description={voided.map((d) => <div key={d.id}>第{d.round}轮第{d.attempt}次摇号作废原因：{d.voidReason ?? '—'}</div>)} />
      )}
      {open && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title="认购登记进行中"
          description={<>已纳入轮候库的家庭可登录后认购登记并缴纳认购金（<ArticleLink article="第十一条" />）。</>}
          action={<LinkButton to="/my/sale" type="primary" data-testid="project-register">我要认购</LinkButton>} />
      )}
      {p.status === 'rolling' && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title="常态化配售"
          description={<>本项目配售轮次已结束，剩余房源向轮候家庭常态化配售，先到先选（<ArticleLink article="第十六条" />）。</>}
          action={<LinkButton to={`/my/sale/rolling?project=${encodeURIComponent(p.code)}`} type="primary">去选房</LinkButton>} />
      )}

      <Card size={cardSize} title={h2('配售通告')} style={{ marginBottom: 16 }} data-testid="sale-notice">
        <Descriptions column={{ xs: 1, md: 2 }} size="small" styles={{ label: { minWidth: 72 } }} items={[
          { key: 'no', label: '通告编号', children: <span data-testid="notice-no">{plan?.noticeNo ?? p.noticeNo ?? '—'}</span> },
          { key: 'code', label: '项目编号', children: p.code },
          { key: 'district', label: '所在区县', children: p.district ?? district(p.districtCode) },
          { key: 'level', label: '项目类型', children: [PROJECT_LEVEL[p.level ?? ''], SALE_MODE[p.saleMode ?? '']].filter(Boolean).join(' · ') || '—' },
          { key: 'addr', label: '项目地址', children: p.address ?? '—' },
          { key: 'delivery', label: '预计交付', children: formatDate(p.deliveryOn) },
          { key: 'round', label: '配售轮次', children: plan ? `第 ${plan.round} 轮` : '—' },
          { key: 'window', label: '认购登记', children: <SaleWindow opensAt={plan?.opensAt ?? p.opensAt} closesAt={plan?.closesAt ?? p.closesAt} /> },
          { key: 'draw', label: '摇号日期', children: formatDate(plan?.drawOn ?? p.drawOn) },
          { key: 'deposit', label: '认购金', children: <span data-testid="notice-deposit">{formatFen(plan?.depositFen ?? p.depositFen)}</span> },
          { key: 'select', label: '选房规则', children: plan?.batchSize ? `按摇号名次每批 ${plan.batchSize} 户，每批选房时限 ${plan.windowMinutes ?? '—'} 分钟；选定后 ${plan.contractDeadlineDays ?? '—'} 日内签约` : '—' },
          ...(p.propertyService ? [{ key: 'ps', label: '物业服务', children: p.propertyService }] : []),
          ...(plan?.documents ? [{ key: 'docs', label: '所需材料', children: <span style={{ whiteSpace: 'pre-wrap' }}>{plan.documents}</span> }] : []),
        ]} />
        <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
          认购金可折抵购房款；项目配售结束后，未签约家庭的认购金全额退还。一个家庭可以同时登记多个项目，但只能购买1套住房，
          在任一项目签约后，其他项目的登记自动关闭并退还认购金（<ArticleLink article="第十一条" />）。
        </Typography.Paragraph>
      </Card>

      <Card size={cardSize} title={h2('摇号分组与名额')} style={{ marginBottom: 16 }}>
        <PoolsExplained pools={plan?.pools ?? []} fixed={live?.pools} />
      </Card>

      <Card size={cardSize} title={h2('房源与价格')} style={{ marginBottom: 16 }} data-testid="project-grid">
        <Typography.Paragraph style={{ color: 'rgba(0,0,0,0.7)' }}>
          {resales > 0 ? '除再配售房源外，' : ''}每套房源价格 = 基准价格 × 建筑面积 × 调节系数，调节系数在批准的浮动幅度内（<ArticleLink article="第十二条" />）。
        </Typography.Paragraph>
        {resales > 0 && (
          <Typography.Paragraph style={{ color: 'rgba(0,0,0,0.7)' }} data-testid="project-grid-resale-basis">
            再配售房源（房号旁标“{RESALE_TAG}”）：价格经批准，不低于回购价格与修缮成本之和（<ArticleLink article="第三十条" />）。
          </Typography.Paragraph>
        )}
        {grid.length > 0 ? <UnitGrid buildings={grid} showPrice /> : <Typography.Text>暂无房源信息</Typography.Text>}
      </Card>

      <Card size={cardSize} title={h2('摇号')} style={{ marginBottom: 16 }} data-testid="project-draws">
        <DrawsSection draws={draws} />
      </Card>
    </div>
  );
}
