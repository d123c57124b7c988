/**
 * Test support for the resale (第三十条) and the internal transfer (第二十四条): the owned world
 * (src/commands/closed-loop/testing.ts) with owner 0's unit either bought back by the government
 * (a completed buyback exit, the government's title, the fund refunded, the resale offer
 * `renovating`) or under an accepted internal-transfer exit. The exits and buybacks are written
 * directly, as their own modules' end states (they test themselves in src/commands/{exits,buybacks}),
 * so that these modules test their own steps only.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { DbHandle } from '../../db/client.js';
import { applications, exitApplications, maintenanceFundEntries, resaleOffers, titles, units } from '../../db/schema.js';
import { ownedWorld, type OwnedWorld, type OwnedWorldOptions } from '../closed-loop/testing.js';

let exitSeq = 0;
export const BUYBACK_PRICE_FEN = 70_560_000;
export const FUND_REFUND_FEN = 1_080_000;

/** An exit application of owner `i` in the given end state. */
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

/** Owner 0 holds an accepted internal-transfer exit (accepted 2028-03-25). Clock at 2028-04-01. */
export async function transferWorld(h: DbHandle, opts: OwnedWorldOptions = {}) {
  const w = await ownedWorld(h, { families: 6, ...opts });
  w.clock.set('2028-04-01');
  const exit = await exitOf(h, w, 0, { route: 'internal_transfer', status: 'accepted' });
  return { ...w, exit };
}
export type TransferWorld = Awaited<ReturnType<typeof transferWorld>>;
