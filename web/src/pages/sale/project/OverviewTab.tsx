import { CheckCircleFilled, ClockCircleOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, List, Row, Statistic, Table } from 'antd';
import type { BuildingSummary } from '../../../api/sale';
import { ArticleLink } from '../../../components/ArticleLink';
import { formatDate } from '../../../lib/law';
import type { TabProps } from './tabProps';

/** 概况: the project's facts, unit counts, and the stages done and to do, each with its article. */
export function OverviewTab({ detail, project: p, goTab }: TabProps) {
  const c = detail.counts ?? { draft: 0, available: 0, reserved: 0, sold: 0, converted: 0, total: 0 };
  const steps: { done: boolean; text: string; article: string; tab: string }[] = [
    { done: detail.buildings.length > 0 && c.total > 0, text: '录入楼栋与房源', article: '第十条', tab: 'units' },
    { done: detail.priceApprovals.some((a) => a.status === 'approved'), text: '测算价格并完成审批', article: '第十二条', tab: 'prices' },
    { done: detail.plans.some((x) => x.status === 'published'), text: '配售方案经同级政府同意后发布配售通告', article: '第十条', tab: 'plans' },
    { done: detail.draws.some((d) => d.status === 'drawn'), text: '冻结名单并公开摇号排序', article: '第十一条', tab: 'draw' },
    { done: c.sold > 0, text: '按序选房签约', article: '第十一条', tab: 'selection' },
    { done: p.status === 'rolling' || p.status === 'ended', text: '剩余房源常态化配售', article: '第十六条', tab: 'selection' },
    { done: p.status === 'ended', text: '配售结束，返还未签约家庭认购金', article: '第十一条', tab: 'deposits' },
  ];
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={14}>
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>项目信息</h2>} size="small">
          <Descriptions column={1} size="small" items={[
            { key: 'address', label: '项目地址', children: p.address },
            { key: 'delivery', label: '预计交付', children: formatDate(p.deliveryOn) },
            { key: 'service', label: '物业服务', children: p.propertyService || '—' },
            { key: 'ended', label: '配售结束日', children: formatDate(p.saleEndedOn) },
          ]} />
        </Card>
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>房源统计</h2>} size="small" style={{ marginTop: 16 }}>
          <Row gutter={16}>
            {([['total', '合计'], ['draft', '未定价'], ['available', '可选'], ['reserved', '已锁定'], ['sold', '已售'], ['converted', '已转用']] as const).map(([k, l]) => (
              <Col key={k} xs={8} sm={4}><Statistic title={l} value={c[k] ?? 0} suffix="套" valueStyle={{ fontSize: 20 }} data-testid={`count-${k}`} /></Col>
            ))}
          </Row>
          <Table<BuildingSummary> size="small" rowKey="id" style={{ marginTop: 12 }} pagination={false} dataSource={detail.buildings} locale={{ emptyText: '尚无楼栋' }}
            columns={[
              { title: '楼栋', dataIndex: 'name' },
              { title: '层数', dataIndex: 'floors' },
              { title: '房源', key: 'n', render: (_, b) => b.counts?.total ?? 0 },
              { title: '已售', key: 's', render: (_, b) => b.counts?.sold ?? 0 },
            ]} />
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>配售进度</h2>} size="small" data-testid="project-steps">
          <List dataSource={steps} renderItem={(s) => (
            <List.Item actions={[<Button key="go" size="small" type="link" aria-label={`前往：${s.text}`} onClick={() => goTab(s.tab)}>前往</Button>]}>
              <span>
                {s.done ? <CheckCircleFilled style={{ color: '#237804' }} aria-hidden /> : <ClockCircleOutlined aria-hidden />}{' '}
                {s.text}（<ArticleLink article={s.article} />）
                <span style={{ marginLeft: 4, color: s.done ? '#237804' : 'rgba(0,0,0,0.7)' }}>{s.done ? '已完成' : '待办'}</span>
              </span>
            </List.Item>
          )} />
        </Card>
      </Col>
    </Row>
  );
}
