import { describe, expect, it } from 'vitest';
import { evaluateRule } from '../registry.js';
import { type BuybackPriceInput, buybackMethod, buybackPrice } from './buyback-price.js';

// P0 = 1,000,000.00 yuan; paid 2025-06-01; the building completed 2024-06-01.
const base: BuybackPriceInput = { originalPrice: 100_000_000, paidOn: '2025-06-01', builtOn: '2024-06-01' };
const price = (asOf: string, over: Partial<BuybackPriceInput> = {}) => buybackPrice({ ...base, ...over }, asOf).value;
/** The method in force with the price-level switch turned on (a value the bureau may publish). */
const withK = (asOf: string) => {
  const m = buybackMethod(asOf);
  return { ...m, priceLevel: { ...m.priceLevel, value: true } };
};

describe('housing.buyback-price (第二十七条, the platform default method)', () => {
  it('第二十七条: H exactly one year (365 days) takes the first tier, 1.50%: 1,000,000 × (1 − 1% × 2 + 1.50% × 1) = 995,000.00', () => {
    const v = price('2026-06-01');
    expect(v.price).toBe(99_500_000);
    expect(v.components).toMatchObject({
      P0: 100_000_000, A: 2, d: '0.01', H: { days: 365, denominator: 365, value: '1' }, r: '0.0150', K: '1', factor: '0.995', rounding: 'half_up',
      priceLevel: { applied: false, cpiAtPurchase: null, cpiAtValuation: null },
    });
    expect(v.components.params['housing.buyback.interest_rate_tiers']).toEqual({
      value: ['1:0.0150', '2:0.0210', '*:0.0275'], version: '2025-03-31', reference: '济政发〔2025〕3号 第二十七条',
    });
  });

  it('第二十七条: one day more (366 days) takes the second tier, 2.10%, and the price is rounded once from the exact fraction', () => {
    const v = price('2026-06-02');
    // factor = 0.98 + 0.021 × 366/365 = 365.386/365 = 182693/182500; × 100,000,000 fen = 100,105,753.42… fen
    expect(v.price).toBe(100_105_753);
    expect(v.components).toMatchObject({ A: 2, H: { days: 366, value: '1.00274' }, r: '0.0210', factor: '182693/182500' });
  });

  it('第二十七条: H exactly two years (730 days) stays in the second tier, 2.10%; 731 days takes 2.75%', () => {
    expect(price('2027-06-01')).toMatchObject({ price: 101_200_000, components: { A: 3, H: { days: 730, value: '2' }, r: '0.0210', factor: '1.012' } });
    // 97,000,000 + 100,000,000 × 0.0275 × 731/365 = 102,507,534.24… fen
    expect(price('2027-06-02')).toMatchObject({ price: 102_507_534, components: { A: 3, H: { days: 731 }, r: '0.0275' } });
  });

  it('第二十七条: A counts completed years; the day before the completion anniversary it is one year less', () => {
    expect(price('2026-06-01', { builtOn: '2020-06-02' })).toMatchObject({ price: 96_500_000, components: { A: 5 } });
    expect(price('2026-06-01', { builtOn: '2020-06-01' })).toMatchObject({ price: 95_500_000, components: { A: 6 } });
  });

  it('第二十七条: a building completed 2024-02-29 is two years old on 2026-02-28 and one year old the day before', () => {
    expect(price('2026-02-27', { builtOn: '2024-02-29' }).components.A).toBe(1);
    expect(price('2026-02-28', { builtOn: '2024-02-29' }).components.A).toBe(2);
  });

  it('第二十七条: half a fen rounds up — 300 fen × 0.995 = 298.5 fen → 299 fen', () => {
    expect(price('2026-06-01', { originalPrice: 300 }).price).toBe(299);
    expect(price('2026-06-01', { originalPrice: 100 }).price).toBe(100);
  });

  it('第二十七条: with the price-level switch off (the default) K = 1 even when indexes are given', () => {
    const v = price('2026-06-01', { cpiAtPurchase: '100', cpiAtValuation: '102.5' });
    expect(v).toMatchObject({ price: 99_500_000, components: { K: '1', priceLevel: { applied: false, cpiAtPurchase: '100', cpiAtValuation: '102.5' } } });
  });

  it('第二十七条: with the switch on, K = cpiAtValuation / cpiAtPurchase: 995,000.00 × 102.5/100 = 1,019,875.00', () => {
    const r = buybackPrice({ ...base, cpiAtPurchase: 100, cpiAtValuation: '102.5' }, '2026-06-01', withK('2026-06-01'));
    expect(r.value).toMatchObject({ price: 101_987_500, components: { K: '1.025', priceLevel: { applied: true } } });
    expect(r.trace.find((s) => s.test.startsWith('K ='))).toMatchObject({ value: '1.025', params: { 'housing.buyback.price_level_adjustment': { value: true } } });
    const third = buybackPrice({ ...base, cpiAtPurchase: '3', cpiAtValuation: '1' }, '2026-06-01', withK('2026-06-01'));
    expect(third.value).toMatchObject({ price: 33_166_667, components: { K: '1/3' } });
  });

  it('第二十七条: with the switch on, a missing or zero index is refused naming the field', () => {
    expect(() => buybackPrice({ ...base, cpiAtPurchase: '100' }, '2026-06-01', withK('2026-06-01'))).toThrow(/^cpiAtValuation:/);
    expect(() => buybackPrice({ ...base, cpiAtPurchase: '0', cpiAtValuation: '1' }, '2026-06-01', withK('2026-06-01'))).toThrow(/^cpiAtPurchase:/);
  });

  it('refuses paidOn or builtOn after the valuation date, naming the field', () => {
    expect(() => price('2026-06-01', { paidOn: '2026-06-02' })).toThrow(/^paidOn:/);
    expect(() => price('2026-06-01', { builtOn: '2026-06-02' })).toThrow(/^builtOn:/);
    expect(evaluateRule('housing.buyback-price', { ...base, builtOn: '2026-06-02' }, '2026-06-01')).toMatchObject({ ok: false, problems: [{ field: 'builtOn' }] });
  });

  it('refuses a building so old that depreciation takes the factor below zero', () => {
    expect(() => price('2026-06-01', { builtOn: '1900-01-01' })).toThrow(/^builtOn:/);
  });

  it('refuses an index that is not a decimal and a price that is not whole fen through the registry', () => {
    const out = evaluateRule('housing.buyback-price', { ...base, originalPrice: 1.5, cpiAtPurchase: 'abc' }, '2026-06-01');
    expect(out).toMatchObject({ ok: false });
    expect(!out.ok && out.problems.map((p) => p.field).sort()).toEqual(['cpiAtPurchase', 'originalPrice']);
  });

  it('refuses a date before the measure is in force (第三十四条)', () => {
    expect(() => price('2025-03-30', { paidOn: '2025-01-01', builtOn: '2024-01-01' })).toThrow(/asOf/);
  });
});
