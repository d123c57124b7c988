/**
 * 第二十七条 at a glance: a waterfall from the original price through depreciation, interest and
 * the price level to the buyback price. ECharts is large, so this module is loaded on demand.
 */
import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import { EChart } from '../staff/dashboard/EChart';
import { formatFen } from '../sale-public/money';
import type { WaterfallStep } from './buybackMath';

echarts.use([BarChart, GridComponent, TooltipComponent, AriaComponent, SVGRenderer]);

const COLOR = { total: '#1a4fa0', down: '#a8071a', up: '#237804' } as const;

/** The chart; its label reads every bar for screen readers. */
export default function BuybackChart({ steps }: { steps: WaterfallStep[] }) {
  const option = useMemo(() => ({
    aria: { enabled: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: (ps: { dataIndex: number }[]) => {
      const s = steps[ps[0]!.dataIndex]!;
      return `${s.label}：${s.kind === 'total' ? '' : s.amountFen < 0 ? '−' : '+'}${formatFen(Math.abs(s.amountFen))}`;
    } },
    grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: steps.map((s) => s.short), axisLabel: { interval: 0, fontSize: 12 } },
    // The axis starts near the lowest level reached, so that the moves are visible (their amounts are in the tooltip and the table).
    yAxis: { type: 'value', min: Math.floor((Math.min(...steps.map((s) => (s.kind === 'total' ? s.amountFen : s.baseFen))) * 0.9) / 1_000_000) * 1_000_000,
      axisLabel: { formatter: (v: number) => `${Math.round(v / 1_000_000)}万元` } },
    series: [
      { type: 'bar', stack: 'w', silent: true, itemStyle: { color: 'transparent' }, data: steps.map((s) => s.kind === 'total' ? 0 : s.baseFen) },
      { type: 'bar', stack: 'w', data: steps.map((s) => ({ value: Math.abs(s.amountFen), itemStyle: { color: COLOR[s.kind] } })) },
    ],
  }), [steps]);
  const label = `回购价格构成：${steps.map((s) => `${s.label}${s.kind === 'total' ? '' : s.amountFen < 0 ? '减' : '加'}${formatFen(Math.abs(s.amountFen))}`).join('，')}`;
  return <EChart echarts={echarts} option={option} label={label} height={260} />;
}
