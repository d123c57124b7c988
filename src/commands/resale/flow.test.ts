import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { DbHandle } from '../../db/client.js';
import { TEST_DB_KINDS, openTestDbOf } from '../../db/testing.js';
import { auditLog, contracts, maintenanceFundEntries, projects, resaleOffers, selections, titles, units } from '../../db/schema.js';
import { extractText, hasPdftotext } from '../../documents/pdf-inspect.js';
import { contractPdf, generateContract, signContract } from '../contracts/index.js';
import { refusal } from '../contracts/testing.js';
import { rollingSelect } from '../selection/rolling.js';
import { fundBalance, recordDelivery } from '../titles/index.js';
import { approveResale, collectResaleFund, recordRenovation, registerResaleTitle } from './index.js';
import { rmbFigures } from '../../documents/contract-money.js';
import { boughtBackThroughBuyback } from './testing.js';

const RENOVATION_FEN = 3_000_000;

describe.each(TEST_DB_KINDS)('第三十条 the whole resale of a bought-back unit on %s', (kind) => {
  let h: DbHandle;
  let w: Awaited<ReturnType<typeof boughtBackThroughBuyback>>;
  beforeAll(async () => {
    h = await openTestDbOf(kind);
    w = await boughtBackThroughBuyback(h);
    // Every round is over and the sale has ended; the resale puts the project back into its rolling sale.
    await h.db.update(projects).set({ status: 'ended' }).where(eq(projects.id, w.project.id));
  });
  afterAll(() => h.close());

  it('第三十条: renovation → approval (refused below the floor) → a waiting family buys in the rolling sale → contract with the fund due → title origin resale → the deposit equals the refund at buyback', async () => {
    const unitId = w.offer.unitId;
    await recordRenovation(w.staff, { unitId, costFen: RENOVATION_FEN, completedOn: '2028-04-10', evidence: [{ kind: 'document', ref: '修缮验收单 XS-2028-001' }] });

    expect(w.offer).toMatchObject({ status: 'renovating', buybackPriceFen: w.buybackPriceFen, maintenanceFundDueFen: 1_080_000 });
    const floor = w.buybackPriceFen + RENOVATION_FEN;
    const low = await refusal(approveResale(w.staff, { offerId: w.offer.id, priceFen: floor - 1 }));
    expect([low.http, low.code, low.field, low.details]).toEqual([400, 'RESALE_PRICE_BELOW_FLOOR', 'priceFen', { floorFen: floor }]);
    expect(low.message_zh).toContain(rmbFigures(floor));
    expect((await h.db.select().from(units).where(eq(units.id, unitId)))[0]!.status).toBe('bought_back');

    const priceFen = floor + 440_000;
    const approved = await approveResale(w.staff, { offerId: w.offer.id, priceFen });
    expect(approved).toMatchObject({ status: 'approved', floorFen: floor, priceFen });
    const [unit] = await h.db.select().from(units).where(eq(units.id, unitId));
    expect(unit).toMatchObject({ status: 'available', priceFen, resaleOfferId: w.offer.id, offeredOn: '2028-04-10' });
    expect((await h.db.select().from(projects).where(eq(projects.id, w.project.id)))[0]!.status).toBe('rolling');
    expect((await h.db.select().from(auditLog).where(eq(auditLog.action, 'selection.rolling.reopen'))).length).toBe(1);
    // The former owner's signed selection no longer holds the unit.
    expect((await h.db.select().from(selections).where(and(eq(selections.unitId, unitId), eq(selections.status, 'signed')))).length).toBe(0);

    // A waiting family (family 3, admitted, no unit) takes it in the rolling sale (第十六条).
    const buyer = w.ctxAs(w.families[3]!.actor);
    const sel = await rollingSelect(buyer, { unitId });
    const c = await generateContract(buyer, { selectionId: sel.id, loanType: 'provident_fund', downPaymentFen: Math.ceil(priceFen * 0.2) });
    const [row] = await h.db.select().from(contracts).where(eq(contracts.id, c.id));
    expect(row!.maintenanceFundDueFen).toBe(w.refundedFen);
    const pdf = await contractPdf(buyer, { contractId: c.id });
    if (hasPdftotext()) {
      const text = extractText(pdf.pdf).replace(/\s+/g, '');
      expect(text).toContain('回购时退还的维修资金数额缴存房屋专项维修资金¥10,800.00');
      expect(text).toContain('第三十条');
    }

    await signContract(buyer, { contractId: c.id });
    expect((await h.db.select().from(resaleOffers).where(eq(resaleOffers.id, w.offer.id)))[0]).toMatchObject({ status: 'sold', contractId: c.id });
    expect((await h.db.select().from(units).where(eq(units.id, unitId)))[0]!.status).toBe('sold');

    // No title before delivery (第十八条).
    const early = await refusal(registerResaleTitle(w.staff, { offerId: w.offer.id, certificateNo: '鲁(2028)济南市不动产权第3000001号', issuedOn: '2028-04-10' }));
    expect(early.code).toBe('NOT_DELIVERED');
    w.clock.set('2028-05-01');
    await recordDelivery(w.implementerCtx, { contractId: c.id, deliveredOn: '2028-04-20' });
    const title = await registerResaleTitle(w.staff, { offerId: w.offer.id, certificateNo: '鲁(2028)济南市不动产权第3000001号', issuedOn: '2028-04-25' });
    expect(title).toMatchObject({ origin: 'resale', contractId: c.id, nature: '配售型保障性住房', landNature: '划拨' });
    const [gov] = await h.db.select().from(titles).where(eq(titles.supersededBy, title.id));
    expect([gov!.origin, gov!.holderKind]).toEqual(['buyback', 'government']);

    const fund = await collectResaleFund(w.staff, { unitId, paidOn: '2028-04-26', reference: 'WX-RS-0001' });
    expect(fund).toMatchObject({ amountFen: w.refundedFen, posted: true });
    const again = await collectResaleFund(w.staff, { unitId, paidOn: '2028-04-26', reference: 'WX-RS-0001' });
    expect(again.posted).toBe(false);
    const other = await refusal(collectResaleFund(w.staff, { unitId, paidOn: '2028-04-26', reference: 'WX-RS-0002' }));
    expect([other.code, other.field]).toEqual(['RESALE_FUND_PAID', 'reference']);
    const deposits = await h.db.select().from(maintenanceFundEntries)
      .where(and(eq(maintenanceFundEntries.titleId, title.id), eq(maintenanceFundEntries.kind, 'deposit')));
    const refunds = await h.db.select().from(maintenanceFundEntries)
      .where(and(eq(maintenanceFundEntries.accountId, w.owned[0]!.fundAccountId), eq(maintenanceFundEntries.kind, 'refund')));
    expect(deposits.map((d) => d.amountFen)).toEqual(refunds.map((r) => r.amountFen));
    expect((await h.db.transaction((tx) => fundBalance(tx, unitId)))!.balanceFen).toBe(1_080_000);
  });

  it('第十四条: both contracts of the unit re-render to the bytes signed: the first sale without the resale clauses, the resale with them', async () => {
    const first = await contractPdf(w.auditor, { contractId: w.owned[0]!.contractId });
    expect(first.matchesSigned).toBe(true);
    const [resold] = await h.db.select().from(resaleOffers).where(eq(resaleOffers.id, w.offer.id));
    const second = await contractPdf(w.auditor, { contractId: resold!.contractId! });
    expect(second.matchesSigned).toBe(true);
    expect(second.sha256).not.toBe(first.sha256);
  });
});
