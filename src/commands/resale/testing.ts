/**
 * Test support for the resale (第三十条) and the internal transfer (第二十四条), on the owned world
 * (src/commands/closed-loop/testing.ts):
 * - boughtBackThroughBuyback / acceptedTransferExit / transferWorld take owner 0's unit through the
 *   real exit and buyback commands (apply, 第二十五条 checks, accept; contract, payments, vacating,
 *   transfer to the government, completion), as the whole-flow tests need;
 * - boughtBackWorld writes the same end state directly (a completed buyback exit, the government's
 *   title, the fund refunded, the resale offer `renovating`), for tests of the resale steps alone.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { DbHandle } from '../../db/client.js';
import { applications, exitApplications, maintenanceFundEntries, resaleOffers, titles, units } from '../../db/schema.js';
import { VACATING_ITEMS } from '../../db/schema.js';
import { acceptedBuyback, BUYBACK_DAY } from '../buybacks/testing.js';
import { completeBuyback, generateBuybackContract, recordBuybackPayment, recordVacatingItem, registerBuybackTransfer, signBuybackContract } from '../buybacks/index.js';
import { ownedWorld, type OwnedWorld, type OwnedWorldOptions } from '../closed-loop/testing.js';
import { acceptExit, applyToExit, recordInspection, refreshDataChecks } from '../exits/index.js';

let exitSeq = 0;
export const BUYBACK_PRICE_FEN = 70_560_000;
export const FUND_REFUND_FEN = 1_080_000;

/** An exit application of owner `i` in the given end state, written directly. */
export async function exitOf(h: DbHandle, w: OwnedWorld, i: number, e: { route: 'buyback' | 'internal_transfer'; status: string; completedOn?: string }) {
  const o = w.owned[i]!;
  const [row] = await h.db.insert(exitApplications).values({
    exitNo: `TC2028${String(++exitSeq).padStart(6, '0')}`, unitId: o.unitId, projectId: w.project.id, titleId: o.titleId,
    applicationId: w.families[i]!.applicationId, route: e.route, origin: 'family', status: e.status,
    eligibility: { value: { eligible: true }, fixture: true }, submittedOn: '2028-03-21', submittedBy: w.families[i]!.actor.accountId,
    acceptedOn: '2028-03-25', dueOn: '2028-09-25', decidedBy: w.actors.lixia.accountId, valuedOn: '2028-03-25', priceFen: BUYBACK_PRICE_FEN,
    completedOn: e.completedOn ?? null,
  }).returning();
  return row!;
}

/** Owner 0's unit bought back on 2028-05-10: government title, fund refunded, resale offer renovating. Clock at 2028-06-01. */
export async function boughtBackWorld(h: DbHandle, opts: OwnedWorldOptions = {}) {
  const w = await ownedWorld(h, { families: 5, ...opts });
  w.clock.set('2028-06-01');
  const o = w.owned[0]!;
  const exit = await exitOf(h, w, 0, { route: 'buyback', status: 'completed', completedOn: '2028-05-10' });
  const govId = randomUUID();
  await h.db.update(titles).set({ supersededOn: '2028-05-08', supersededBy: govId }).where(and(eq(titles.id, o.titleId), isNull(titles.supersededOn)));
  await h.db.insert(titles).values({
    id: govId, unitId: o.unitId, certificateNo: `鲁(2028)济南市不动产权第${String(2_000_000 + exitSeq).padStart(7, '0')}号`, holderKind: 'government',
    holderMaskedName: '政府（回购）', origin: 'buyback', exitId: exit.id, issuedOn: '2028-05-08', recordedBy: w.actors.lixia.accountId, recordedAt: w.clock.now(),
  });
  await h.db.insert(maintenanceFundEntries).values({
    accountId: o.fundAccountId, kind: 'refund', amountFen: FUND_REFUND_FEN, occurredOn: '2028-05-10', reference: exit.exitNo,
    memo: '回购退还维修资金（测试）', recordedBy: w.actors.lixia.accountId, recordedAt: w.clock.now(),
  });
  await h.db.update(applications).set({ status: 'exited' }).where(eq(applications.id, w.families[0]!.applicationId));
  await h.db.update(units).set({ status: 'bought_back' }).where(eq(units.id, o.unitId));
  const [offer] = await h.db.insert(resaleOffers).values({
    unitId: o.unitId, exitId: exit.id, buybackPriceFen: BUYBACK_PRICE_FEN, maintenanceFundDueFen: FUND_REFUND_FEN,
  }).returning();
  return { ...w, exit, offer: offer!, governmentTitleId: govId };
}
export type BoughtBackWorld = Awaited<ReturnType<typeof boughtBackWorld>>;

