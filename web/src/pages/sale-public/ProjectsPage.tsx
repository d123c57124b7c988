import { Card, Col, Descriptions, Empty, Row, Spin, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { usePublicProjects } from '../../api/sale-public';
import { useDistrictName } from '../../api/queries';
import { ArticleLink } from '../../components/ArticleLink';
import { ErrorAlert } from '../../components/ErrorAlert';
import { usePageTitle } from '../../components/usePageTitle';
import { PROJECT_LEVEL, PROJECT_STATUS, SALE_MODE } from '../../lib/labels';
import { formatFen } from './money';
import { SaleWindow } from './SaleWindow';

/** Public list of published projects (配售项目): window, 认购金, units offered and sold. */
export function ProjectsPage() {
  usePageTitle('配售项目');
  const { data, isLoading, error } = usePublicProjects();
  const district = useDistrictName();
  return (
    <div className="qc-container">
      <Typography.Title level={1} style={{ fontSize: 24, margin: '8px 0' }}>配售项目</Typography.Title>
      <Typography.Paragraph>
        保障性住房项目具备配售条件后发布配售通告，房源全部公开配售（<ArticleLink article="第十条" />）。
        已纳入轮候库的家庭在登记期内按项目认购登记并缴纳认购金，进入该项目的摇号排序库；
        可同时登记2个及以上项目，但只能购买1套（<ArticleLink article="第十一条" />）。
      </Typography.Paragraph>
      <ErrorAlert error={error} />
      {isLoading && <Spin aria-label="加载中" style={{ display: 'block', margin: 24 }} />}
      {!isLoading && !error && (data ?? []).length === 0 && <Empty description="暂无已发布配售通告的项目" />}
      <Row gutter={[16, 16]} data-testid="projects-list">
        {(data ?? []).map((p) => {
          const st = PROJECT_STATUS[p.status ?? ''] ?? { label: p.status ?? '—', color: 'default' };
          return (
            <Col xs={24} md={12} key={p.code}>
              <Card data-testid={`project-card-${p.code}`} style={{ height: '100%' }}
                title={<h2 style={{ fontSize: 17, margin: 0, whiteSpace: 'normal' }}>{p.name}</h2>}
                extra={<Tag color={st.color}>{st.label}</Tag>}>
                <Descriptions column={1} size="small" styles={{ label: { width: 96 } }} items={[
                  { key: 'code', label: '项目编号', children: p.code },
                  { key: 'district', label: '所在区县', children: p.district ?? district(p.districtCode) },
                  { key: 'mode', label: '类型', children: [PROJECT_LEVEL[p.level ?? ''], SALE_MODE[p.saleMode ?? '']].filter(Boolean).join(' · ') || '—' },
                  { key: 'window', label: '登记时间', children: <SaleWindow opensAt={p.opensAt} closesAt={p.closesAt} /> },
                  { key: 'deposit', label: '认购金', children: formatFen(p.depositFen) },
                  { key: 'units', label: '房源', children: unitsText(p.unitsOffered, p.unitsSold) },
                ]} />
                <Link to={`/projects/${encodeURIComponent(p.code)}`} data-testid={`open-project-${p.code}`} style={{ display: 'inline-block', marginTop: 8 }}>
                  查看配售通告与房源
                </Link>
              </Card>
            </Col>
          );
        })}
      </Row>
    </div>
  );
}

function unitsText(offered?: number, sold?: number): string {
  if (offered === undefined) return '—';
  return `共 ${offered} 套${sold !== undefined ? `，已售 ${sold} 套` : ''}`;
}
