import { describe, expect, it } from 'vitest';
import { fundTotals, normalizeRecon, unitText } from './sale';

describe('第十七条 fund totals as the console reads them', () => {
  it('each source gives inflow, outflow and its balance in fen', () => {
    const t = fundTotals({ entries: [], totals: { bySource: { capital: { in: 50_000_000_00, out: 12_000_000_00, balance: 38_000_000_00 }, other: { in: 0, out: 0, balance: 0 } } } });
    expect(t).toEqual([
      { source: 'capital', in: 50_000_000_00, out: 12_000_000_00, net: 38_000_000_00 },
      { source: 'other', in: 0, out: 0, net: 0 },
    ]);
  });
  it('a bare number per source is read as the balance', () => {
    expect(fundTotals({ entries: [], totals: { bySource: { special_bond: -500 } } })).toEqual([{ source: 'special_bond', in: 0, out: 500, net: -500 }]);
  });
});

describe('第十一条 认购金 reconciliation as the console reads it', () => {
  it('keeps the four sums, the balance flag and each registration with its check', () => {
    const r = normalizeRecon({
      paid: 6_000_000, credited: 2_000_000, refunded: 2_000_000, held: 2_000_000, heldByRegistrations: 2_000_000, balanced: true,
      refundsInFlight: { count: 1, amountFen: 2_000_000 },
      rows: [{ registrationId: 'r1', regNo: 'R2026000001', status: 'registered', paid: 2_000_000, credited: 0, refunded: 0, held: 2_000_000, expectedHeld: 2_000_000, refundPending: 0, ok: true }],
    });
    expect(r.paid).toBe(r.credited + r.refunded + r.held);
    expect(r.balanced).toBe(true);
    expect(r.refundsInFlight).toEqual({ count: 1, amountFen: 2_000_000 });
    expect(r.rows[0]).toMatchObject({ regNo: 'R2026000001', held: 2_000_000, expectedHeld: 2_000_000, ok: true });
  });
  it('an answer without rows or with amounts named …Fen still reads', () => {
    const r = normalizeRecon({ paidFen: 100, creditedFen: 0, refundedFen: 0, heldFen: 100, heldByRegistrationsFen: 0, balanced: false });
    expect(r).toMatchObject({ paid: 100, held: 100, heldByRegistrations: 0, balanced: false, rows: [] });
  });
});

describe('the unit a called family chose, as the selection board shows it', () => {
  it('reads the label, an object or a plain string; nothing chosen is null', () => {
    expect(unitText({ unit: { id: 'u', buildingName: '1号楼', number: '502' }, unitLabel: '1号楼 502' })).toBe('1号楼 502');
    expect(unitText({ unit: { buildingName: '2号楼', number: '301' } })).toBe('2号楼 301');
    expect(unitText({ unit: '3号楼 101' })).toBe('3号楼 101');
    expect(unitText({ unit: null, unitLabel: null })).toBeNull();
  });
});
