import { describe, expect, it } from 'vitest';
import { remainingText } from './Countdown';

describe('time left in a selection window (选房时限)', () => {
  it('counts minutes and seconds inside the hour, hours and minutes beyond it', () => {
    expect(remainingText(29 * 60_000 + 5_000)).toBe('29:05');
    expect(remainingText(59_999)).toBe('00:59');
    expect(remainingText(3_600_000 + 2 * 60_000 + 30_000)).toBe('1小时02分');
  });
  it('says 已截止 once the window has closed, never a negative time', () => {
    expect(remainingText(0)).toBe('已截止');
    expect(remainingText(-1000)).toBe('已截止');
  });
});
