import { describe, expect, it } from 'vitest';
import type { BuybackParameter, BuybackResult } from '../../api/home';
import { amountInWords, percentText, waterfall } from './buybackMath';
import { awaitingBureau, noteZh, paramValueText, tierText } from './paramText';

const result = (price: number, c: Partial<BuybackResult['value']['components']> = {}): BuybackResult => ({
  value: {
    price,
    components: {
      formula: 'P0 × (1 − d × A + r × H) × K', P0: 100_000_000, valuationOn: '2028-07-01', builtOn: '2025-06-30', paidOn: '2026-07-01',
      A: 3, d: '0.02', H: { days: 730, denominator: 365, value: '2' }, r: '0.015', K: '1',
      priceLevel: { applied: false, cpiAtPurchase: null, cpiAtValuation: null }, factor: '0.97', rounding: 'half_up', params: {}, ...c,
    },
  },
  trace: [],
  citations: [],
});

describe('第二十七条: amounts in capitals (大写)', () => {
  it('writes yuan, 角 and 分 with 零 for skipped digits and groups', () => {
    expect(amountInWords(123_456_789)).toBe('壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分');
    expect(amountInWords(10_050_000)).toBe('壹拾万零伍佰元整');
    expect(amountInWords(10_000_000_100)).toBe('壹亿零壹元整');
    expect(amountInWords(100_100_000)).toBe('壹佰万壹仟元整');
    expect(amountInWords(105)).toBe('壹元零伍分');
    expect(amountInWords(50)).toBe('伍角');
  });
  it('writes nothing for an amount that is not whole fen, and 零元整 for zero', () => {
    expect(amountInWords(0)).toBe('零元整');
    expect(amountInWords(1.5)).toBe('');
    expect(amountInWords(-1)).toBe('');
  });
});

describe('第二十七条: rates read as percentages', () => {
  it('shifts the decimal point without floating error', () => {
    expect(percentText('0.0135')).toBe('1.35%');
    expect(percentText('0.02')).toBe('2%');
    expect(percentText('0.015')).toBe('1.5%');
    expect(percentText('1')).toBe('100%');
  });
});

describe('第二十七条: the chart from the original price to the buyback price', () => {
  it('without the price-level adjustment: P0, depreciation, interest, price, ending at the server price', () => {
    const w = waterfall(result(97_000_000));
    expect(w.map((s) => [s.label, s.amountFen])).toEqual([
      ['原购房价款', 100_000_000], ['房屋折旧', -6_000_000], ['同期存款利息', 3_000_000], ['回购价格', 97_000_000],
    ]);
    expect(w[2]!.baseFen).toBe(94_000_000);
  });
  it('without the adjustment the interest takes the rule\'s single rounding, and no price-level bar is drawn', () => {
    const w = waterfall(result(97_000_001));
    expect(w.map((s) => s.short)).toEqual(['原价', '折旧', '利息', '回购价']);
    expect(w[2]!.amountFen).toBe(3_000_001);
  });
  it('with K the price-level bar takes what remains to the server price', () => {
    const w = waterfall(result(98_940_000, { K: '1.02', priceLevel: { applied: true, cpiAtPurchase: '100', cpiAtValuation: '102' } }));
    expect(w[3]).toEqual({ label: '物价水平调整', short: '物价', amountFen: 1_940_000, baseFen: 97_000_000, kind: 'up' });
    expect(w[4]!.amountFen).toBe(98_940_000);
  });
});

describe('第二十七条: the method parameters in words', () => {
  const p = (name: string, value: BuybackParameter['value'], unit: string): BuybackParameter =>
    ({ name, symbol: 'd', description: null, unit, value, version: '2025-03-31', reference: '第二十七条', note: null });
  it('reads the interest tiers as holding periods with rates', () => {
    expect(paramValueText(p('housing.buyback.interest_rate_tiers', ['1:0.0150', '*:0.0275'], 'tiers'))).toBe('持有不超过1年 1.5%；持有超过1年 2.75%');
    expect(tierText(['1:0.0150', '2:0.0210', '*:0.0275'])).toEqual(['持有不超过1年 1.5%', '持有不超过2年 2.1%', '持有超过2年 2.75%']);
  });
  it('reads a yearly rate, the days of a year, the switch and the rounding', () => {
    expect(paramValueText(p('housing.buyback.depreciation_rate_per_year', '0.01', 'ratio'))).toBe('1% / 年');
    expect(paramValueText(p('housing.buyback.first_payment_share', '0.10', 'ratio'))).toBe('10%');
    expect(paramValueText(p('housing.buyback.days_per_year', 365, 'day'))).toBe('一年按 365 天计');
    expect(paramValueText(p('housing.buyback.price_level_adjustment', false, 'boolean'))).toBe('不启用（K = 1）');
    expect(paramValueText(p('housing.buyback.price_rounding', 'half_up', 'rounding'))).toBe('四舍五入到分');
    expect(paramValueText(p('housing.closed-loop.buyback_due_months', 6, 'month'))).toBe('6 个月');
  });
  it('keeps the Chinese half of a note and knows a default awaiting the bureau', () => {
    const note = '平台默认值，待市住房城乡建设部门会同市财政、审计等部门确定并公布回购价格测算方式：暂按每年1% / platform default until the bureau publishes';
    expect(noteZh(note)).toBe('平台默认值，待市住房城乡建设部门会同市财政、审计等部门确定并公布回购价格测算方式：暂按每年1%');
    expect(awaitingBureau(note)).toBe(true);
    expect(awaitingBureau('第二十九条明定 / fixed by 第二十九条')).toBe(false);
  });
});
