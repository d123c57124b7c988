import { Card, Col, Row, Statistic, Typography } from 'antd';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, AriaComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useDistrictName } from '../../../api/queries';
import { useReviewQueue } from '../../../api/staff';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { usePageTitle } from '../../../components/usePageTitle';
import { STATUS } from '../../../lib/labels';
import { EChart } from './EChart';

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, AriaComponent, SVGRenderer]);

function count<T>(items: T[], key: (t: T) => string): [string, number][] {
  const m = new Map<string, number>();
  for (const i of items) m.set(key(i), (m.get(key(i)) ?? 0) + 1);
  return [...m.entries()].sort((a, b) => b[1] - a[1]);
}

/** Applications by status and by district. */
export default function DashboardPage() {
  usePageTitle('统计');
  const { data, error } = useReviewQueue({ status: 'all' });
  const name = useDistrictName();
  const items = data ?? [];
  const byStatus = count(items, (a) => STATUS[a.status]?.label ?? a.status);
  const byDistrict = count(items, (a) => a.districtName ?? name(a.districtCode));
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>统计</Typography.Title>
      <ErrorAlert error={error} />
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={6}><Card><Statistic title="申请总数" value={items.length} /></Card></Col>
        <Col span={6}><Card><Statistic title="待审核" value={items.filter((a) => a.status === 'submitted').length} /></Card></Col>
        <Col span={6}><Card><Statistic title="已入库" value={items.filter((a) => a.status === 'admitted' || a.status === 'approved').length} /></Card></Col>
        <Col span={6}><Card><Statistic title="待确认信息" value={items.filter((a) => a.waitlist?.status === 'must_confirm').length} /></Card></Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} lg={10}>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>按状态</h2>}>
            <EChart echarts={echarts} label="按状态统计的申请数量饼图" option={{
              aria: { enabled: true }, tooltip: { trigger: 'item' }, legend: { bottom: 0 },
              series: [{ type: 'pie', radius: ['35%', '65%'], data: byStatus.map(([n, v]) => ({ name: n, value: v })) }],
            }} />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>按区县</h2>}>
            <EChart echarts={echarts} label="按区县统计的申请数量柱状图" option={{
              aria: { enabled: true }, tooltip: {}, grid: { left: 40, right: 16, bottom: 60, top: 16 },
              xAxis: { type: 'category', data: byDistrict.map(([n]) => n), axisLabel: { rotate: 30 } },
              yAxis: { type: 'value', minInterval: 1 },
              series: [{ type: 'bar', data: byDistrict.map(([, v]) => v), itemStyle: { color: '#1a4fa0' } }],
            }} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
