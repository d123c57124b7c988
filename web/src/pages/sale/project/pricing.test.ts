import { describe, expect, it } from 'vitest';
import { coefficientInRange, previewPrice, rangeBounds, scaled, scheduleSummary } from './pricing';

describe('第十二条 price preview: base per m² × area × coefficient, rounded once to the fen', () => {
  it('¥12,000.00/m² × 89.50 m² × 1.03 = ¥1,106,220.00', () => {
    expect(previewPrice(1_200_000, '89.50', '1.03')).toBe(110_622_000);
  });
  it('rounds half up only at the end: ¥10,000.01/m² × 0.5 m² × 1 = 500,000.5 fen → ¥5,000.01', () => {
    expect(previewPrice(1_000_001, '0.5', '1')).toBe(500_001);
  });
  it('just below half a fen rounds down: ¥10,000.01/m² × 0.49 m² = 490,000.49 fen → ¥4,900.00', () => {
    expect(previewPrice(1_000_001, '0.49', '1')).toBe(490_000);
  });
  it('a fraction of a fen from the coefficient is not rounded early: ¥10,000.00 × 1 m² × 1.000001 = 1,000,001 fen', () => {
    expect(previewPrice(1_000_000, '1', '1.000001')).toBe(1_000_001);
    expect(previewPrice(1_000_000, '1', '1.0000005')).toBeNull();
  });
  it('a coefficient with a 7th decimal, an empty area or no base gives no preview', () => {
    expect(previewPrice(1_200_000, '89.5', '1.0000001')).toBeNull();
    expect(previewPrice(1_200_000, '', '1')).toBeNull();
    expect(previewPrice(null, '89.5', '1')).toBeNull();
  });
});

describe('第十二条 float range: the coefficient may deviate from 1 by at most the range, both ends included', () => {
  it('with ±5%, 0.95 and 1.05 are in range; 1.050001 and 0.949999 are out', () => {
    expect(coefficientInRange('0.95', '0.05')).toBe(true);
    expect(coefficientInRange('1.05', '0.05')).toBe(true);
    expect(coefficientInRange('1.050001', '0.05')).toBe(false);
    expect(coefficientInRange('0.949999', '0.05')).toBe(false);
  });
  it('without a range typed yet the check is undecided', () => {
    expect(coefficientInRange('1', null)).toBeNull();
  });
  it('bounds are shown as 0.95 – 1.05 for ±5%', () => {
    expect(rangeBounds('0.05')).toEqual(['0.95', '1.05']);
    expect(rangeBounds('0.125')).toEqual(['0.875', '1.125']);
  });
  it('scaled reads decimals exactly', () => {
    expect(scaled('1.03', 6)).toBe(1_030_000n);
    expect(scaled('x', 6)).toBeNull();
  });
});

describe('schedule summary: what the submit button will send', () => {
  it('counts units out of range and sums the prices in range or not', () => {
    const s = scheduleSummary(1_000_000, '0.05', [
      { unitId: 'a', area: '100', coefficient: '1' },
      { unitId: 'b', area: '100', coefficient: '1.1' },
      { unitId: 'c', area: '100', coefficient: '' },
    ]);
    expect(s).toEqual({ units: 3, outOfRange: 1, invalid: 1, totalFen: 100_000_000 + 110_000_000 });
  });
  it('before a base price is typed no coefficient counts as invalid and the total is 0', () => {
    expect(scheduleSummary(null, '0.05', [{ unitId: 'a', area: '100', coefficient: '1' }])).toEqual({ units: 1, outOfRange: 0, invalid: 0, totalFen: 0 });
  });
});
