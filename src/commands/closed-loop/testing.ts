/**
 * Test support for closed-loop management (第十八至三十一条): the sale world taken past the sale.
 * Families 0 … owners-1 each sign a contract for unit i through the real commands (第十一、十四条),
 * the unit is delivered, a title is registered (第十八条) and a maintenance-fund account holds a
 * deposit (第十九条). Titles and accounts are written directly, so that every closed-loop module
 * can test itself without waiting for the title commands; those are tested in src/commands/titles.
 */
import { eq } from 'drizzle-orm';
import type { DbHandle } from '../../db/client.js';
import { contracts, maintenanceFundAccounts, maintenanceFundEntries, titles } from '../../db/schema.js';
import { familyHolding, withApplicantName } from '../contracts/testing.js';
import { generateContract, signContract } from '../contracts/index.js';
import { saleWorld, type SaleWorld, type SaleWorldOptions } from '../sale/testing.js';

export type OwnedWorldOptions = SaleWorldOptions & {
  /** Families 0 … owners-1 buy unit 0 … owners-1. Default 2. */
  owners?: number;
  /** The title certificates' date (第二十四条 counts two years from it). Default 2026-03-20. */
  titleIssuedOn?: string;
  /** Per owner: the loan in the purchase contract (fen). Default: a provident-fund loan of 85%. */
  loanFen?: (i: number) => number;
  /** Maintenance fund deposited per unit (fen). Default 1,080,000 (90 m² × 120 yuan). */
  maintenanceFundFen?: number;
};

export const OWNED_PRICE_FEN = 72_000_000; // 90 m² × 8,000 yuan

/** One owned unit: the family, its contract, title and maintenance-fund account. */
export type Owned = { i: number; unitId: string; contractId: string; contractNo: string; titleId: string; certificateNo: string; fundAccountId: string };

/** Builds the sale world and takes `owners` families through signing, delivery, title and fund deposit. */
export async function ownedWorld(h: DbHandle, opts: OwnedWorldOptions = {}) {
  const w: SaleWorld = await saleWorld(h, { families: Math.max(opts.families ?? 4, opts.owners ?? 2), ...opts });
  const owners = opts.owners ?? 2;
  const issuedOn = opts.titleIssuedOn ?? '2026-03-20';
  const fundFen = opts.maintenanceFundFen ?? 1_080_000;
  const owned: Owned[] = [];
  for (let i = 0; i < owners; i++) {
    await withApplicantName(h, w, i, `业主${'甲乙丙丁戊己庚辛'[i % 8]}`);
    const { sel } = await familyHolding(h, w, i);
    const loanFen = opts.loanFen ? opts.loanFen(i) : OWNED_PRICE_FEN * 0.85;
    const fam = w.ctxAs(w.families[i]!.actor);
    const c = await generateContract(fam, {
      selectionId: sel.id, loanType: loanFen > 0 ? 'provident_fund' : 'none', downPaymentFen: OWNED_PRICE_FEN - loanFen,
    });
    await signContract(fam, { contractId: c.id });
    await h.db.update(contracts).set({ deliveredOn: '2026-03-15', deliveredBy: w.implementer.accountId }).where(eq(contracts.id, c.id));
    const certificateNo = `鲁(2026)济南市不动产权第${String(1_000_000 + i).padStart(7, '0')}号`;
    const [t] = await h.db.insert(titles).values({
      unitId: w.unitIds[i]!, certificateNo, holderKind: 'family', holderApplicationId: w.families[i]!.applicationId,
      holderMaskedName: `业*`, origin: 'first_sale', contractId: c.id, issuedOn, recordedBy: w.actors.lixia.accountId, recordedAt: w.clock.now(),
    }).returning();
    const [acct] = await h.db.insert(maintenanceFundAccounts).values({
      unitId: w.unitIds[i]!, accountNo: `WX370102${String(i + 1).padStart(6, '0')}`, bank: '济南农商银行', openedOn: '2026-03-15',
      recordedBy: w.actors.lixia.accountId, recordedAt: w.clock.now(),
    }).returning();
    await h.db.insert(maintenanceFundEntries).values({
      accountId: acct!.id, kind: 'deposit', amountFen: fundFen, occurredOn: '2026-03-15', reference: c.contractNo, titleId: t!.id,
      memo: '首次缴存维修资金（测试）', recordedBy: w.actors.lixia.accountId, recordedAt: w.clock.now(),
    });
    owned.push({ i, unitId: w.unitIds[i]!, contractId: c.id, contractNo: c.contractNo, titleId: t!.id, certificateNo, fundAccountId: acct!.id });
  }
  return { ...w, owned, staff: w.ctxAs(w.actors.lixia), city: w.ctxAs(w.actors.city), auditor: w.ctxAs(w.actors.auditor) };
}
export type OwnedWorld = Awaited<ReturnType<typeof ownedWorld>>;
