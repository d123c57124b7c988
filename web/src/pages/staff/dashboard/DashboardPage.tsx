import { Card, Col, Row, Statistic, Typography } from 'antd';
import { BarChart, PieChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import { useDistricts, useMe } from '../../../api/queries';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { usePageTitle } from '../../../components/usePageTitle';
import { STATUS } from '../../../lib/labels';
import { EChart } from './EChart';
import { useCounts } from './useCounts';

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, AriaComponent, SVGRenderer]);

const STATUSES = ['submitted', 'returned', 'admitted', 'rejected', 'withdrawn', 'removed', 'lapsed', 'cancelled'];

/** Applications by status and by district. */
export default function DashboardPage() {
  usePageTitle('统计');
  const { data: me } = useMe();
  const { data: districts } = useDistricts();
  const visible = (districts ?? []).filter((d) => me?.role !== 'district_staff' || d.code === me.districtCode);
  const byStatus = useCounts(STATUSES.map((s) => ({ key: s, status: s })));
  const byDistrict = useCounts(visible.map((d) => ({ key: d.name, district: d.code })));
  const n = (s: string) => byStatus.counts.find(([k]) => k === s)?.[1] ?? 0;
  const pie = useMemo(() => ({
    aria: { enabled: true }, tooltip: { trigger: 'item' }, legend: { bottom: 0 },
    series: [{ type: 'pie', radius: ['32%', '56%'], center: ['50%', '42%'], data: byStatus.counts.filter(([, v]) => v > 0).map(([k, v]) => ({ name: STATUS[k]?.label ?? k, value: v })) }],
  }), [JSON.stringify(byStatus.counts)]); // eslint-disable-line react-hooks/exhaustive-deps
  const bars = useMemo(() => ({
    aria: { enabled: true }, tooltip: {}, grid: { left: 40, right: 16, bottom: 70, top: 16 },
    xAxis: { type: 'category', data: byDistrict.counts.map(([k]) => k), axisLabel: { rotate: 35, interval: 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', data: byDistrict.counts.map(([, v]) => v), itemStyle: { color: '#1a4fa0' } }],
  }), [JSON.stringify(byDistrict.counts)]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>统计</Typography.Title>
      <ErrorAlert error={byStatus.error ?? byDistrict.error} />
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={6}><Card><Statistic title="待审核" value={n('submitted')} /></Card></Col>
        <Col span={6}><Card><Statistic title="退回补正" value={n('returned')} /></Card></Col>
        <Col span={6}><Card><Statistic title="轮候库在库家庭" value={n('admitted')} /></Card></Col>
        <Col span={6}><Card><Statistic title="轮候资格失效" value={n('lapsed')} /></Card></Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} lg={10}>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>按状态</h2>} loading={byStatus.loading}>
            <EChart echarts={echarts} label={`按状态统计的申请数量：${byStatus.counts.map(([k, v]) => `${STATUS[k]?.label ?? k}${v}件`).join('，')}`} option={pie} />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>按区县</h2>} loading={byDistrict.loading}>
            <EChart echarts={echarts} label={`按区县统计的申请数量：${byDistrict.counts.map(([k, v]) => `${k}${v}件`).join('，')}`} option={bars} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
