import { describe, expect, it } from 'vitest';
import { fenToYuanText, formatArea, formatFen, yuanTextToFen } from './money';

describe('money on the sale pages (integer fen shown as ¥ with two decimals)', () => {
  it('shows a 认购金 of 2,000,000 fen as ¥20,000.00 and a unit price with cents', () => {
    expect(formatFen(2_000_000)).toBe('¥20,000.00');
    expect(formatFen(72_000_005)).toBe('¥720,000.05');
    expect(formatFen(0)).toBe('¥0.00');
    expect(formatFen(7)).toBe('¥0.07');
    expect(formatFen(-150)).toBe('-¥1.50');
    expect(formatFen(undefined)).toBe('—');
  });

  it('reads a typed down payment in yuan to the exact fen (第十三条 compares fen; 0.1 + 0.2 must not drift)', () => {
    expect(yuanTextToFen('108000')).toBe(10_800_000);
    expect(yuanTextToFen('108,000.3')).toBe(10_800_030);
    expect(yuanTextToFen('0.29')).toBe(29);
    expect(yuanTextToFen('¥1,080.01')).toBe(108_001);
    expect(yuanTextToFen(1080.01)).toBe(108_001);
  });

  it('refuses what is not an amount: negative, three decimals, words, empty', () => {
    expect(yuanTextToFen('-5')).toBeNull();
    expect(yuanTextToFen('1.234')).toBeNull();
    expect(yuanTextToFen('十万')).toBeNull();
    expect(yuanTextToFen('')).toBeNull();
    expect(yuanTextToFen(null)).toBeNull();
  });

  it('round-trips fen through the input text', () => {
    for (const f of [0, 1, 99, 100, 10_800_001, 123_456_789]) expect(yuanTextToFen(fenToYuanText(f))).toBe(f);
  });

  it('shows an area with its unit', () => {
    expect(formatArea('89.57')).toBe('89.57㎡');
  });
});
