import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DbHandle } from '../../db/client.js';
import { TEST_DB_KINDS, openTestDbOf } from '../../db/testing.js';
import { auditLog, contracts, notifications, registrations, selections, units } from '../../db/schema.js';
import { saleWorld, type SaleWorld } from '../sale/testing.js';
import { depositBalance } from '../deposits/ledger.js';
import { isDomainError } from '../errors.js';
import { generateContract, lapseUnsignedContracts, signContract } from './index.js';
import { familyHolding } from './testing.js';
import { JOBS } from '../../jobs/scheduler.js';

describe.each(TEST_DB_KINDS)('第十一条 an unsigned contract lapses and frees the unit on %s', (kind) => {
  let h: DbHandle;
  let w: SaleWorld;
  beforeAll(async () => {
    h = await openTestDbOf(kind);
    w = await saleWorld(h, { units: 4, families: 3 });
  });
  afterAll(() => h.close());
  const fam = (i: number) => w.ctxAs(w.families[i]!.actor);
  const unitStatus = async (id: string) => (await h.db.select().from(units).where(eq(units.id, id)))[0]!.status;

  it('on the deadline day nothing lapses; the day after, the contract lapses, the unit is available again and the 认购金 stays held until the sale ends', async () => {
    const { reg, sel } = await familyHolding(h, w, 0);
    const c = await generateContract(fam(0), { selectionId: sel.id, loanType: 'provident_fund', downPaymentFen: 10_800_000 });
    // Family 1 chose a unit but never drew up a contract: it is released on the same deadline.
    const bare = await familyHolding(h, w, 1);
    // Family 2 signs in time and is left alone.
    const kept = await familyHolding(h, w, 2);
    const k = await generateContract(fam(2), { selectionId: kept.sel.id, loanType: 'none', downPaymentFen: 72_000_000 });
    await signContract(fam(2), { contractId: k.id });

    w.clock.set(c.deadlineOn);
    expect(await lapseUnsignedContracts(w.deps)).toEqual({ lapsed: 0, released: 0 });
    expect(await unitStatus(sel.unitId)).toBe('reserved');

    w.clock.set('2026-03-10');
    expect(await lapseUnsignedContracts(w.deps)).toEqual({ lapsed: 1, released: 1 });
    expect((await h.db.select().from(contracts).where(eq(contracts.id, c.id)))[0]!.status).toBe('lapsed');
    const s = (await h.db.select().from(selections).where(eq(selections.id, sel.id)))[0]!;
    expect(s.status).toBe('released');
    expect(s.releaseReason).toContain(c.contractNo);
    expect(await unitStatus(sel.unitId)).toBe('available');
    expect(await unitStatus(bare.sel.unitId)).toBe('available');
    expect(await unitStatus(kept.sel.unitId)).toBe('sold');
    // 第十一条: 项目配售结束后 the unsigned family's 认购金 is returned; until then it stays held.
    expect((await h.db.select().from(registrations).where(eq(registrations.id, reg.id)))[0]!.status).toBe('registered');
    expect((await h.db.transaction((tx) => depositBalance(tx, reg.id))).held).toBe(2_000_000);

    expect((await h.db.select().from(notifications).where(eq(notifications.template, 'contract_lapsed'))).length).toBe(2);
    expect((await h.db.select().from(notifications).where(eq(notifications.template, 'selection_expired'))).length).toBe(2);
    const audit = await h.db.select().from(auditLog).where(eq(auditLog.action, 'contract.lapse'));
    expect(audit.map((a) => a.actorRole)).toEqual(['system']);
  });

  it('running the scheduled job again changes nothing; a lapsed contract can be neither signed nor drawn up again', async () => {
    expect(await JOBS['contracts-lapse'].run(w.deps)).toEqual({ lapsed: 0, released: 0 });
    const [c] = await h.db.select().from(contracts).where(eq(contracts.status, 'lapsed'));
    const e = await signContract(fam(0), { contractId: c!.id }).catch((x: unknown) => x);
    expect(isDomainError(e) && e.http).toBe(409);
    const g = await generateContract(fam(0), { selectionId: c!.selectionId, loanType: 'none', downPaymentFen: 72_000_000 }).catch((x: unknown) => x);
    expect(isDomainError(g) && g.http).toBe(409);
  });
});
