import { describe, expect, it } from 'vitest';
import { evaluateRule } from '../registry.js';
import { evaluateUnitPrice, unitPriceInput } from './unit-price.js';

const AS_OF = '2025-06-01';
const price = (raw: unknown) => evaluateUnitPrice(unitPriceInput.parse(raw), AS_OF).value;

describe('housing.unit-price (第十二条)', () => {
  it('第十二条: base 9,000 元/m², 89.57 m², coefficient 1.03 costs 830,314 元 (exact, no float drift)', () => {
    // 900000 fen × 89.57 × 1.03 = 83,031,390 fen exactly
    expect(price({ basePricePerM2: 900000, floatRange: 0.05, area: 89.57, coefficient: 1.03 })).toEqual({ price: 83031390, withinRange: true, deviation: '0.03' });
  });

  it('第十二条: a half fen rounds up (half-up to the fen)', () => {
    // 1 fen × 0.5 m² × 1 = 0.5 fen → 1 fen
    expect(price({ basePricePerM2: 1, floatRange: '0.05', area: '0.5', coefficient: '1' }).price).toBe(1);
  });

  it('第十二条: just under half a fen rounds down', () => {
    // 1 fen × 0.49 × 1 = 0.49 fen → 0
    expect(price({ basePricePerM2: 1, floatRange: '0.05', area: '0.49', coefficient: '1' }).price).toBe(0);
  });

  it('第十二条: a coefficient exactly at the top of a ±5% range is within it', () => {
    expect(price({ basePricePerM2: 800000, floatRange: 0.05, area: 100, coefficient: 1.05 }).withinRange).toBe(true);
  });

  it('第十二条: a coefficient exactly at the bottom of a ±5% range is within it', () => {
    expect(price({ basePricePerM2: 800000, floatRange: 0.05, area: 100, coefficient: 0.95 })).toMatchObject({ withinRange: true, deviation: '-0.05', price: 76000000 });
  });

  it('第十二条: 1.0501 is outside a ±5% range', () => {
    expect(price({ basePricePerM2: 800000, floatRange: 0.05, area: 100, coefficient: '1.0501' }).withinRange).toBe(false);
  });

  it('第十二条: 0.9499 is outside a ±5% range', () => {
    expect(price({ basePricePerM2: 800000, floatRange: 0.05, area: 100, coefficient: 0.9499 }).withinRange).toBe(false);
  });

  it('第十二条: 0.1 + 0.2 style floats do not leak: 3 m² × 0.1 coefficient at 1 fen/m² is 0.3 fen → 0', () => {
    expect(price({ basePricePerM2: 10, floatRange: 1, area: '0.3', coefficient: '0.1' }).price).toBe(0);
    expect(price({ basePricePerM2: 10, floatRange: 1, area: '0.3', coefficient: '0.2' }).price).toBe(1);
  });

  it('bad input: an area with three decimals is refused naming the field', () => {
    const r = evaluateRule('housing.unit-price', { basePricePerM2: 900000, floatRange: 0.05, area: 89.571, coefficient: 1 }, AS_OF);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.field)).toEqual(['area']);
  });

  it('bad input: a base price that is not whole fen is refused', () => {
    const r = evaluateRule('housing.unit-price', { basePricePerM2: 9000.5, floatRange: 0.05, area: 80, coefficient: 1 }, AS_OF);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.field).toBe('basePricePerM2');
  });

  it('the trace names 第十二条 and the rounding parameter version', () => {
    const r = evaluateUnitPrice(unitPriceInput.parse({ basePricePerM2: 900000, floatRange: 0.05, area: 90, coefficient: 1 }), AS_OF);
    expect(r.citations[0]!.article).toBe('第十二条');
    expect(r.trace.some((s) => s.params?.['housing.sale.unit_price_rounding']?.version === '2025-03-31')).toBe(true);
  });
});
