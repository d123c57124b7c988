/**
 * Pure helpers of the unit grid (房源表): money in fen as ¥ text, floors top-down, counts by
 * status, and the accessible name of a cell. No React here so that they are tested directly.
 */
import type { GridBuilding, GridUnit } from '../api/sale-public';
import { UNIT_STATUS } from '../lib/labels';

/** The order of statuses in the legend: what a family can pick first. */
export const UNIT_STATUS_ORDER = ['available', 'reserved', 'sold', 'draft', 'converted'] as const;

/** The words of the tag on a resold unit's cell (第三十条). */
export const RESALE_TAG = '再配售';

/**
 * The legend's statuses: the usual five, then any other status present (a unit bought back and
 * not yet offered again, 第二十九条), so that no cell has a colour the legend does not explain.
 */
export function legendStatuses(counts: Record<string, number>): string[] {
  const usual: readonly string[] = UNIT_STATUS_ORDER;
  return [...usual, ...Object.keys(counts).filter((s) => !usual.includes(s) && (counts[s] ?? 0) > 0)];
}

/** How many units of the buildings are resales (第三十条). */
export function resaleCount(buildings: GridBuilding[]): number {
  return buildings.reduce((n, b) => n + b.units.filter((u) => u.resale).length, 0);
}

/**
 * Integer fen as "¥1,234,567.89" (two decimals, grouped by thousands); "—" when absent.
 * Integer arithmetic only: fen never passes through a float division.
 */
export function formatFen(fen: number | null | undefined): string {
  if (fen === null || fen === undefined || !Number.isFinite(fen)) return '—';
  const neg = fen < 0;
  const abs = Math.abs(Math.trunc(fen));
  const yuan = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (abs % 100).toString().padStart(2, '0');
  return `${neg ? '-' : ''}¥${yuan}.${cents}`;
}

/** Compares room numbers as people read them: "2" before "10", "0301" before "0302". */
export function compareRoom(a: string, b: string): number {
  return a.localeCompare(b, 'zh-CN', { numeric: true });
}

/** One row of a building: a floor and its units left to right. */
export interface FloorRow { floor: number; units: GridUnit[] }

/**
 * Floors of a building from the top down, each with its units sorted by room number. Every floor
 * from the highest to the lowest that has units is listed, so a gap shows as an empty row.
 */
export function floorRows(b: GridBuilding): FloorRow[] {
  if (b.units.length === 0) return [];
  const byFloor = new Map<number, GridUnit[]>();
  for (const u of b.units) byFloor.set(u.floor, [...(byFloor.get(u.floor) ?? []), u]);
  const floors = [...byFloor.keys()];
  const top = Math.max(...floors);
  const bottom = Math.min(...floors);
  const rows: FloorRow[] = [];
  for (let f = top; f >= bottom; f--) rows.push({ floor: f, units: [...(byFloor.get(f) ?? [])].sort((x, y) => compareRoom(x.number, y.number)) });
  return rows;
}

/** The widest floor: how many cells a row of the building's table has. */
export function maxPerFloor(rows: FloorRow[]): number {
  return rows.reduce((m, r) => Math.max(m, r.units.length), 0);
}

/** Counts of units by status over the given buildings (every known status present, 0 included). */
export function statusCounts(buildings: GridBuilding[]): Record<string, number> {
  const c: Record<string, number> = Object.fromEntries(UNIT_STATUS_ORDER.map((s) => [s, 0]));
  for (const b of buildings) for (const u of b.units) c[u.status] = (c[u.status] ?? 0) + 1;
  return c;
}

/** Chinese label of a unit status. */
export function unitStatusLabel(status: string): string {
  return UNIT_STATUS[status]?.label ?? (status === 'bought_back' ? '已回购' : status);
}

/** "89.50㎡" from the decimal string the API sends. */
export function formatArea(area: string | number): string {
  const n = Number(area);
  return Number.isFinite(n) ? `${n.toFixed(2)}㎡` : `${area}㎡`;
}

/**
 * The accessible name of a cell: everything the colour shows, and more, in words. It holds the
 * cell's visible text in the same order (number, resale tag, status, area, price), so that what a
 * speech user reads on screen is what they can say (WCAG 2.5.3), e.g.
 * "3号楼 12层 1203 可选 89.50㎡ ¥1,234,567.00 三室两厅 南北", "1号楼 1层 101 再配售 可选 …".
 */
export function unitAccessibleName(b: GridBuilding, u: GridUnit, opts: { showPrice?: boolean; selected?: boolean } = {}): string {
  const parts = [
    b.name,
    `${u.floor}层`,
    u.number,
    u.resale ? RESALE_TAG : '',
    opts.selected ? '已选中' : unitStatusLabel(u.status),
    formatArea(u.area),
  ];
  if (opts.showPrice) parts.push(formatFen(u.priceFen));
  parts.push(u.layout, u.orientation);
  return parts.filter(Boolean).join(' ');
}
