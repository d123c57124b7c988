/**
 * The resale list (第三十条 with 第十八、十九条): it says whether the resale buyer's title is
 * registered and whether the buyer's maintenance-fund deposit is posted, so the page offers the
 * collection only while it is due.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DbHandle } from '../../db/client.js';
import { TEST_DB_KINDS, openTestDbOf } from '../../db/testing.js';
import { projects } from '../../db/schema.js';
import { generateContract, signContract } from '../contracts/index.js';
import { rollingSelect } from '../selection/rolling.js';
import { recordDelivery } from '../titles/index.js';
import { approveResale, collectResaleFund, listResaleOffers, recordRenovation, registerResaleTitle } from './index.js';
import { boughtBackThroughBuyback } from './testing.js';

describe.each(TEST_DB_KINDS)('第三十条 the resale list on %s', (kind) => {
  let h: DbHandle;
  let w: Awaited<ReturnType<typeof boughtBackThroughBuyback>>;
  beforeAll(async () => {
    h = await openTestDbOf(kind);
    w = await boughtBackThroughBuyback(h);
    await h.db.update(projects).set({ status: 'ended' }).where(eq(projects.id, w.project.id));
  });
  afterAll(() => h.close());

  const mine = async () => (await listResaleOffers(w.staff)).find((o) => o.id === w.offer.id)!;
  const nothingYet = { titleIssuedOn: null, fundCollectedFen: null, fundCollectedOn: null, fundReference: null };

  it('第三十条: neither title nor deposit before the sale; after the title, the title day and still no deposit; after the deposit, its amount, day and voucher', async () => {
    const unitId = w.offer.unitId;
    expect(await mine()).toMatchObject({ status: 'renovating', ...nothingYet });
    await recordRenovation(w.staff, { unitId, costFen: 1_000_000, completedOn: '2028-04-10', evidence: [{ kind: 'document', ref: '修缮验收单 LS-1' }] });
    const priceFen = w.buybackPriceFen + 1_000_000;
    await approveResale(w.staff, { offerId: w.offer.id, priceFen });
    const buyer = w.ctxAs(w.families[3]!.actor);
    const sel = await rollingSelect(buyer, { unitId });
    const c = await generateContract(buyer, { selectionId: sel.id, loanType: 'provident_fund', downPaymentFen: Math.ceil(priceFen * 0.2) });
    await signContract(buyer, { contractId: c.id });
    expect(await mine()).toMatchObject({ status: 'sold', contractNo: c.contractNo, ...nothingYet });

    w.clock.set('2028-05-01');
    await recordDelivery(w.implementerCtx, { contractId: c.id, deliveredOn: '2028-04-20' });
    await registerResaleTitle(w.staff, { offerId: w.offer.id, certificateNo: '鲁(2028)济南市不动产权第3100001号', issuedOn: '2028-04-25' });
    expect(await mine()).toMatchObject({ titleIssuedOn: '2028-04-25', fundCollectedFen: null, fundCollectedOn: null, fundReference: null });

    await collectResaleFund(w.staff, { unitId, paidOn: '2028-04-26', reference: 'WX-LS-0001' });
    expect(await mine()).toMatchObject({ titleIssuedOn: '2028-04-25', fundCollectedFen: w.refundedFen, fundCollectedOn: '2028-04-26', fundReference: 'WX-LS-0001' });
    // The first sale's deposit on the same account is not the resale buyer's.
    expect((await listResaleOffers(w.auditor)).filter((o) => o.id === w.offer.id)).toHaveLength(1);
  });
});
