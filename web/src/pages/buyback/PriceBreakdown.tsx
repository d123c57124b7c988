/**
 * 第二十七条: one valuation read line by line — every component of
 * price = P0 × (1 − d × A + r × H) × K with its value — the price in 元 and in capitals, and the chart.
 */
import { Descriptions, Spin, Typography } from 'antd';
import { Suspense, lazy } from 'react';
import type { BuybackResult } from '../../api/home';
import { formatFen } from '../sale-public/money';
import { amountInWords, percentText, waterfall } from './buybackMath';

const BuybackChart = lazy(() => import('./BuybackChart'));

/** The exact factor, with six decimals beside a fraction that does not end ("19027/18250 ≈ 1.042575"). */
function factorText(f: string): string {
  const [n, d] = f.split('/');
  return d ? `${f} ≈ ${(Number(n) / Number(d)).toFixed(6)}` : f;
}

/** The components table, the price and (unless `chart` is false) the waterfall chart. */
export function PriceBreakdown({ result, testId, chart = true }: { result: BuybackResult; testId: string; chart?: boolean }) {
  const { price, components: c } = result.value;
  const steps = waterfall(result);
  const down = steps.find((s) => s.label === '房屋折旧')!.amountFen;
  const up = steps.find((s) => s.label === '同期存款利息')!.amountFen;
  return (
    <div data-testid={testId}>
      <Descriptions column={1} size="small" bordered styles={{ label: { width: 150 } }} items={[
        { key: 'p0', label: 'P0 原购房价款', children: formatFen(c.P0) },
        { key: 'a', label: 'A 房龄（满整年）', children: `${c.A} 年（竣工 ${c.builtOn} 至测算日 ${c.valuationOn}）` },
        { key: 'd', label: 'd 年折旧率', children: percentText(c.d) },
        { key: 'dep', label: '折旧 P0 × d × A', children: `−${formatFen(-down)}` },
        { key: 'h', label: 'H 持有年限', children: `${c.H.days} 天 ÷ ${c.H.denominator} = ${c.H.value} 年（付款 ${c.paidOn} 起）` },
        { key: 'r', label: 'r 同期存款利率', children: `${percentText(c.r)} / 年` },
        { key: 'int', label: '利息 P0 × r × H', children: `+${formatFen(up)}` },
        {
          key: 'k', label: 'K 物价水平系数',
          children: c.priceLevel.applied ? `${c.K}（${c.priceLevel.cpiAtValuation} ÷ ${c.priceLevel.cpiAtPurchase}）` : '1（未启用物价水平调整）',
        },
        { key: 'f', label: '系数 1 − d×A + r×H', children: factorText(c.factor) },
        {
          key: 'price', label: '回购价格',
          children: (
            <span>
              <strong style={{ fontSize: 18 }} data-testid={`${testId}-price`}>{formatFen(price)}</strong>
              <div data-testid={`${testId}-words`}>人民币{amountInWords(price)}</div>
            </span>
          ),
        },
      ]} />
      <Typography.Paragraph style={{ marginTop: 4, color: 'rgba(0,0,0,0.7)' }}>
        全式按精确分数计算，最后一次取整到分；各行金额取整到分以便阅读，合计等于回购价格。
      </Typography.Paragraph>
      {chart && (
        <Suspense fallback={<Spin aria-label="图表加载中" />}>
          <BuybackChart steps={steps} />
        </Suspense>
      )}
    </div>
  );
}
