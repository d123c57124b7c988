import { describe, expect, it } from 'vitest';
import { exitsPath, obligationsPath, postSaleUnitsPath } from './postsale';

describe('closed-loop list paths as the console asks for them', () => {
  it('已售房源: project and search are sent only when given; a blank search is left out', () => {
    expect(postSaleUnitsPath({})).toBe('/api/post-sale/units');
    expect(postSaleUnitsPath({ projectId: 'p1', q: ' 1203 ' })).toBe('/api/post-sale/units?projectId=p1&q=1203');
    expect(postSaleUnitsPath({ q: '   ' })).toBe('/api/post-sale/units');
  });
  it('第二十六条 board: overdue=1 only when the filter is on', () => {
    expect(exitsPath({})).toBe('/api/exits');
    expect(exitsPath({ status: 'accepted', overdue: true })).toBe('/api/exits?status=accepted&overdue=1');
    expect(exitsPath({ overdue: false })).toBe('/api/exits');
  });
  it('第二十二条 obligations: overdue=1 only when asked', () => {
    expect(obligationsPath(true)).toBe('/api/multi-unit-obligations?overdue=1');
    expect(obligationsPath(false)).toBe('/api/multi-unit-obligations');
  });
});
