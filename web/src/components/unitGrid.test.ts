import { describe, expect, it } from 'vitest';
import type { GridBuilding } from '../api/sale-public';
import { compareRoom, floorRows, formatFen, legendStatuses, maxPerFloor, resaleCount, statusCounts, unitAccessibleName } from './unitGrid';

const u = (id: string, floor: number, number: string, status: string, priceFen: number | null = null, resale = false) =>
  ({ id, floor, number, area: '89.5', layout: '三室两厅', orientation: '南北', coefficient: null, priceFen, status, resale });

describe('formatFen: money is shown as ¥ with two decimals from integer fen', () => {
  it('groups yuan by thousands and keeps the cents exact', () => {
    expect(formatFen(123456789)).toBe('¥1,234,567.89');
    expect(formatFen(5)).toBe('¥0.05');
    expect(formatFen(100)).toBe('¥1.00');
    expect(formatFen(0)).toBe('¥0.00');
  });
  it('a refund shown as negative keeps its sign in front of ¥', () => {
    expect(formatFen(-2000000)).toBe('-¥20,000.00');
  });
  it('an absent price (a unit without an approved price, 第十二条) is a dash, not ¥0.00', () => {
    expect(formatFen(null)).toBe('—');
    expect(formatFen(undefined)).toBe('—');
  });
  it('a price too large for float cents stays exact (¥90,071,992,547,409.91)', () => {
    expect(formatFen(9007199254740991)).toBe('¥90,071,992,547,409.91');
  });
});

describe('floorRows: a building is drawn from the top floor down', () => {
  const b: GridBuilding = {
    id: 'b1', name: '1号楼', floors: 4, completedOn: null,
    units: [u('a', 1, '102', 'available'), u('b', 3, '310', 'sold'), u('c', 3, '302', 'reserved'), u('d', 1, '101', 'draft')],
  };
  it('the highest floor comes first and a floor without units (2层) is an empty row', () => {
    expect(floorRows(b).map((r) => r.floor)).toEqual([3, 2, 1]);
    expect(floorRows(b)[1]!.units).toEqual([]);
  });
  it('rooms are in numeric order within a floor (302 before 310, 101 before 102)', () => {
    const rows = floorRows(b);
    expect(rows[0]!.units.map((x) => x.number)).toEqual(['302', '310']);
    expect(rows[2]!.units.map((x) => x.number)).toEqual(['101', '102']);
    expect(maxPerFloor(rows)).toBe(2);
  });
  it('room "2" sorts before room "10" (numbers, not text)', () => {
    expect(['10', '2', '1'].sort(compareRoom)).toEqual(['1', '2', '10']);
  });
  it('a building with no units yet has no rows', () => {
    expect(floorRows({ id: 'e', name: '2号楼', floors: 18, completedOn: null, units: [] })).toEqual([]);
  });
});

describe('statusCounts: the legend counts every status, zeros included', () => {
  it('counts over all buildings', () => {
    const c = statusCounts([
      { id: 'b1', name: '1号楼', floors: 2, completedOn: null, units: [u('a', 1, '101', 'available'), u('b', 1, '102', 'available')] },
      { id: 'b2', name: '2号楼', floors: 2, completedOn: null, units: [u('c', 1, '101', 'sold')] },
    ]);
    expect(c).toEqual({ available: 2, reserved: 0, sold: 1, draft: 0, converted: 0 });
  });
  it('第二十九条: a unit bought back and not yet offered again gets its own legend entry, only when present', () => {
    const one = [{ id: 'b1', name: '1号楼', floors: 2, completedOn: null, units: [u('a', 1, '101', 'bought_back'), u('b', 1, '102', 'sold')] }];
    expect(legendStatuses(statusCounts(one))).toEqual(['available', 'reserved', 'sold', 'draft', 'converted', 'bought_back']);
    expect(legendStatuses(statusCounts([{ ...one[0]!, units: [u('b', 1, '102', 'sold')] }]))).toEqual(['available', 'reserved', 'sold', 'draft', 'converted']);
  });
});

describe('unitAccessibleName: never colour alone — the cell says its status in words', () => {
  const b: GridBuilding = { id: 'b1', name: '3号楼', floors: 20, completedOn: null, units: [] };
  it('names building, floor, room, status, area, layout and orientation', () => {
    expect(unitAccessibleName(b, u('a', 12, '1203', 'available'))).toBe('3号楼 12层 1203 可选 89.50㎡ 三室两厅 南北');
  });
  it('adds the price only when asked, and says when the cell is selected', () => {
    expect(unitAccessibleName(b, u('a', 12, '1203', 'reserved', 123456700), { showPrice: true, selected: true }))
      .toBe('3号楼 12层 1203 已选中 89.50㎡ ¥1,234,567.00 三室两厅 南北');
  });
  it('第三十条: a resold unit says 再配售 right after its number, as its cell shows the tag', () => {
    expect(unitAccessibleName(b, u('a', 1, '101', 'available', 72_660_000, true), { showPrice: true }))
      .toBe('3号楼 1层 101 再配售 可选 89.50㎡ ¥726,600.00 三室两厅 南北');
    expect(resaleCount([{ ...b, units: [u('a', 1, '101', 'available', null, true), u('b', 1, '102', 'available')] }])).toBe(1);
  });
});
