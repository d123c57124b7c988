import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import { formatFen } from '../../../components/unitGrid';
import { FUND_SOURCE } from '../../../lib/labels';
import { EChart } from '../../staff/dashboard/EChart';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, AriaComponent, SVGRenderer]);

type Total = { source: string; in: number; out: number; net: number };

/** Inflow and outflow by source (第十七条), in 万元; the label reads the same figures in words. */
export default function FundsChart({ totals }: { totals: Total[] }) {
  const option = useMemo(() => ({
    aria: { enabled: true },
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v.toFixed(2)} 万元` },
    legend: { bottom: 0 },
    grid: { left: 56, right: 12, top: 16, bottom: 56 },
    xAxis: { type: 'category', data: totals.map((t) => FUND_SOURCE[t.source] ?? t.source), axisLabel: { interval: 0, rotate: 30, fontSize: 11 } },
    yAxis: { type: 'value', name: '万元' },
    series: [
      { name: '流入', type: 'bar', data: totals.map((t) => t.in / 1_000_000), itemStyle: { color: '#237804' } },
      { name: '流出', type: 'bar', data: totals.map((t) => t.out / 1_000_000), itemStyle: { color: '#ad4e00' } },
    ],
  }), [totals]);
  const label = `按来源的资金流入与流出：${totals.map((t) => `${FUND_SOURCE[t.source] ?? t.source}流入${formatFen(t.in)}、流出${formatFen(t.out)}`).join('；')}`;
  return <EChart echarts={echarts} option={option} label={label} height={280} />;
}
