/**
 * 第二十七条 on the public page: money in Chinese capitals (大写) as on a receipt, rates as
 * percentages, and the steps from the original price to the buyback price for the chart. The
 * price itself is always the server's (rule housing.buyback-price); these helpers only read it.
 */
import type { BuybackResult } from '../../api/home';

const DIGIT = '零壹贰叁肆伍陆柒捌玖';
const IN_GROUP = ['', '拾', '佰', '仟'];
const GROUP = ['', '万', '亿', '万亿'];

/** 0–9999 in capitals, with 零 between non-zero digits where a digit is skipped. */
function groupWords(g: number): string {
  let out = '';
  let zero = false;
  for (let pos = 3; pos >= 0; pos--) {
    const d = Math.floor(g / 10 ** pos) % 10;
    if (d === 0) {
      if (out) zero = true;
      continue;
    }
    if (zero) out += '零';
    zero = false;
    out += DIGIT[d] + IN_GROUP[pos];
  }
  return out;
}

/**
 * An amount in fen written in capitals (人民币大写), e.g. 123456789 → 壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分;
 * whole yuan end in 整. Following the People's Bank's rules for bills, 零 stands for skipped
 * digits and groups, and no 整 follows 角.
 */
export function amountInWords(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) return '';
  let yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cent = fen % 10;
  const groups: number[] = [];
  while (yuan > 0) {
    groups.push(yuan % 10_000);
    yuan = Math.floor(yuan / 10_000);
  }
  let int = '';
  let zero = false;
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i]!;
    if (g === 0) {
      if (int) zero = true;
      continue;
    }
    if (int && g < 1000) zero = true;
    if (zero) int += '零';
    zero = false;
    int += groupWords(g) + GROUP[i];
  }
  if (!int && !jiao && !cent) return '零元整';
  let out = int ? `${int}元` : '';
  if (!jiao && !cent) return `${out}整`;
  if (jiao) out += `${DIGIT[jiao]}角`;
  else if (int) out += '零';
  if (cent) out += `${DIGIT[cent]}分`;
  return out;
}

/** A decimal rate as a percentage, exactly: "0.0135" → "1.35%", "0.02" → "2%". */
export function percentText(rate: string): string {
  const [i = '0', f = ''] = rate.split('.');
  const frac = f.padEnd(2, '0');
  const whole = String(Number(`${i}${frac.slice(0, 2)}`));
  const rest = frac.slice(2).replace(/0+$/, '');
  return `${whole}${rest ? `.${rest}` : ''}%`;
}

/** One bar of the chart, in fen: the amount it adds (or takes) and where it starts. */
export interface WaterfallStep {
  label: string;
  /** A two-character label for the chart's axis on a phone. */
  short: string;
  amountFen: number;
  baseFen: number;
  kind: 'total' | 'down' | 'up';
}

/**
 * P0 → depreciation (P0 × d × A) → interest (P0 × r × H) → price level (K) → price, in fen. The
 * depreciation is rounded to the fen; the last move (interest when K is not applied, else the price
 * level) is what remains to the server's price, so the bars end exactly at it and the rule's single
 * rounding shows nowhere else. The price-level bar appears only when the adjustment is applied.
 */
export function waterfall(result: BuybackResult): WaterfallStep[] {
  const { price, components: c } = result.value;
  const down = Math.round(c.P0 * Number(c.d) * c.A);
  const afterDown = c.P0 - down;
  const applied = c.priceLevel.applied;
  const up = applied ? Math.round((c.P0 * Number(c.r) * c.H.days) / c.H.denominator) : price - afterDown;
  const afterUp = afterDown + up;
  const steps: WaterfallStep[] = [
    { label: '原购房价款', short: '原价', amountFen: c.P0, baseFen: 0, kind: 'total' },
    { label: '房屋折旧', short: '折旧', amountFen: -down, baseFen: afterDown, kind: 'down' },
    { label: '同期存款利息', short: '利息', amountFen: up, baseFen: Math.min(afterDown, afterUp), kind: up < 0 ? 'down' : 'up' },
  ];
  if (applied) {
    const k = price - afterUp;
    steps.push({ label: '物价水平调整', short: '物价', amountFen: k, baseFen: Math.min(afterUp, price), kind: k < 0 ? 'down' : 'up' });
  }
  steps.push({ label: '回购价格', short: '回购价', amountFen: price, baseFen: 0, kind: 'total' });
  return steps;
}
