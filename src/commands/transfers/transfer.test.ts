import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import type { DbHandle } from '../../db/client.js';
import { TEST_DB_KINDS, openTestDbOf } from '../../db/testing.js';
import {
  activePersons, applicationEvents, applications, exitApplications, maintenanceFundEntries, projects, registrations, selections, titles, transferInterests, transferOffers,
} from '../../db/schema.js';
import { OWNED_PRICE_FEN } from '../closed-loop/testing.js';
import { paidRegistration, refusal } from '../contracts/testing.js';
import { depositBalance } from '../deposits/ledger.js';
import { acceptedTransferExit, transferWorld, type TransferWorld } from '../resale/testing.js';
import { rollingSelect } from '../selection/rolling.js';
import { uniqueViolation } from '../selection/store.js';
import { expressInterest, matchTransfer, myTransferOffers, openTransferOffer, registerTransfer } from './index.js';

describe.each(TEST_DB_KINDS)('第二十四条 internal transfer to a waiting family on %s', (kind) => {
  let h: DbHandle;
  let w: TransferWorld;
  let offerId: string;
  let ceiling: number;
  const fam = (i: number) => w.ctxAs(w.families[i]!.actor);
  const app = (i: number) => w.families[i]!.applicationId;
  beforeAll(async () => {
    h = await openTestDbOf(kind);
    w = await transferWorld(h);
    // Waiting order (轮候): family 4 first, then 2 and 3 admitted the same day (registration code decides), then 5.
    const admitted: [number, string][] = [[4, '2025-06-01'], [2, '2025-09-01'], [3, '2025-09-01'], [5, '2025-12-01']];
    for (const [i, on] of admitted) await h.db.update(applications).set({ admittedOn: on }).where(eq(applications.id, app(i)));
  });
  afterAll(() => h.close());

  it('第二十四条、第二十七条: a price above the method\'s price on the opening day is refused naming priceFen; only staff of the project\'s level open an offer', async () => {
    const high = await refusal(openTransferOffer(w.staff, { exitId: w.exit.id, priceFen: OWNED_PRICE_FEN * 2, opensOn: '2028-04-01' }));
    expect([high.http, high.code, high.field]).toEqual([400, 'TRANSFER_PRICE_ABOVE_CEILING', 'priceFen']);
    ceiling = high.details!.ceilingFen as number;
    expect(ceiling).toBeGreaterThan(0);
    const justAbove = await refusal(openTransferOffer(w.staff, { exitId: w.exit.id, priceFen: ceiling + 1, opensOn: '2028-04-01' }));
    expect(justAbove.field).toBe('priceFen');
    expect((await refusal(openTransferOffer(w.ctxAs(w.actors.licheng), { exitId: w.exit.id, priceFen: ceiling, opensOn: '2028-04-01' }))).http).toBe(403);
    expect((await refusal(openTransferOffer(w.auditor, { exitId: w.exit.id, priceFen: ceiling, opensOn: '2028-04-01' }))).http).toBe(403);
    expect((await refusal(openTransferOffer(fam(2), { exitId: w.exit.id, priceFen: ceiling, opensOn: '2028-04-01' }))).http).toBe(403);
    const past = await refusal(openTransferOffer(w.staff, { exitId: w.exit.id, priceFen: ceiling, opensOn: '2028-03-31' }));
    expect([past.http, past.field]).toEqual([400, 'opensOn']);
    expect((await h.db.select().from(transferOffers)).length).toBe(0);

    const offer = await openTransferOffer(w.staff, { exitId: w.exit.id, priceFen: ceiling, opensOn: '2028-04-01' });
    expect(offer).toMatchObject({ status: 'open', ceilingFen: ceiling, priceFen: ceiling, opensOn: '2028-04-01', closesOn: '2028-04-16' });
    offerId = offer.id;
    expect((await openTransferOffer(w.staff, { exitId: w.exit.id, priceFen: ceiling, opensOn: '2028-04-01' })).id).toBe(offerId);
    expect((await h.db.select().from(exitApplications).where(eq(exitApplications.id, w.exit.id)))[0]!.status).toBe('offered');
  });

  it('第二十四条: waiting families express interest in the window; a family that bought is refused', async () => {
    const listed = await myTransferOffers(fam(2));
    expect(listed.eligible).toBe(true);
    expect(listed.items.map((o) => [o.id, o.interested])).toEqual([[offerId, false]]);
    for (const i of [5, 3, 2, 4]) expect((await expressInterest(fam(i), { offerId })).outcome).toBe('waiting');
    expect((await expressInterest(fam(2), { offerId })).outcome).toBe('waiting'); // a retry
    expect((await myTransferOffers(fam(2))).items[0]!.interested).toBe(true);
    const owner = await refusal(expressInterest(fam(1), { offerId }));
    expect([owner.http, owner.code]).toEqual([409, 'NOT_ON_WAITING_LIST']);
    expect((await refusal(matchTransfer(w.staff, { offerId }))).code).toBe('TRANSFER_WINDOW_OPEN');
  });

  it('第二十四条: the match takes waiting order; an ineligible first family and one that took a unit since (refused by the one-unit index) are skipped', async () => {
    // Family 4 (first in order) leaves the waiting list; family 2 (second) takes a unit in the rolling sale.
    await h.db.update(applications).set({ status: 'withdrawn' }).where(eq(applications.id, app(4)));
    await h.db.update(projects).set({ status: 'rolling' }).where(eq(projects.id, w.project.id));
    await rollingSelect(fam(2), { unitId: w.unitIds[6]! });
    w.clock.set('2028-04-17');

    const matched = await matchTransfer(w.staff, { offerId });
    expect(matched).toMatchObject({ status: 'matched', buyerApplicationId: app(3), matchedOn: '2028-04-17' });
    expect(matched.skipped).toEqual([{ applicationId: app(4), reason: 'not_admitted' }, { applicationId: app(2), reason: 'holds_selection' }]);
    const outcomes = Object.fromEntries((await h.db.select().from(transferInterests).where(eq(transferInterests.offerId, offerId))).map((r) => [r.applicationId, r.outcome]));
    expect(outcomes).toEqual({ [app(4)]: 'ineligible', [app(2)]: 'ineligible', [app(3)]: 'chosen', [app(5)]: 'not_chosen' });
    const unitSel = await h.db.select().from(selections).where(eq(selections.unitId, w.owned[0]!.unitId));
    expect(unitSel.map((s) => [s.applicationId, s.kind, s.status, s.releaseReason]).sort()).toEqual([
      [app(0), 'round', 'released', 'transferred'], [app(3), 'transfer', 'signed', null],
    ].sort());
    expect((await matchTransfer(w.staff, { offerId })).buyerApplicationId).toBe(app(3)); // a retry
    expect((await h.db.select().from(exitApplications).where(eq(exitApplications.id, w.exit.id)))[0]!.status).toBe('matched');
  });

  it('第五条: the one-unit index covers a transfer selection: the buyer cannot hold a second live selection', async () => {
    const e = await h.db.insert(selections).values({
      projectId: w.project.id, unitId: w.unitIds[7]!, applicationId: app(3), kind: 'rolling', status: 'locked', lockedAt: w.clock.now(),
    }).then(() => null, (x: unknown) => x);
    expect(uniqueViolation(e)).toBe('selections_app_live_uq');
  });

  it('第二十四条: registering the transfer gives the buyer a title (origin internal_transfer), the seller exits, and the fund account stays with the unit', async () => {
    const entriesBefore = await h.db.select().from(maintenanceFundEntries).where(eq(maintenanceFundEntries.accountId, w.owned[0]!.fundAccountId));
    const reg = await paidRegistration(h, w, 3, { project: w.project, plan: w.plan });
    const bad = await refusal(registerTransfer(w.staff, { offerId, certificateNo: '鲁(2028)济南市不动产权第4000001号', issuedOn: '2028-04-18' }));
    expect([bad.http, bad.field]).toEqual([400, 'issuedOn']);
    const done = await registerTransfer(w.staff, { offerId, certificateNo: '鲁(2028)济南市不动产权第4000001号', issuedOn: '2028-04-17' });
    expect(done.status).toBe('completed');
    const [t] = await h.db.select().from(titles).where(eq(titles.id, done.titleId));
    expect(t).toMatchObject({ origin: 'internal_transfer', holderKind: 'family', holderApplicationId: app(3), exitId: w.exit.id, supersededOn: null });
    const apps = Object.fromEntries((await h.db.select().from(applications).where(inArray(applications.id, [app(0), app(3)]))).map((a) => [a.id, a]));
    expect([apps[app(0)]!.status, apps[app(3)]!.status, apps[app(3)]!.purchasedOn]).toEqual(['exited', 'purchased', '2028-04-17']);
    expect(await h.db.select().from(activePersons).where(eq(activePersons.applicationId, app(0)))).toEqual([]);
    // 第十一条: one purchase — the buyer's registration elsewhere closes and its 认购金 goes back.
    expect((await h.db.select().from(registrations).where(eq(registrations.id, reg.id)))[0]!.status).toBe('closed');
    expect((await h.db.transaction((tx) => depositBalance(tx, reg.id))).held).toBe(0);
    const events = await h.db.select().from(applicationEvents).where(and(eq(applicationEvents.applicationId, app(0)), eq(applicationEvents.kind, 'exited')));
    expect(events.map((e) => e.article)).toEqual(['第二十四条']);
    expect((await h.db.select().from(exitApplications).where(eq(exitApplications.id, w.exit.id)))[0]).toMatchObject({ status: 'completed', completedOn: '2028-04-17' });
    const entriesAfter = await h.db.select().from(maintenanceFundEntries).where(eq(maintenanceFundEntries.accountId, w.owned[0]!.fundAccountId));
    expect(entriesAfter).toEqual(entriesBefore);
    expect((await registerTransfer(w.staff, { offerId, certificateNo: '鲁(2028)济南市不动产权第4000001号', issuedOn: '2028-04-17' })).titleId).toBe(done.titleId);
  });

  it('第二十四条: with no eligible interested family the offer fails, the exit is accepted again and the offer may be opened anew', async () => {
    const exit = await acceptedTransferExit(h, w, 1);
    const offer = await openTransferOffer(w.staff, { exitId: exit.id, priceFen: 50_000_000, opensOn: '2028-04-17', closesOn: '2028-04-20' });
    await expressInterest(fam(3), { offerId: offer.id }).catch(() => undefined); // family 3 has bought: refused
    w.clock.set('2028-04-21');
    const late = await refusal(expressInterest(fam(5), { offerId: offer.id }));
    expect([late.http, late.code, late.field]).toEqual([409, 'TRANSFER_WINDOW_CLOSED', 'offerId']);
    const failed = await matchTransfer(w.staff, { offerId: offer.id });
    expect(failed).toMatchObject({ status: 'failed', buyerApplicationId: null });
    expect((await h.db.select().from(exitApplications).where(eq(exitApplications.id, exit.id)))[0]!.status).toBe('accepted');
    const again = await openTransferOffer(w.staff, { exitId: exit.id, priceFen: 49_000_000, opensOn: '2028-04-21' });
    expect(again).toMatchObject({ id: offer.id, status: 'open', priceFen: 49_000_000, closesOn: '2028-05-06' });
  });
});
