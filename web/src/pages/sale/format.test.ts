import { describe, expect, it } from 'vitest';
import { fenToYuan, formatShanghai, fractionToPercent, isoToShanghaiLocal, percentToFraction, shanghaiLocalToIso, yuanToFen } from './format';

describe('yuanToFen: what staff type in yuan is sent as integer fen', () => {
  it('a 认购金 of 20000 yuan is 2,000,000 fen; 0.1 yuan is 10 fen, not 9.999…', () => {
    expect(yuanToFen('20000')).toBe(2_000_000);
    expect(yuanToFen('0.1')).toBe(10);
    expect(yuanToFen(0.1 + 0.2)).toBe(30);
    expect(yuanToFen('1,234.56')).toBe(123456);
    expect(yuanToFen('12.')).toBe(1200);
  });
  it('refuses a third decimal, a negative sum and text', () => {
    expect(yuanToFen('1.234')).toBeNull();
    expect(yuanToFen('-5')).toBeNull();
    expect(yuanToFen('abc')).toBeNull();
    expect(yuanToFen('')).toBeNull();
    expect(yuanToFen(null)).toBeNull();
  });
  it('fenToYuan gives the form value back', () => {
    expect(fenToYuan(123456)).toBe('1234.56');
    expect(fenToYuan(5)).toBe('0.05');
  });
});

describe('percentToFraction: the 第十二条 float range typed as a percentage', () => {
  it('±5% is the fraction 0.05; 12.5% is 0.125; 100% is 1.00', () => {
    expect(percentToFraction('5')).toBe('0.05');
    expect(percentToFraction(12.5)).toBe('0.125');
    expect(percentToFraction('100')).toBe('1.00');
    expect(percentToFraction('0.0001')).toBe('0.000001');
  });
  it('refuses what is not a percentage', () => {
    expect(percentToFraction('-1')).toBeNull();
    expect(percentToFraction('5%')).toBeNull();
    expect(percentToFraction('')).toBeNull();
  });
  it('fractionToPercent reads the stored fraction back', () => {
    expect(fractionToPercent('0.050000')).toBe('5%');
    expect(fractionToPercent('0.125')).toBe('12.5%');
    expect(fractionToPercent('0.3')).toBe('30%');
    expect(fractionToPercent(null)).toBe('—');
  });
});

describe('Beijing time: a registration window typed on the page is Asia/Shanghai whatever the browser', () => {
  it('"2026-05-01T09:00" becomes 09:00 +08:00 (01:00 UTC)', () => {
    const iso = shanghaiLocalToIso('2026-05-01T09:00')!;
    expect(iso).toBe('2026-05-01T09:00:00+08:00');
    expect(new Date(iso).toISOString()).toBe('2026-05-01T01:00:00.000Z');
  });
  it('an instant at 16:30 UTC is shown as 00:30 the next day in Jinan', () => {
    expect(formatShanghai('2026-04-30T16:30:00Z')).toBe('2026-05-01 00:30');
    expect(isoToShanghaiLocal('2026-04-30T16:30:00Z')).toBe('2026-05-01T00:30');
  });
  it('empty or malformed values do not throw', () => {
    expect(shanghaiLocalToIso('tomorrow')).toBeNull();
    expect(formatShanghai(null)).toBe('—');
  });
});
