import { useEffect, useRef } from 'react';
import type * as echartsCore from 'echarts/core';

/** Minimal ECharts holder: one chart per div, resized with the window, disposed on unmount. */
export function EChart({ echarts, option, label, height = 320 }: { echarts: typeof echartsCore; option: Record<string, unknown>; label: string; height?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'svg' });
    chart.setOption(option);
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [echarts, option]);
  return <div ref={ref} role="img" aria-label={label} style={{ width: '100%', height }} />;
}
