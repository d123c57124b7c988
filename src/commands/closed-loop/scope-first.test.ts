/**
 * Access before the body's days (第十九、二十四、二十八、三十条): staff of another district who send a
 * bad date to a closed-loop command are told 403 — the unit is not theirs — and not 400, which would
 * tell them about a unit they may not act on; the project's own staff get the 400. Nothing changes
 * either way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/client.js';
import { TEST_DB_KINDS, openTestDbOf } from '../../db/testing.js';
import { auditLog, buybackContracts, exitApplications, maintenanceFundEntries, resaleOffers, transferOffers } from '../../db/schema.js';
import { generateBuybackContract } from '../buybacks/index.js';
import { acceptedBuyback, BUYBACK_DAY } from '../buybacks/testing.js';
import { refusal } from '../contracts/testing.js';
import { collectResaleFund, recordRenovation } from '../resale/index.js';
import { recordFundDeposit } from '../titles/index.js';
import { openTransferOffer } from '../transfers/index.js';
import { ownedWorld, type OwnedWorld } from './testing.js';

describe.each(TEST_DB_KINDS)('closed-loop commands check access before the body\'s days on %s', (kind) => {
  let h: DbHandle;
  let w: OwnedWorld;
  let exitId: string;
  beforeAll(async () => {
    h = await openTestDbOf(kind, { poolSize: 4 });
    w = await ownedWorld(h, { owners: 1 });
    w.clock.set(BUYBACK_DAY);
    exitId = (await acceptedBuyback(h, w, 0)).id;
  });
  afterAll(() => h.close());

  const snapshot = async () => ({
    audit: (await h.db.select().from(auditLog)).length,
    fund: (await h.db.select().from(maintenanceFundEntries)).length,
    transfers: await h.db.select().from(transferOffers),
    buybacks: await h.db.select().from(buybackContracts),
    resale: await h.db.select().from(resaleOffers),
    exits: await h.db.select().from(exitApplications),
  });

  it('第十九、二十四、二十八、三十条: another district\'s staff with a bad date get 403 from all five commands; the project\'s staff get 400 naming the field; nothing changes', async () => {
    const unitId = w.owned[0]!.unitId;
    const licheng = w.ctxAs(w.actors.licheng);
    const before = await snapshot();
    const calls = [
      { field: 'occurredOn', run: (c: typeof w.staff) => recordFundDeposit(c, { unitId, amountFen: 100, occurredOn: '2099-01-01', reference: '缴存-1', memo: '补缴' }) },
      { field: 'opensOn', run: (c: typeof w.staff) => openTransferOffer(c, { exitId, priceFen: 100, opensOn: '2020-01-01' }) },
      { field: 'completedOn', run: (c: typeof w.staff) => recordRenovation(c, { unitId, costFen: 0, completedOn: '2099-01-01', evidence: [{ kind: 'document', ref: '验收-1' }] }) },
      { field: 'paidOn', run: (c: typeof w.staff) => collectResaleFund(c, { unitId, paidOn: '2099-01-01', reference: '缴款-1' }) },
      { field: 'vacateByOn', run: (c: typeof w.staff) => generateBuybackContract(c, { exitId, outstandingLoanFen: 0, vacateByOn: '2020-01-01' }) },
    ];
    for (const call of calls) {
      expect(await refusal(call.run(licheng)), call.field).toMatchObject({ http: 403 });
      expect(await refusal(call.run(w.staff)), call.field).toMatchObject({ http: 400, field: call.field });
    }
    expect(await snapshot()).toEqual(before);
  });
});
