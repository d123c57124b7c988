/**
 * 第十一条 with 第九条 and 第三十一条: a family that leaves the waiting list also leaves every
 * project's lottery list, and its 认购金 is refunded at once (not at the end of the sale).
 */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { TEST_DB_KINDS, openTestDbOf } from '../../db/testing.js';
import { contracts, registrations, selections, units } from '../../db/schema.js';
import { generateContract } from '../contracts/index.js';
import { holdUnit } from '../contracts/testing.js';
import { approveApplication, cancelQualification, saveDraft, submitApplication, withdrawApplication } from '../applications/index.js';
import { agreeingRecords, familyForm, idFor } from '../applications/fixtures.js';
import { saleWorld, type SaleWorld } from '../sale/testing.js';
import { depositBalance } from '../deposits/ledger.js';
import type { SimulatedBank } from '../../payments/index.js';
import { handlePaymentCallback, registerForProject, startPayment } from './index.js';
import { anotherProject, registerAndPay, worldBank } from './testing.js';

/** family1 of the world, admitted through the real commands (the sale world's families have no forms). */
async function admittedFamily1(w: SaleWorld): Promise<string> {
  const form = familyForm({ applicant: idFor('1990-03-15', '011'), spouse: idFor('1991-07-02', '022') });
  for (const [id, p] of Object.entries(agreeingRecords(form))) w.provider.put(id, p);
  const d = await saveDraft(w.ctx('family1'), { form });
  await submitApplication(w.ctx('family1'), { applicationId: d.id });
  await approveApplication(w.ctx('lixia'), { applicationId: d.id, note: '符合条件' });
  return d.id;
}

async function payAsFamily1(w: SaleWorld, bank: SimulatedBank, projectId: string): Promise<string> {
  const ctx = w.ctx('family1');
  const reg = await registerForProject(ctx, { projectId });
  const order = await startPayment(ctx, bank, { registrationId: reg.id });
  const [cb] = bank.pay(order.orderNo);
  await handlePaymentCallback(w.ctxAs({ accountId: '', role: 'public' }), bank, { rawBody: cb!.rawBody, signature: cb!.signature });
  return reg.id;
}

describe.each(TEST_DB_KINDS)('leaving the waiting list closes registrations on %s', (kind) => {
  it('第三十一条: a cancelled qualification closes both projects’ registrations and refunds both 认购金', async () => {
    const h = await openTestDbOf(kind);
    try {
      const w = await saleWorld(h, { families: 2 });
      const bank = worldBank(w);
      const other = await anotherProject(h, w);
      const appId = await admittedFamily1(w);
      const a = await payAsFamily1(w, bank, w.project.id);
      const b = await payAsFamily1(w, bank, other.project.id);
      const untouched = await registerAndPay(w, bank, 1);
      await cancelQualification(w.ctx('lixia'), { applicationId: appId, reason: '隐瞒名下住房骗取资格', evidence: [{ description: '不动产登记记录' }] });
      for (const id of [a, b]) {
        const [row] = await h.db.select().from(registrations).where(eq(registrations.id, id));
        expect(row!.status).toBe('closed');
        expect(row!.closedReason).toContain('第三十一条');
        await h.db.transaction(async (tx) => expect(await depositBalance(tx, id)).toMatchObject({ paid: 2_000_000 + (id === b ? -500_000 : 0), held: 0 }));
      }
      const [kept] = await h.db.select().from(registrations).where(eq(registrations.id, untouched.registrationId));
      expect(kept!.status).toBe('registered');
    } finally {
      await h.close();
    }
  });

  it('第九条: a family that withdraws from the waiting list has its registration closed and its 认购金 refunded', async () => {
    const h = await openTestDbOf(kind);
    try {
      const w = await saleWorld(h, { families: 0 });
      const appId = await admittedFamily1(w);
      const id = await payAsFamily1(w, worldBank(w), w.project.id);
      await withdrawApplication(w.ctx('family1'), { applicationId: appId, reason: '已购买商品房' });
      const [row] = await h.db.select().from(registrations).where(eq(registrations.id, id));
      expect(row!.status).toBe('closed');
      await h.db.transaction(async (tx) => expect(await depositBalance(tx, id)).toMatchObject({ paid: 2_000_000, refunded: 2_000_000, held: 0 }));
    } finally {
      await h.close();
    }
  });

  it('第九条 with 第十一条: a family that withdraws while holding a chosen, unsigned unit gives it up at once, and its drawn-up contract lapses', async () => {
    const h = await openTestDbOf(kind);
    try {
      const w = await saleWorld(h, { families: 0 });
      const appId = await admittedFamily1(w);
      const regId = await payAsFamily1(w, worldBank(w), w.project.id);
      const fam = w.families.length;
      w.families.push({ actor: w.actors.family1, applicationId: appId, regCode: '' });
      const sel = await holdUnit(h, w, fam, w.unitIds[0]!, regId);
      const c = await generateContract(w.ctx('family1'), { selectionId: sel.id, loanType: 'none', downPaymentFen: 72_000_000 });
      await withdrawApplication(w.ctx('family1'), { applicationId: appId, reason: '已购买商品房' });
      const [s] = await h.db.select().from(selections).where(eq(selections.id, sel.id));
      expect(s).toMatchObject({ status: 'released' });
      expect(s!.releaseReason).toContain('撤回轮候申请');
      expect((await h.db.select().from(units).where(eq(units.id, w.unitIds[0]!)))[0]!.status).toBe('available');
      expect((await h.db.select().from(contracts).where(eq(contracts.id, c.id)))[0]!.status).toBe('lapsed');
    } finally {
      await h.close();
    }
  });
});
