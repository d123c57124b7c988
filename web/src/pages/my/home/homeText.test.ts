import { describe, expect, it } from 'vitest';
import { daysBetween, deadlineText, exitSteps, holdingText } from './homeText';

describe('我的住房: the two-year mark and deadlines', () => {
  it('counts whole calendar days across months and a leap day', () => {
    expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-03-01', '2026-02-28')).toBe(-1);
  });
  it('第二十四条: before the earliest date the family reads the days to wait and the date', () => {
    expect(holdingText('2026-11-24', '2024-12-04', '2026-12-04')).toEqual({ reached: false, years: 2, text: '还需 10 天，2026-12-04 起可申请退出' });
  });
  it('第二十四条: from the earliest date on it reads 已满2年', () => {
    expect(holdingText('2026-12-04', '2024-12-04', '2026-12-04').reached).toBe(true);
    expect(holdingText('2027-01-01', '2024-12-04', '2026-12-04').text).toBe('已满2年');
  });
  it('第二十四条: a title of 29 February reaches the mark on 28 February, still 2 years', () => {
    expect(holdingText('2026-02-28', '2024-02-29', '2026-02-28')).toMatchObject({ reached: true, years: 2 });
  });
  it('第二十二条: a deadline in the last fortnight is near; today and overdue say so', () => {
    expect(deadlineText(30)).toEqual({ text: '剩余 30 天', near: false, overdue: false });
    expect(deadlineText(14).near).toBe(true);
    expect(deadlineText(0)).toEqual({ text: '今天截止', near: true, overdue: false });
    expect(deadlineText(-3)).toEqual({ text: '已逾期 3 天', near: true, overdue: true });
  });
});

describe('第二十六条: the steps of an exit (提交 → 受理 → 签约/挂牌 → 办结)', () => {
  it('a submitted application waits on 受理', () => {
    expect(exitSteps('buyback', 'submitted')).toMatchObject({ current: 1, status: 'process', titles: ['提交', '受理', '签约', '办结'] });
  });
  it('an internal transfer names its third step 挂牌 and waits on 办结 once offered or matched', () => {
    expect(exitSteps('internal_transfer', 'accepted')).toMatchObject({ current: 2, titles: ['提交', '受理', '挂牌', '办结'] });
    expect(exitSteps('internal_transfer', 'offered').current).toBe(3);
    expect(exitSteps('internal_transfer', 'matched').current).toBe(3);
  });
  it('a signed buyback waits on 办结; a completed one is finished', () => {
    expect(exitSteps('buyback', 'contracted')).toMatchObject({ current: 3, status: 'process' });
    expect(exitSteps('buyback', 'completed')).toMatchObject({ current: 3, status: 'finish' });
  });
  it('a refused or withdrawn application stops at the second step in red', () => {
    expect(exitSteps('buyback', 'refused')).toMatchObject({ current: 1, status: 'error', titles: ['提交', '不予受理', '签约', '办结'] });
    expect(exitSteps('internal_transfer', 'withdrawn').titles[1]).toBe('已撤回');
  });
});
