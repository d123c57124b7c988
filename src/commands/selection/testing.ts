/**
 * Test support for selection (选房): the sale world of src/commands/sale/testing.ts taken on to
 * the point where selection starts — every family registered with its 认购金 paid and a drawn
 * QLOT-1 draw whose ranks follow the families' order (family i has rank i + 1). The draw's
 * bundle is a placeholder: the draw itself is tested in src/commands/draws; selection reads
 * only the ranks. `addSellingProject` adds a second project for the same families (第十一条: a
 * family may register for several projects but buys one unit).
 */
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { DbHandle } from '../../db/client.js';
import {
  buildings, draws, drawRanks, priceApprovals, projects, registrations, salePlans, units,
} from '../../db/schema.js';
import { SALE_PRICE_PER_M2_FEN, saleWorld, type SaleWorld, type SaleWorldOptions } from '../sale/testing.js';
import { fixedClock, type CommandContext } from '../context.js';

export type SelectionWorldOptions = SaleWorldOptions & {
  /** plan.batch_size for the world's plan. Default 4 (the sale world's). */
  batchSize?: number;
  /** plan.window_minutes. Default 30. */
  windowMinutes?: number;
};

type ProjectRow = typeof projects.$inferSelect;
type PlanRow = typeof salePlans.$inferSelect;

/** A clock whose `now()` can be moved by minutes within the day (the batch windows are minutes long). */
export function movableClock(today: string) {
  const base = fixedClock(today);
  let offsetMs = 0;
  return {
    today: () => base.today(),
    now: () => new Date(base.now().getTime() + offsetMs),
    set: (day: string) => { base.set(day); offsetMs = 0; },
    advanceMinutes: (m: number) => { offsetMs += m * 60_000; },
  };
}

/** Registers every family for the plan (status registered) and stores a drawn draw with ranks in family order. */
export async function registerAndDraw(h: DbHandle, w: SaleWorld, project: ProjectRow, plan: PlanRow, opts: { prefix?: string } = {}) {
  const prefix = opts.prefix ?? project.code.replace(/[^A-Za-z0-9]/g, '');
  const regRows = w.families.map((f, i) => ({
    id: randomUUID(), regNo: `R${prefix}${String(i + 1).padStart(6, '0')}`, projectId: project.id, planId: plan.id,
    applicationId: f.applicationId, accountId: f.actor.accountId, status: 'registered', pools: ['GEN'],
    depositFen: plan.depositFen, registeredAt: w.clock.now(), paidAt: w.clock.now(),
  }));
  for (let i = 0; i < regRows.length; i += 2000) await h.db.insert(registrations).values(regRows.slice(i, i + 2000));
  const [draw] = await h.db.insert(draws).values({
    projectId: project.id, planId: plan.id, round: plan.round, status: 'drawn', pools: [{ label: 'GEN', quota: 'all' }],
    entrantsTsv: Buffer.from('fixture'), entrantCount: regRows.length, listDigest: 'fixture', commitment: 'fixture',
    secretEnc: 'fixture', frozenAt: w.clock.now(), frozenBy: w.actors.lixia.accountId, beacon: 'fixture', seed: 'fixture',
    bundleJson: Buffer.from('{}'), drawnAt: w.clock.now(), drawnBy: w.actors.lixia.accountId,
  }).returning();
  const rankRows = regRows.map((r, i) => ({ drawId: draw!.id, rank: i + 1, entrantId: r.regNo, pool: 'GEN' }));
  for (let i = 0; i < rankRows.length; i += 5000) await h.db.insert(drawRanks).values(rankRows.slice(i, i + 5000));
  return { draw: draw!, registrations: regRows };
}

/** Another selling project of the same implementer in 历下区, with `unitCount` priced, available units. */
export async function addSellingProject(h: DbHandle, w: SaleWorld, code: string, unitCount: number) {
  const [project] = await h.db.insert(projects).values({
    code, name: `泉城安居·${code}`, level: 'district', districtCode: '370102', saleMode: 'completed', address: '济南市历下区',
    implementerAccountId: w.implementer.accountId, status: 'selling', updatedAt: w.clock.now(),
  }).returning();
  const [building] = await h.db.insert(buildings).values({ projectId: project!.id, name: '1号楼', floors: 60 }).returning();
  const [approval] = await h.db.insert(priceApprovals).values({
    projectId: project!.id, basePricePerM2Fen: SALE_PRICE_PER_M2_FEN, floatRange: '0.050000', status: 'approved', schedule: [],
    scheduleSha256: 'fixture', submittedBy: w.implementer.accountId, submittedAt: w.clock.now(), approvalNo: `价批-${code}`,
  }).returning();
  const rows = Array.from({ length: unitCount }, (_, i) => ({
    projectId: project!.id, buildingId: building!.id, floor: Math.floor(i / 2) + 1, number: `${Math.floor(i / 2) + 1}0${(i % 2) + 1}`,
    area: '90.00', layout: '两室一厅', orientation: '南北', coefficient: '1.000000', priceFen: SALE_PRICE_PER_M2_FEN * 90,
    priceApprovalId: approval!.id, status: 'available', offeredOn: '2026-03-01',
  }));
  if (rows.length) await h.db.insert(units).values(rows);
  const [plan] = await h.db.insert(salePlans).values({
    projectId: project!.id, round: 1, registrationOpensAt: new Date('2026-02-28T16:00:00Z'), registrationClosesAt: new Date('2026-03-10T16:00:00Z'),
    drawOn: '2026-03-12', depositFen: 2_000_000, pools: [{ label: 'GEN', quota: 'all', eligibility: 'all' }],
    batchSize: Math.max(1, w.families.length), windowMinutes: 30, contractDeadlineDays: 7, status: 'published',
    noticeNo: `配售通告〔2026〕${code}号`, publishedAt: w.clock.now(),
  }).returning();
  return { project: project!, plan: plan! };
}

/**
 * The sale world on the day of selection (2026-03-12, after the draw), every family registered
 * and ranked in order. Contexts use a clock that tests move by minutes.
 */
export async function selectionWorld(h: DbHandle, opts: SelectionWorldOptions = {}) {
  const w = await saleWorld(h, { today: '2026-03-12', ...opts });
  if (opts.batchSize !== undefined || opts.windowMinutes !== undefined) {
    await h.db.update(salePlans).set({ batchSize: opts.batchSize ?? 4, windowMinutes: opts.windowMinutes ?? 30 }).where(eq(salePlans.id, w.plan.id));
  }
  const [plan] = await h.db.select().from(salePlans).where(eq(salePlans.id, w.plan.id));
  const { draw, registrations: regs } = await registerAndDraw(h, w, w.project, plan!);
  const clock = movableClock(opts.today ?? '2026-03-12');
  const ctxAs = (actor: CommandContext['actor']): CommandContext => ({ ...w.ctxAs(actor), clock });
  return {
    ...w, plan: plan!, draw, registrations: regs, clock, ctxAs,
    staffCtx: ctxAs(w.actors.lixia), implementerCtx: ctxAs(w.implementer),
    familyCtx: (i: number) => ctxAs(w.families[i]!.actor),
    /** Unit statuses of a project, counted. */
    async unitCounts(projectId = w.project.id): Promise<Record<string, number>> {
      const rows = await h.db.select({ status: units.status, n: sql<number>`count(*)::int` }).from(units)
        .where(eq(units.projectId, projectId)).groupBy(units.status);
      return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
    },
  };
}
export type SelectionWorld = Awaited<ReturnType<typeof selectionWorld>>;
