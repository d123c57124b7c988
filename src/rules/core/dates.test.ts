import { describe, expect, it } from 'vitest';
import { addDays, addMonths, addYears, ageOn, daysBetween, isIsoDate, parseIsoDate, todayInShanghai } from './dates.js';

describe('calendar dates', () => {
  it('accepts real dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-4-1')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(() => parseIsoDate('2025-02-30')).toThrow(RangeError);
  });

  it('民法典第二百零二条: 2024-02-29 + 1 year is 2025-02-28 (month end), + 4 years is 2028-02-29', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('2025-04-10', 2)).toBe('2027-04-10');
  });

  it('民法典第二百零二条: 2025-01-31 + 1 month is 2025-02-28; months roll over the year', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2025-11-15', 3)).toBe('2026-02-15');
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28');
  });

  it('counts days across months and leap days', () => {
    expect(daysBetween('2025-03-31', '2025-04-01')).toBe(1);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-05-01', '2025-04-01')).toBe(-30);
    expect(addDays('2027-04-10', -60)).toBe('2027-02-09');
  });

  it('第六条: a person born 1965-05-20 is 60 周岁 on 2025-05-20 and 59 on 2025-05-19', () => {
    expect(ageOn('1965-05-20', '2025-05-20')).toBe(60);
    expect(ageOn('1965-05-20', '2025-05-19')).toBe(59);
  });

  it('a birthday of 29 February is reached on 28 February in a common year', () => {
    expect(ageOn('2004-02-29', '2022-02-27')).toBe(17);
    expect(ageOn('2004-02-29', '2022-02-28')).toBe(18);
    expect(ageOn('2004-02-29', '2024-02-28')).toBe(19);
    expect(ageOn('2004-02-29', '2024-02-29')).toBe(20);
  });

  it('today in Asia/Shanghai is a day ahead of UTC after 16:00 UTC', () => {
    expect(todayInShanghai(new Date('2025-05-19T15:59:59Z'))).toBe('2025-05-19');
    expect(todayInShanghai(new Date('2025-05-19T16:00:00Z'))).toBe('2025-05-20');
  });
});
