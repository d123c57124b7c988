/**
 * 第二十七条: the published method's parameters as people read them (a rate as a percentage, the
 * interest tiers as sentences, the price-level switch in words) and the Chinese half of a note.
 */
import type { BuybackParameter } from '../../api/home';
import { percentText } from './buybackMath';

const ROUNDING: Record<string, string> = { half_up: '四舍五入到分', half_even: '四舍六入五成双到分', down: '舍去分以下', up: '分以下进一' };

/** What a parameter sets: its symbol in the formula, or the step of the buyback it belongs to. */
export function symbolText(symbol: string): string {
  return { price: '取整', first: '首付款（第二十九条）', due: '办结期限（第二十六条）' }[symbol] ?? symbol;
}

/** "1:0.0150" → "持有不超过1年 1.5%"; "*:0.0275" → "超过上一档 2.75%". */
export function tierText(tiers: string[]): string[] {
  return tiers.map((t, i) => {
    const [bound, rate] = t.split(':');
    const prev = i > 0 ? tiers[i - 1]!.split(':')[0] : undefined;
    return bound === '*' ? `持有超过${prev ?? 0}年 ${percentText(rate!)}` : `持有不超过${bound}年 ${percentText(rate!)}`;
  });
}

/** The value of a parameter in words. */
export function paramValueText(p: BuybackParameter): string {
  const v = p.value;
  if (Array.isArray(v)) return p.unit === 'tiers' ? tierText(v.map(String)).join('；') : v.join('、');
  if (typeof v === 'boolean') return v ? '启用（K = 测算时物价指数 ÷ 购房时物价指数）' : '不启用（K = 1）';
  if (p.name.endsWith('.days_per_year')) return `一年按 ${v} 天计`;
  if (p.unit === 'rounding') return ROUNDING[String(v)] ?? String(v);
  if (p.unit === 'month') return `${v} 个月`;
  if (p.unit === 'ratio' && typeof v === 'string') return `${percentText(v)}${p.name.endsWith('_per_year') ? ' / 年' : ''}`;
  return String(v);
}

/** The Chinese part of a bilingual note ("中文 / English"). */
export function noteZh(note: string | null): string | null {
  if (!note) return null;
  const i = note.search(/ \/ [A-Za-z]/);
  return (i >= 0 ? note.slice(0, i) : note).trim();
}

/** True for a platform default awaiting the bureau's published method. */
export function awaitingBureau(note: string | null): boolean {
  return !!note && /默认值/.test(note) && /公布/.test(note);
}
