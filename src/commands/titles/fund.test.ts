import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DbHandle } from '../../db/client.js';
import { TEST_DB_KINDS, openTestDbOf } from '../../db/testing.js';
import { contracts, maintenanceFundEntries } from '../../db/schema.js';
import { ownedWorld, type OwnedWorld } from '../closed-loop/testing.js';
import { refusal } from '../contracts/testing.js';
import { fundBalance, openFundAccount, postFundEntry, recordFundDeposit, registerTitle } from './index.js';
import { signedNotDelivered } from './testing.js';

describe.each(TEST_DB_KINDS)('第十九条 the maintenance fund on %s', (kind) => {
  let h: DbHandle;
  let w: OwnedWorld;
  let unitId: string;
  let contractNo: string;
  beforeAll(async () => {
    h = await openTestDbOf(kind);
    w = await ownedWorld(h, { owners: 1, families: 3, units: 4 });
    const s = await signedNotDelivered(h, w, 1);
    unitId = s.unitId;
    contractNo = s.contractNo;
    w.clock.set('2026-04-10');
    await h.db.update(contracts).set({ deliveredOn: '2026-04-01' }).where(eq(contracts.id, s.contractId));
  });
  afterAll(() => h.close());
  const open = { accountNo: 'WX370102900001', bank: '济南农商银行', openedOn: '2026-04-06', initialDepositFen: 1_080_000 };

  it('第十九条: an account is opened only for a titled unit, by staff', async () => {
    const e = await refusal(openFundAccount(w.staff, { unitId, ...open }));
    expect([e.http, e.code]).toEqual([409, 'NO_TITLE']);
    const s = (await h.db.select().from(contracts).where(eq(contracts.contractNo, contractNo)))[0]!;
    await registerTitle(w.staff, { unitId, contractId: s.id, certificateNo: 'C-F-1', issuedOn: '2026-04-05' });
    expect((await refusal(openFundAccount(w.implementerCtx, { unitId, ...open }))).http).toBe(403);
    expect((await refusal(openFundAccount(w.auditor, { unitId, ...open }))).http).toBe(403);
    const bad = await refusal(openFundAccount(w.staff, { unitId, ...open, initialDepositFen: 12.5 }));
    expect([bad.http, bad.field]).toEqual([400, 'initialDepositFen']);
  });

  it('第十九条: opening with the first deposit books it under the contract number; opening again is a retry; another account number is 409', async () => {
    const b = await openFundAccount(w.staff, { unitId, ...open });
    expect(b).toMatchObject({ accountNo: open.accountNo, bank: open.bank, depositsFen: 1_080_000, refundsFen: 0, balanceFen: 1_080_000 });
    expect(await openFundAccount(w.staff, { unitId, ...open })).toEqual(b);
    const entries = await h.db.select().from(maintenanceFundEntries).where(eq(maintenanceFundEntries.accountId, b.accountId));
    expect(entries.map((x) => [x.kind, x.amountFen, x.reference])).toEqual([['deposit', 1_080_000, contractNo]]);
    const other = await refusal(openFundAccount(w.staff, { unitId, ...open, accountNo: 'WX-OTHER' }));
    expect([other.http, other.code]).toEqual([409, 'FUND_ACCOUNT_EXISTS']);
  });

  it('a deposit is posted once per reference; a bad amount names amountFen', async () => {
    const d = { unitId, amountFen: 20_000, occurredOn: '2026-04-08', reference: 'BJ-001', memo: '补缴维修资金' };
    expect(await recordFundDeposit(w.staff, d)).toMatchObject({ posted: true, balanceFen: 1_100_000 });
    expect(await recordFundDeposit(w.staff, d)).toMatchObject({ posted: false, balanceFen: 1_100_000 });
    const bad = await refusal(recordFundDeposit(w.staff, { ...d, reference: 'BJ-002', amountFen: 0 }));
    expect([bad.http, bad.field]).toEqual([400, 'amountFen']);
    expect((await refusal(recordFundDeposit(w.ctxAs(w.actors.licheng), { ...d, reference: 'BJ-003' }))).http).toBe(403);
  });

  it('第二十九条 via postFundEntry: a refund above the balance is refused; two refunds at once cannot overdraw; a repeat returns false', async () => {
    const bal = (await h.db.transaction((tx) => fundBalance(tx, unitId)))!;
    const refund = (reference: string, amountFen: number) => h.db.transaction((tx) => postFundEntry(tx, {
      accountId: bal.accountId, kind: 'refund', amountFen, occurredOn: '2026-04-10', reference, memo: '回购退还', recordedBy: w.actors.lixia.accountId, at: w.clock.now(),
    }));
    const over = await refusal(refund('TC-0', bal.balanceFen + 1));
    expect([over.http, over.code, over.field]).toEqual([409, 'REFUND_EXCEEDS_BALANCE', 'amountFen']);
    const both = await Promise.allSettled([refund('TC-1', 700_000), refund('TC-2', 700_000)]);
    expect(both.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await refund('TC-1', 700_000).catch(() => refund('TC-2', 700_000))).toBe(false);
    expect(await h.db.transaction((tx) => fundBalance(tx, unitId))).toMatchObject({ depositsFen: 1_100_000, refundsFen: 700_000, balanceFen: 400_000 });
    expect(await h.db.transaction((tx) => fundBalance(tx, w.unitIds[3]!))).toBeNull();
  });
});
