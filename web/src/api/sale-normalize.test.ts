import { describe, expect, it } from 'vitest';
import { normalizeContract, normalizeRegistration } from './sale-my';
import { normalizeProject, normalizeProjectDetail, normalizeSimBankOrder } from './sale-public';

// Shapes as the server's presenters give them (src/server/routes/{public-sale,my-registrations,my-contracts,payments}).
describe('the sale pages read what the server sends', () => {
  it('a registration after the draw: 认购金 held in fen, rank and pool, the turn, the unit given flat (第十一条)', () => {
    const r = normalizeRegistration({
      id: 'r1', regNo: 'R2026000001', status: 'registered', depositFen: 2_000_000, held: 2_000_000, heldFen: 2_000_000, paidFen: 2_000_000,
      creditedFen: 0, refundedFen: 0, refundPendingFen: 0, registeredAt: '2026-03-02T01:00:00.000Z', paidAt: null, closedAt: null, closedReason: null,
      project: { id: 'p1', code: 'JN-2026-001', name: '泉城安居·历下苑', status: 'selling' },
      plan: { id: 'pl', round: 1, noticeNo: null, registrationOpensAt: '2026-02-28T16:00:00.000Z', registrationClosesAt: '2026-03-10T16:00:00.000Z', drawOn: '2026-03-12' },
      pendingOrder: null, rank: 3, pool: 'PRIO', drawId: 'd1',
      turn: { batchId: 'b1', batchNo: 1, opensAt: '2026-03-12T01:00:00.000Z', closesAt: '2026-03-12T01:30:00.000Z', open: true, outcome: 'waiting' },
      selection: { id: 's1', status: 'locked', unitId: 'u1', building: '1号楼', number: '1203', priceFen: 72_000_000 },
    });
    expect(r).toMatchObject({ regNo: 'R2026000001', heldFen: 2_000_000, rank: 3, pool: 'PRIO', drawId: 'd1', windowClosesAt: '2026-03-10T16:00:00.000Z' });
    expect(r.project).toEqual({ id: 'p1', code: 'JN-2026-001', name: '泉城安居·历下苑', status: 'selling' });
    expect(r.turn).toMatchObject({ batchNo: 1, open: true, closesAt: '2026-03-12T01:30:00.000Z' });
    expect(r.selection?.unit).toMatchObject({ id: 'u1', number: '1203', buildingName: '1号楼', priceFen: 72_000_000 });
  });

  it('a contract with the minimum of rule housing.down-payment (第十三条) and the unit by its labels', () => {
    const c = normalizeContract({
      id: 'c1', contractNo: '济配售合〔2026〕000001号', status: 'generated', selectionId: 's1', project: { id: 'p1', code: 'X', name: '泉城安居·历下苑' },
      unit: { id: 'u1', building: '1号楼', floor: 12, number: '1203', area: '90.00', layout: '两室一厅', orientation: '南北' },
      priceFen: 72_000_000, loanType: 'provident_fund', downPaymentFen: 10_800_000, loanFen: 61_200_000, depositCreditedFen: 0,
      minimumDownPaymentFen: 10_800_000, deadlineOn: '2026-03-19', generatedAt: '2026-03-12T02:00:00.000Z', signedAt: null,
    })!;
    expect(c).toMatchObject({ contractNo: '济配售合〔2026〕000001号', minimumFen: 10_800_000, loanFen: 61_200_000, projectName: '泉城安居·历下苑' });
    expect(c.unit).toMatchObject({ buildingName: '1号楼', number: '1203', area: '90.00' });
  });

  it('a public project: window and 认购金 from the list, plan and QLOT-1 draws from the detail', () => {
    const p = normalizeProject({
      id: 'p1', code: 'JN-2026-001', name: '历下苑', districtCode: '370102', district: '历下区', level: 'district', saleMode: 'completed', status: 'selling',
      address: 'a', round: 1, noticeNo: '配售通告〔2026〕1号', registrationOpensAt: '2026-02-28T16:00:00.000Z', registrationClosesAt: '2026-03-10T16:00:00.000Z',
      drawOn: '2026-03-12', depositFen: 2_000_000, unitsOffered: 8, unitsSold: 1,
    });
    expect(p).toMatchObject({ district: '历下区', opensAt: '2026-02-28T16:00:00.000Z', closesAt: '2026-03-10T16:00:00.000Z', depositFen: 2_000_000, unitsOffered: 8, unitsSold: 1 });
    const d = normalizeProjectDetail({
      project: { id: 'p1', code: 'JN-2026-001', name: '历下苑', status: 'selling' },
      plan: { id: 'pl', round: 1, noticeNo: 'N1', registrationOpensAt: '2026-02-28T16:00:00.000Z', registrationClosesAt: '2026-03-10T16:00:00.000Z', drawOn: '2026-03-12',
        depositFen: 2_000_000, pools: [{ label: 'PRIO', share: '0.30', eligibility: 'priority' }, { label: 'GEN', quota: 'all', eligibility: 'all' }], batchSize: 4, windowMinutes: 30, contractDeadlineDays: 7 },
      grid: [{ id: 'b', name: '1号楼', floors: 30, units: [{ id: 'u', floor: 1, number: '101', area: '90.00', layout: 'x', orientation: 'y', coefficient: '1.000000', priceFen: 72_000_000, status: 'available' }] }],
      draws: [{ id: 'd1', round: 1, attempt: 2, status: 'frozen', listDigest: 'ab', commitment: 'cd', entrantCount: 3, beacon: null, seed: null, serverSecret: null, voidReason: null }],
    });
    expect(d.project).toMatchObject({ noticeNo: 'N1', depositFen: 2_000_000, closesAt: '2026-03-10T16:00:00.000Z' });
    expect(d.plan?.pools).toHaveLength(2);
    expect(d.grid[0]!.units[0]).toMatchObject({ number: '101', priceFen: 72_000_000, status: 'available' });
    expect(d.draws[0]).toMatchObject({ attempt: 2, status: 'frozen', commitment: 'cd', seed: undefined, serverSecret: undefined });
  });

  it('the simulated bank order: amount in fen, subject, open until paid', () => {
    expect(normalizeSimBankOrder({ bank: '模拟银行', orderNo: 'PR1-1', amountFen: 2_000_000, subject: '历下苑 认购金', createdAt: 'x', status: 'open', payments: [], returnUrl: '/my/sale' }))
      .toMatchObject({ orderNo: 'PR1-1', amountFen: 2_000_000, subject: '历下苑 认购金', status: 'open', returnUrl: '/my/sale' });
  });
});