/** Owner 0 holds an internal-transfer exit accepted through the real exit commands on 2028-04-01 (the clock's day). */
export async function transferWorld(h: DbHandle, opts: OwnedWorldOptions = {}) {
  const w = await ownedWorld(h, { families: 6, ...opts });
  w.clock.set('2028-04-01');
  const exit = await acceptedTransferExit(h, w, 0);
  return { ...w, exit };
}
export type TransferWorld = Awaited<ReturnType<typeof transferWorld>>;

/**
 * Owner 0's unit bought back through the real exit and buyback commands (第二十四至二十九条), on
 * BUYBACK_DAY: apply, 第二十五条 checks, accept, contract, both payments, vacating, transfer to the
 * government, completion (which opens the resale offer). Clock left at BUYBACK_DAY.
 */
export async function boughtBackThroughBuyback(h: DbHandle, opts: OwnedWorldOptions = {}) {
  const w = await ownedWorld(h, { families: 5, ...opts });
  w.clock.set(BUYBACK_DAY);
  const exit = await acceptedBuyback(h, w, 0);
  const c = await generateBuybackContract(w.staff, { exitId: exit.id, outstandingLoanFen: 0, vacateByOn: '2028-08-31' });
  await signBuybackContract(w.staff, { id: c.id });
  await recordBuybackPayment(w.staff, { contractId: c.id, stage: 'first', paidOn: BUYBACK_DAY, reference: 'HG-R-1' });
  for (const item of VACATING_ITEMS) await recordVacatingItem(w.staff, { exitId: exit.id, item, doneOn: BUYBACK_DAY, evidence: { ref: `${item}-R` } });
  await registerBuybackTransfer(w.staff, { exitId: exit.id, certificateNo: '鲁(2028)济南市不动产权第2900001号', issuedOn: BUYBACK_DAY });
  await recordBuybackPayment(w.staff, { contractId: c.id, stage: 'balance', paidOn: BUYBACK_DAY, reference: 'HG-R-2' });
  const done = await completeBuyback(w.staff, { exitId: exit.id });
  const [offer] = await h.db.select().from(resaleOffers).where(eq(resaleOffers.id, done.resaleOfferId));
  return { ...w, exit, offer: offer!, buybackPriceFen: c.priceFen, refundedFen: done.refundedFen };
}

/** An internal-transfer exit of owner `i` accepted through the real exit commands on the clock's day. */
export async function acceptedTransferExit(h: DbHandle, w: OwnedWorld, i: number) {
  const today = w.clock.today();
  const { id } = await applyToExit(w.ctxAs(w.families[i]!.actor), { unitId: w.owned[i]!.unitId, route: 'internal_transfer' });
  await refreshDataChecks(w.staff, { exitId: id });
  for (const item of ['use_unchanged', 'structure_unaltered'] as const) {
    await recordInspection(w.staff, { exitId: id, item, ok: true, inspector: '王工', inspectedOn: today, reportNo: `流转核查-${item}-${i}` });
  }
  await acceptExit(w.staff, { exitId: id });
  const [exit] = await h.db.select().from(exitApplications).where(eq(exitApplications.id, id));
  return exit!;
}
