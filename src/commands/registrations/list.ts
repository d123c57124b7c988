/**
 * What the family sees of its registrations (第十一条) and of the projects open for registration.
 * The draw, selection and contract fields are read from their tables when rows exist (those
 * modules write them); this module only reads.
 */
import { and, asc, desc, eq, gt, inArray, lte, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import {
  contracts, depositLedger, drawRanks, draws, paymentOrders, projects, registrations, salePlans, selectionBatches, selectionCalls, selections, units, buildings,
} from '../../db/schema.js';
import { requireRole } from '../authz.js';
import type { CommandContext } from '../context.js';

export type MyRegistration = {
  id: string; regNo: string; status: string; depositFen: number;
  /** 认购金 held now (paid − credited − refunded), fen. */
  held: number; paidFen: number; refundedFen: number; creditedFen: number;
  /** Refunds booked but not yet confirmed by the bank, fen. */
  refundPendingFen: number;
  registeredAt: string; paidAt: string | null; closedAt: string | null; closedReason: string | null;
  project: { id: string; code: string; name: string; status: string };
  plan: { id: string; round: number; noticeNo: string | null; registrationOpensAt: string; registrationClosesAt: string; drawOn: string };
  pendingOrder: { orderNo: string; amountFen: number } | null;
  rank?: number; pool?: string; drawId?: string;
  turn?: { batchId: string; batchNo: number; opensAt: string; closesAt: string; open: boolean; outcome: string };
  selection?: { id: string; status: string; unitId: string; building: string; number: string; priceFen: number | null };
  contract?: { id: string; contractNo: string; status: string; deadlineOn: string; signedAt: string | null };
};

/** The signed-in family's registrations, newest first. */
export async function listMyRegistrations(ctx: CommandContext): Promise<MyRegistration[]> {
  requireRole(ctx.actor, ['applicant']);
  return ctx.db.transaction(async (tx) => {
    const regs = await tx.select({ r: registrations, p: projects, plan: salePlans }).from(registrations)
      .innerJoin(projects, eq(projects.id, registrations.projectId)).innerJoin(salePlans, eq(salePlans.id, registrations.planId))
      .where(eq(registrations.accountId, ctx.actor.accountId)).orderBy(desc(registrations.registeredAt));
    return enrich(tx, regs, ctx.clock.now());
  });
}

type Row = { r: typeof registrations.$inferSelect; p: typeof projects.$inferSelect; plan: typeof salePlans.$inferSelect };

async function enrich(tx: Tx, regs: Row[], now: Date): Promise<MyRegistration[]> {
  if (!regs.length) return [];
  const ids = regs.map((x) => x.r.id);
  const sums = await tx.select({
    id: depositLedger.registrationId, kind: depositLedger.kind, total: sql<string>`sum(${depositLedger.amountFen})`,
    unsettled: sql<string>`sum(case when ${depositLedger.kind} = 'refunded' and ${depositLedger.settledAt} is null then ${depositLedger.amountFen} else 0 end)`,
  }).from(depositLedger).where(inArray(depositLedger.registrationId, ids)).groupBy(depositLedger.registrationId, depositLedger.kind);
  const sum = (id: string, kind: string) => Number(sums.find((s) => s.id === id && s.kind === kind)?.total ?? 0);
  const orders = await tx.select().from(paymentOrders).where(and(inArray(paymentOrders.registrationId, ids), eq(paymentOrders.status, 'pending'))).orderBy(desc(paymentOrders.createdAt));
  const ranks = await tx.select({ drawId: draws.id, projectId: draws.projectId, round: draws.round, rank: drawRanks.rank, entrantId: drawRanks.entrantId, pool: drawRanks.pool })
    .from(drawRanks).innerJoin(draws, eq(draws.id, drawRanks.drawId))
    .where(and(eq(draws.status, 'drawn'), inArray(drawRanks.entrantId, regs.map((x) => x.r.regNo))));
  const calls = await tx.select({ c: selectionCalls, b: selectionBatches }).from(selectionCalls).innerJoin(selectionBatches, eq(selectionBatches.id, selectionCalls.batchId))
    .where(inArray(selectionCalls.registrationId, ids)).orderBy(asc(selectionBatches.batchNo));
  const sels = await tx.select({ s: selections, u: units, b: buildings }).from(selections).innerJoin(units, eq(units.id, selections.unitId)).innerJoin(buildings, eq(buildings.id, units.buildingId))
    .where(and(inArray(selections.registrationId, ids), inArray(selections.status, ['locked', 'signed'])));
  const cons = sels.length ? await tx.select().from(contracts).where(inArray(contracts.selectionId, sels.map((s) => s.s.id))) : [];
  return regs.map(({ r, p, plan }) => {
    const paidFen = sum(r.id, 'paid'); const creditedFen = sum(r.id, 'credited'); const refundedFen = sum(r.id, 'refunded');
    const order = orders.find((o) => o.registrationId === r.id);
    const rank = ranks.find((k) => k.entrantId === r.regNo && k.projectId === r.projectId && k.round === plan.round);
    const call = calls.filter((c) => c.c.registrationId === r.id).at(-1);
    const sel = sels.find((s) => s.s.registrationId === r.id);
    const con = sel && cons.find((c) => c.selectionId === sel.s.id);
    return {
      id: r.id, regNo: r.regNo, status: r.status, depositFen: r.depositFen,
      held: paidFen - creditedFen - refundedFen, paidFen, creditedFen, refundedFen,
      refundPendingFen: Number(sums.find((s) => s.id === r.id && s.kind === 'refunded')?.unsettled ?? 0),
      registeredAt: r.registeredAt.toISOString(), paidAt: r.paidAt?.toISOString() ?? null, closedAt: r.closedAt?.toISOString() ?? null, closedReason: r.closedReason,
      project: { id: p.id, code: p.code, name: p.name, status: p.status },
      plan: { id: plan.id, round: plan.round, noticeNo: plan.noticeNo, registrationOpensAt: plan.registrationOpensAt.toISOString(), registrationClosesAt: plan.registrationClosesAt.toISOString(), drawOn: plan.drawOn },
      pendingOrder: r.status === 'pending_payment' && order ? { orderNo: order.orderNo, amountFen: order.amountFen } : null,
      ...(rank ? { rank: rank.rank, pool: rank.pool, drawId: rank.drawId } : {}),
      ...(call ? { turn: {
        batchId: call.b.id, batchNo: call.b.batchNo, opensAt: call.b.opensAt.toISOString(), closesAt: call.b.closesAt.toISOString(),
        open: call.b.status === 'open' && call.c.outcome === 'waiting' && now < call.b.closesAt, outcome: call.c.outcome,
      } } : {}),
      ...(sel ? { selection: { id: sel.s.id, status: sel.s.status, unitId: sel.u.id, building: sel.b.name, number: sel.u.number, priceFen: sel.u.priceFen } } : {}),
      ...(con ? { contract: { id: con.id, contractNo: con.contractNo, status: con.status, deadlineOn: con.deadlineOn, signedAt: con.signedAt?.toISOString() ?? null } } : {}),
    };
  });
}

export type OpenSaleProject = {
  id: string; code: string; name: string; districtCode: string; level: string; saleMode: string; address: string;
  plan: { id: string; round: number; noticeNo: string | null; registrationOpensAt: string; registrationClosesAt: string; drawOn: string; depositFen: number };
  registration: MyRegistration | null;
};

/** Projects whose registration window is open now, each with the family's registration for that round, if any. */
export async function listOpenSaleProjects(ctx: CommandContext): Promise<OpenSaleProject[]> {
  requireRole(ctx.actor, ['applicant']);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const open = await tx.select({ p: projects, plan: salePlans }).from(salePlans).innerJoin(projects, eq(projects.id, salePlans.projectId))
      .where(and(eq(salePlans.status, 'published'), eq(projects.status, 'selling'), lte(salePlans.registrationOpensAt, now), gt(salePlans.registrationClosesAt, now)))
      .orderBy(asc(salePlans.registrationClosesAt), asc(projects.code));
    const mine = open.length ? await tx.select({ r: registrations, p: projects, plan: salePlans }).from(registrations)
      .innerJoin(projects, eq(projects.id, registrations.projectId)).innerJoin(salePlans, eq(salePlans.id, registrations.planId))
      .where(and(eq(registrations.accountId, ctx.actor.accountId), inArray(registrations.planId, open.map((o) => o.plan.id)))) : [];
    const views = await enrich(tx, mine, now);
    return open.map(({ p, plan }) => ({
      id: p.id, code: p.code, name: p.name, districtCode: p.districtCode, level: p.level, saleMode: p.saleMode, address: p.address,
      plan: { id: plan.id, round: plan.round, noticeNo: plan.noticeNo, registrationOpensAt: plan.registrationOpensAt.toISOString(), registrationClosesAt: plan.registrationClosesAt.toISOString(), drawOn: plan.drawOn, depositFen: plan.depositFen },
      registration: views.find((v) => v.plan.id === plan.id) ?? null,
    }));
  });
}

