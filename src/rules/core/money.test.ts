import { describe, expect, it } from 'vitest';
import { fenToYuan, mulRate, sumFen, yuanToFen } from './money.js';

describe('money in fen', () => {
  it('converts yuan strings to fen exactly and back', () => {
    expect(yuanToFen('1234.5')).toBe(123450);
    expect(yuanToFen('0.07')).toBe(7);
    expect(yuanToFen('-3.10')).toBe(-310);
    expect(fenToYuan(123450)).toBe('1234.50');
    expect(fenToYuan(-7)).toBe('-0.07');
    expect(() => yuanToFen('1.005')).toThrow(RangeError);
    expect(() => yuanToFen('1e3')).toThrow(RangeError);
  });

  it('multiplies by a decimal rate without floating point (0.1 + 0.2 style errors)', () => {
    expect(mulRate(100_000_00, '0.15', 'half_up')).toBe(15_000_00);
    expect(mulRate(333, '0.1', 'half_up')).toBe(33);
    expect(mulRate(1_000_000_000_001, '0.3', 'down')).toBe(300_000_000_000);
  });

  it('names each rounding: half_up, half_even, down, up', () => {
    expect(mulRate(5, '0.5', 'half_up')).toBe(3);
    expect(mulRate(5, '0.5', 'half_even')).toBe(2);
    expect(mulRate(7, '0.5', 'half_even')).toBe(4);
    expect(mulRate(5, '0.5', 'down')).toBe(2);
    expect(mulRate(5, '0.1', 'up')).toBe(1);
    expect(mulRate(-5, '0.5', 'half_up')).toBe(-3);
  });

  it('sums and refuses amounts beyond the safe-integer range', () => {
    expect(sumFen([1, 2, 3])).toBe(6);
    expect(() => sumFen([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
    expect(() => sumFen([1.5])).toThrow(RangeError);
  });
});
