import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DbHandle } from '../../db/client.js';
import { TEST_DB_KINDS, openTestDbOf } from '../../db/testing.js';
import { auditLog, contracts, notifications, units } from '../../db/schema.js';
import { param } from '../../params/load.js';
import { mulRate } from '../../rules/core/money.js';
import { saleWorld, type SaleWorld } from '../sale/testing.js';
import { generateContract } from './index.js';
import { familyHolding, holdUnit, refusal } from './testing.js';

const PRICE = 72_000_000; // 90 m² × ¥8,000.00, coefficient 1

describe.each(TEST_DB_KINDS)('第十三条 down payment and drawing up the contract (第十四条) on %s', (kind) => {
  let h: DbHandle;
  let w: SaleWorld;
  let selectionId: string;
  beforeAll(async () => {
    h = await openTestDbOf(kind);
    w = await saleWorld(h, { units: 8, families: 4 });
    selectionId = (await familyHolding(h, w, 0)).sel.id;
  });
  afterAll(() => h.close());
  const fam = (i: number) => w.ctxAs(w.families[i]!.actor);

  it('第十三条: a provident-fund loan with exactly 15% down passes; one fen less is refused naming downPaymentFen with the minimum in both languages', async () => {
    const e = await refusal(generateContract(fam(0), { selectionId, loanType: 'provident_fund', downPaymentFen: 10_799_999 }));
    expect(e).toMatchObject({ code: 'DOWN_PAYMENT_TOO_LOW', http: 400, field: 'downPaymentFen', details: { minimumFen: 10_800_000, ratio: '0.15' } });
    expect(e.message_zh).toContain('¥108,000.00');
    expect(e.message_zh).toContain('15%');
    expect(e.message_en).toContain('10800000');
    expect(await h.db.select().from(contracts)).toHaveLength(0);

    const c = await generateContract(fam(0), { selectionId, loanType: 'provident_fund', downPaymentFen: 10_800_000 });
    expect(c).toMatchObject({ status: 'generated', priceFen: PRICE, downPaymentFen: 10_800_000, loanFen: PRICE - 10_800_000, minimumDownPaymentFen: 10_800_000 });
    expect(c.contractNo).toMatch(/^济配售合〔2026〕\d{6}号$/);
    // The plan gives 7 days from the choice of the unit on 2026-03-02.
    expect(c.deadlineOn).toBe('2026-03-09');
    const [row] = await h.db.select().from(contracts).where(eq(contracts.id, c.id));
    const check = row!.downPaymentCheck as { value: { ok: boolean }; trace: { article: string }[]; asOf: string };
    expect(check.value.ok).toBe(true);
    expect(check.asOf).toBe('2026-03-02');
    expect(check.trace.some((s) => s.article === '第十三条')).toBe(true);
    expect(await h.db.select().from(notifications).where(eq(notifications.template, 'contract_generated'))).toHaveLength(2);
  });

  it('第十三条: the commercial floor is the parameter housing.sale.down_payment_min_ratio_commercial on the day', async () => {
    const ratio = param<string>('housing.sale.down_payment_min_ratio_commercial', '2026-03-02').value;
    const minimum = mulRate(PRICE, ratio, 'up');
    const e = await refusal(generateContract(fam(0), { selectionId, loanType: 'commercial', downPaymentFen: minimum - 1 }));
    expect(e.details).toMatchObject({ minimumFen: minimum, ratio });
    const c = await generateContract(fam(0), { selectionId, loanType: 'commercial', downPaymentFen: minimum });
    expect(c).toMatchObject({ loanType: 'commercial', downPaymentFen: minimum, minimumDownPaymentFen: minimum });
  });

  it('第十三条: without a loan the down payment is the whole price; a fen less is refused, more than the price is refused', async () => {
    const e = await refusal(generateContract(fam(0), { selectionId, loanType: 'none', downPaymentFen: PRICE - 1 }));
    expect(e).toMatchObject({ field: 'downPaymentFen', details: { minimumFen: PRICE, ratio: '1' } });
    expect(e.message_zh).toContain('100%');
    const over = await refusal(generateContract(fam(0), { selectionId, loanType: 'commercial', downPaymentFen: PRICE + 1 }));
    expect(over).toMatchObject({ http: 400, field: 'downPaymentFen' });
    const c = await generateContract(fam(0), { selectionId, loanType: 'none', downPaymentFen: PRICE });
    expect(c).toMatchObject({ loanType: 'none', downPaymentFen: PRICE, loanFen: 0 });
  });

  it('drawing up again before signing replaces the terms in the same contract: same number and deadline; the same terms again change nothing', async () => {
    const rows = await h.db.select().from(contracts);
    expect(rows).toHaveLength(1); // the three cases above redrew one contract
    const before = rows[0]!;
    const again = await generateContract(fam(0), { selectionId, loanType: 'provident_fund', downPaymentFen: 20_000_000 });
    expect(again).toMatchObject({ id: before.id, contractNo: before.contractNo, deadlineOn: before.deadlineOn, loanType: 'provident_fund', loanFen: PRICE - 20_000_000 });
    const audits = async () => (await h.db.select().from(auditLog)).filter((a) => a.action.startsWith('contract.')).length;
    const n = await audits();
    const retry = await generateContract(fam(0), { selectionId, loanType: 'provident_fund', downPaymentFen: 20_000_000 });
    expect(retry.id).toBe(before.id);
    expect(await audits()).toBe(n);
    expect((await h.db.select().from(auditLog)).filter((a) => a.action === 'contract.regenerate').length).toBeGreaterThanOrEqual(3);
  });

  it('the down payment cannot be below the 认购金 already paid, which it includes (第十一条)', async () => {
    const { sel } = await familyHolding(h, w, 3, 3);
    // A price whose 15% is below the ¥20,000 deposit needs a cheap unit: reprice this one in the fixture.
    await h.db.update(units).set({ priceFen: 10_000_000 }).where(eq(units.id, sel.unitId));
    const e = await refusal(generateContract(fam(3), { selectionId: sel.id, loanType: 'provident_fund', downPaymentFen: 1_500_000 }));
    expect(e).toMatchObject({ http: 400, field: 'downPaymentFen' });
    expect(e.message_zh).toContain('¥20,000.00');
  });

  it('another family cannot draw up the contract (404); a bad loan type or amount is refused naming the field', async () => {
    expect(await refusal(generateContract(fam(1), { selectionId, loanType: 'none', downPaymentFen: PRICE }))).toMatchObject({ http: 404 });
    expect(await refusal(generateContract(fam(0), { selectionId, loanType: 'gift' as never, downPaymentFen: PRICE }))).toMatchObject({ http: 400, field: 'loanType' });
    expect(await refusal(generateContract(fam(0), { selectionId, loanType: 'none', downPaymentFen: 1.5 }))).toMatchObject({ http: 400, field: 'downPaymentFen' });
    expect(await refusal(generateContract(w.implementerCtx, { selectionId, loanType: 'none', downPaymentFen: PRICE }))).toMatchObject({ http: 403 });
  });

  it('after the signing period (inclusive) nothing can be drawn up; a rolling-sale selection takes its period from the parameter', async () => {
    const rolling = await holdUnit(h, w, 2, w.unitIds[2]!, null);
    const c = await generateContract(fam(2), { selectionId: rolling.id, loanType: 'commercial', downPaymentFen: 20_000_000 });
    const days = param<number>('housing.contract.rolling_contract_deadline_days', '2026-03-02').value;
    expect(c.deadlineOn).toBe(new Date(Date.parse('2026-03-02T00:00:00Z') + days * 86_400_000).toISOString().slice(0, 10));
    const late = await holdUnit(h, w, 1, w.unitIds[1]!, null, new Date('2026-02-20T02:00:00Z'));
    const e = await refusal(generateContract(fam(1), { selectionId: late.id, loanType: 'none', downPaymentFen: PRICE }));
    expect(e).toMatchObject({ code: 'CONTRACT_DEADLINE_PASSED', http: 409, details: { deadline: '2026-02-27' } });
  });
});
