/**
 * 第十一条 over a whole scripted sale: payments, a double payment, a withdrawal, a signing that
 * closes the family's registration elsewhere, the end of the sale. After every step the 认购金
 * reconciles to the fen: paid = credited + refunded + held, and held equals what the
 * registrations themselves say is held.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/client.js';
import { TEST_DB_KINDS, openTestDbOf } from '../../db/testing.js';
import { accounts, auditLog, projects, registrations, selections } from '../../db/schema.js';
import { settleRefunds } from '../../jobs/refunds.js';
import { postDeposit } from '../deposits/ledger.js';
import { saleWorld, type SaleWorld } from '../sale/testing.js';
import { closeOtherRegistrations, endSale, handlePaymentCallback, reconcile, registerForProject, startPayment, withdrawRegistration } from './index.js';
import { anotherProject, emptyDb, registerAndPay, worldBank } from './testing.js';

describe.each(TEST_DB_KINDS)('reconciliation of a sale (第十一条) on %s', (kind) => {
  let h: DbHandle; let w: SaleWorld;
  beforeAll(async () => {
    h = await openTestDbOf(kind);
    await emptyDb(h);
    w = await saleWorld(h, { families: 4 });
  });
  afterAll(() => h?.close());

  const balancedNow = async () => {
    const r = await reconcile(w.implementerCtx, w.project.id);
    expect(r.paid).toBe(r.credited + r.refunded + r.held);
    expect(r.held).toBe(r.heldByRegistrations);
    expect(r.balanced).toBe(true);
    return r;
  };

  it('a scripted sale balances at every step and ends with nothing held', async () => {
    const bank = worldBank(w);
    const fam = (i: number) => w.ctxAs(w.families[i]!.actor);
    const other = await anotherProject(h, w);
    // Family 0 pays here and in the other project (第十一条: several projects at once).
    const f0 = await registerAndPay(w, bank, 0);
    const f0b = await registerAndPay(w, bank, 0, other.project.id);
    // Family 1 pays twice; family 2 pays then withdraws; family 3 registers and never pays.
    const r1 = await registerForProject(fam(1), { projectId: w.project.id });
    const o1 = await startPayment(fam(1), bank, { registrationId: r1.id });
    for (const cb of bank.pay(o1.orderNo, { times: 2 })) await handlePaymentCallback(w.ctxAs({ accountId: '', role: 'public' }), bank, { rawBody: cb.rawBody, signature: cb.signature });
    const f2 = await registerAndPay(w, bank, 2);
    await withdrawRegistration(fam(2), { registrationId: f2.registrationId });
    const r3 = await registerForProject(fam(3), { projectId: w.project.id });
    let r = await balancedNow();
    expect(r).toMatchObject({ paid: 8_000_000, credited: 0, refunded: 4_000_000, held: 4_000_000, heldByRegistrations: 4_000_000 });

    // Family 0 signs here (as the contract module does): credit, registration signed, the other project's registration closed.
    await h.db.transaction(async (tx) => {
      await postDeposit(tx, { projectId: w.project.id, registrationId: f0.registrationId, kind: 'credited', amountFen: 2_000_000, reference: '济配售合〔2026〕000001号', reason: '认购金折抵购房款', at: w.clock.now() });
      await tx.update(registrations).set({ status: 'signed' }).where(eq(registrations.id, f0.registrationId));
      const closed = await closeOtherRegistrations(tx, w.implementerCtx, w.families[0]!.applicationId, f0.registrationId, '已在泉城安居·历下苑签约（第十一条：自主选择购买1套住房）');
      expect(closed).toEqual({ closed: 1, refundedFen: 1_500_000 });
      // Retry-safe: a second call closes nothing more.
      expect(await closeOtherRegistrations(tx, w.implementerCtx, w.families[0]!.applicationId, f0.registrationId, 'again')).toEqual({ closed: 0, refundedFen: 0 });
    });
    const elsewhere = await reconcile(w.implementerCtx, other.project.id);
    expect(elsewhere).toMatchObject({ paid: 1_500_000, refunded: 1_500_000, held: 0, heldByRegistrations: 0, balanced: true });
    expect(elsewhere.rows[0]).toMatchObject({ regNo: f0b.regNo, status: 'closed', held: 0, ok: true });
    r = await balancedNow();
    expect(r).toMatchObject({ credited: 2_000_000, held: 2_000_000 });

    // A live selection stops the end of the sale; once released the sale ends.
    const [sel] = await h.db.insert(selections).values({ projectId: w.project.id, unitId: w.unitIds[0]!, applicationId: w.families[1]!.applicationId, registrationId: r1.id, lockedAt: w.clock.now() }).returning();
    await expect(endSale(w.implementerCtx, { projectId: w.project.id })).rejects.toMatchObject({ code: 'SALE_IN_PROGRESS', http: 409 });
    await h.db.update(selections).set({ status: 'released', releasedAt: w.clock.now(), releaseReason: 'test' }).where(eq(selections.id, sel!.id));

    await expect(endSale(w.ctxAs(w.actors.licheng), { projectId: w.project.id })).rejects.toMatchObject({ http: 403 });
    await expect(endSale(w.ctxAs(w.actors.auditor), { projectId: w.project.id })).rejects.toMatchObject({ http: 403 });
    const ended = await endSale(w.ctxAs(w.actors.lixia), { projectId: w.project.id });
    expect(ended).toEqual({ projectId: w.project.id, status: 'ended', refunded: 1, refundedFen: 2_000_000, closedUnpaid: 1, alreadyEnded: false });
    expect(await endSale(w.implementerCtx, { projectId: w.project.id })).toMatchObject({ alreadyEnded: true, refunded: 0 });
    const [p] = await h.db.select().from(projects).where(eq(projects.id, w.project.id));
    expect(p).toMatchObject({ status: 'ended', saleEndedOn: '2026-03-02' });
    expect((await h.db.select().from(auditLog).where(eq(auditLog.action, 'sale.end')))).toHaveLength(1);

    r = await balancedNow();
    expect(r).toMatchObject({ paid: 8_000_000, credited: 2_000_000, refunded: 6_000_000, held: 0, heldByRegistrations: 0 });
    expect(Object.fromEntries(r.rows.map((x) => [x.regNo, x.status]))).toEqual({
      [f0.regNo]: 'signed', [r1.regNo]: 'refunded', [f2.regNo]: 'withdrawn', [r3.regNo]: 'closed',
    });
    expect(r.refundsInFlight).toEqual({ count: 3, amountFen: 6_000_000 });
    await settleRefunds({ ...w.deps, gateway: bank });
    expect((await balancedNow()).refundsInFlight).toEqual({ count: 0, amountFen: 0 });
    expect(bank.balanceFen).toBe(2_000_000); // only the credited 认购金 stays with the seller's account
  });

  it('the check can fail: a registration marked registered without money shows the gap', async () => {
    const [row] = await h.db.select().from(registrations).where(and(eq(registrations.status, 'closed'), eq(registrations.projectId, w.project.id))).limit(1);
    await h.db.update(registrations).set({ status: 'registered' }).where(eq(registrations.id, row!.id));
    const r = await reconcile(w.ctxAs(w.actors.auditor), w.project.id);
    expect(r.balanced).toBe(false);
    expect(r.heldByRegistrations - r.held).toBe(row!.depositFen);
    expect(r.rows.find((x) => x.registrationId === row!.id)).toMatchObject({ ok: false, held: 0, expectedHeld: row!.depositFen });
    await h.db.update(registrations).set({ status: 'closed' }).where(eq(registrations.id, row!.id));
  });

  it('another implementer sees no such project; a family cannot read the reconciliation', async () => {
    const id = randomUUID();
    await h.db.insert(accounts).values({ id, username: 'implementer2', role: 'implementer', passwordHash: 'x', displayName: '另一实施主体' });
    await expect(reconcile(w.ctxAs({ accountId: id, role: 'implementer' }), w.project.id)).rejects.toMatchObject({ http: 404 });
    await expect(reconcile(w.ctxAs(w.families[0]!.actor), w.project.id)).rejects.toMatchObject({ http: 403 });
  });
});
