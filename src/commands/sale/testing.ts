/**
 * Test support for the sale (issue 3): a world with an implementer, staff, a project in 历下区
 * with one building of `units` units whose price is approved, a published sale plan whose
 * registration window is open on the clock's day, and `families` admitted families written
 * straight into the waiting list (the waiting-list flow is tested in src/commands/applications).
 * Later stages (paid registrations, a draw, batches) are each module's own fixtures.
 */
import { randomUUID } from 'node:crypto';
import type { DbHandle } from '../../db/client.js';
import { accounts, applications, buildings, priceApprovals, projects, salePlans, units } from '../../db/schema.js';
import { makeWorld } from '../applications/fixtures.js';
import type { Actor, CommandContext } from '../context.js';

export type SaleWorldOptions = {
  /** Units in building 1号楼 (2 per floor). Default 8. */
  units?: number;
  /** Admitted families family_000 … Default 4. Every third family has priority ['elderly']. */
  families?: number;
  /** 认购金 in fen. Default 2,000,000 (20,000 yuan). */
  depositFen?: number;
  /** The clock's day. Default 2026-03-02 (the window is 2026-03-01 … 2026-03-10, Shanghai). */
  today?: string;
  /** City-level project (prices approved by the city alone) instead of district level. */
  level?: 'city' | 'district';
};

export const SALE_PRICE_PER_M2_FEN = 800_000; // 8,000 yuan per m²

/** Builds the world; returns contexts for every role and the ids a test needs. */
export async function saleWorld(h: DbHandle, opts: SaleWorldOptions = {}) {
  const w = await makeWorld(h, opts.today ?? '2026-03-02');
  const implementerId = randomUUID();
  await h.db.insert(accounts).values({ id: implementerId, username: 'implementer', role: 'implementer', passwordHash: 'x', displayName: '济南安居置业有限公司' });
  const implementer: Actor = { accountId: implementerId, role: 'implementer' };
  const [project] = await h.db.insert(projects).values({
    code: 'JN-2026-001', name: '泉城安居·历下苑', level: opts.level ?? 'district', districtCode: '370102', saleMode: 'completed',
    address: '济南市历下区经十路 1 号', implementerAccountId: implementerId, status: 'selling', deliveryOn: '2026-12-31',
    propertyService: '前期物业服务由济南泉城物业管理有限公司提供', updatedAt: w.clock.now(),
  }).returning();
  const [building] = await h.db.insert(buildings).values({ projectId: project.id, name: '1号楼', floors: 30, completedOn: '2025-12-01' }).returning();
  const n = opts.units ?? 8;
  const unitRows = Array.from({ length: n }, (_, i) => {
    const floor = Math.floor(i / 2) + 1;
    return { id: randomUUID(), floor, number: `${floor}0${(i % 2) + 1}`, area: '90.00' };
  });
  const schedule = unitRows.map((u) => ({ unitId: u.id, coefficient: '1.000000', priceFen: SALE_PRICE_PER_M2_FEN * 90 }));
  const [approval] = await h.db.insert(priceApprovals).values({
    projectId: project.id, basePricePerM2Fen: SALE_PRICE_PER_M2_FEN, floatRange: '0.050000', status: 'approved', schedule,
    scheduleSha256: 'fixture', submittedBy: implementerId, submittedAt: w.clock.now(), cityApprovedBy: w.actors.city.accountId,
    cityApprovedAt: w.clock.now(), approvalNo: `价批-${project.code}`,
  }).returning();
  if (n > 0) {
    await h.db.insert(units).values(unitRows.map((u) => ({
      id: u.id, projectId: project.id, buildingId: building.id, floor: u.floor, number: u.number, area: u.area, layout: '两室一厅',
      orientation: '南北', coefficient: '1.000000', priceFen: SALE_PRICE_PER_M2_FEN * 90, priceApprovalId: approval.id,
      status: 'available', offeredOn: '2026-03-01',
    })));
  }
  const [plan] = await h.db.insert(salePlans).values({
    projectId: project.id, round: 1, registrationOpensAt: new Date('2026-02-28T16:00:00Z'), registrationClosesAt: new Date('2026-03-10T16:00:00Z'),
    drawOn: '2026-03-12', depositFen: opts.depositFen ?? 2_000_000,
    pools: [{ label: 'PRIO', share: '0.30', eligibility: 'priority' }, { label: 'GEN', quota: 'all', eligibility: 'all' }],
    batchSize: 4, windowMinutes: 30, contractDeadlineDays: 7, status: 'published', approvedBy: w.actors.lixia.accountId,
    approvedAt: w.clock.now(), noticeNo: '配售通告〔2026〕1号', publishedAt: w.clock.now(),
  }).returning();
  const families: { actor: Actor; applicationId: string; regCode: string }[] = [];
  const famCount = opts.families ?? 4;
  const accountRows = Array.from({ length: famCount }, (_, i) => ({ id: randomUUID(), username: `family_${String(i).padStart(3, '0')}`, role: 'applicant', passwordHash: 'x', displayName: `家庭${i}` }));
  if (famCount > 0) await h.db.insert(accounts).values(accountRows);
  const appRows = accountRows.map((a, i) => ({
    id: randomUUID(), regCode: `JN2026${String(900000 + i)}`, accountId: a.id, districtCode: '370102', status: 'admitted', category: 'wage_family',
    priority: i % 3 === 0 ? ['elderly'] : [], maskedApplicantName: `张*${i}`, maskedApplicantId: `3701**********${String(i).padStart(4, '0')}`,
    admittedOn: '2026-01-05', confirmDeadline: '2028-01-05',
  }));
  if (famCount > 0) await h.db.insert(applications).values(appRows);
  accountRows.forEach((a, i) => families.push({ actor: { accountId: a.id, role: 'applicant' }, applicationId: appRows[i].id, regCode: appRows[i].regCode }));
  const ctxAs = (actor: Actor): CommandContext => ({ db: h.db, clock: w.clock, crypto: w.crypto, dataChecks: w.provider, actor });
  return {
    ...w, implementer, project, building, plan, approval, unitIds: unitRows.map((u) => u.id), families,
    ctxAs, implementerCtx: ctxAs(implementer),
  };
}
export type SaleWorld = Awaited<ReturnType<typeof saleWorld>>;
