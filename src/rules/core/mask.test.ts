import { describe, expect, it } from 'vitest';
import { maskId, maskName, maskPhone } from './mask.js';

describe('masks for public lists (第七条)', () => {
  it('masks names: 张*明, 张*, 欧**明', () => {
    expect(maskName('张三明')).toBe('张*明');
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳小明')).toBe('欧**明');
    expect(maskName('张')).toBe('*');
  });

  it('keeps at most the first 2 and last 2 characters of an ID number', () => {
    const masked = maskId('11010519491231002X');
    expect(masked).toBe('11**************2X');
    expect(masked.replace(/\*/g, '')).toHaveLength(4);
    expect(masked).toHaveLength(18);
  });

  it('masks phone numbers to 138****5678', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
});
