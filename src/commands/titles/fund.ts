/**
 * 第十九条: the maintenance fund (维修资金). Each unit has one account (分户账); deposits come in
 * with the purchase (and, 第三十条, from a resale buyer), refunds go out at buyback (第二十九条).
 * The ledger is append-only and every movement carries a reference (the contract number of a
 * deposit, the exit number of a refund): a retry with the same (account, kind, reference) posts
 * nothing (mf_entries_ref_uq). A refund never takes the balance below zero; the account row is
 * locked so two refunds at once cannot both pass the check.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { appendAudit } from '../../audit/index.js';
import type { Tx } from '../../db/client.js';
import { contracts, maintenanceFundAccounts, maintenanceFundEntries } from '../../db/schema.js';
import { isIsoDate } from '../../rules/core/dates.js';
import { fenToYuan } from '../../rules/core/money.js';
import { uniqueViolation } from '../selection/store.js';
import type { CommandContext } from '../context.js';
import { DomainError, invalid, notFound } from '../errors.js';
import { assertUnitAccess, loadUnitScope } from './access.js';
import { currentTitle } from './title.js';

export type FundAccountRow = typeof maintenanceFundAccounts.$inferSelect;
export type FundEntryRow = typeof maintenanceFundEntries.$inferSelect;

/** A unit's maintenance-fund balance. */
export type FundBalance = { accountId: string; accountNo: string; bank: string; depositsFen: number; refundsFen: number; balanceFen: number };

/** One movement of the fund. */
export type FundEntryInput = {
  accountId: string; kind: 'deposit' | 'refund'; amountFen: number; occurredOn: string; reference: string;
  titleId?: string | null; memo: string; recordedBy: string | null; at: Date;
};

const checkAmount = (amountFen: number, field = 'amountFen') => {
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0) throw invalid(field, '金额须为正整数（分）。', `${field} must be a positive whole number of fen.`);
};

async function sums(tx: Tx, accountId: string) {
  const [r] = await tx.select({
    deposits: sql<string>`coalesce(sum(case when ${maintenanceFundEntries.kind} = 'deposit' then ${maintenanceFundEntries.amountFen} else 0 end), 0)`,
    refunds: sql<string>`coalesce(sum(case when ${maintenanceFundEntries.kind} = 'refund' then ${maintenanceFundEntries.amountFen} else 0 end), 0)`,
  }).from(maintenanceFundEntries).where(eq(maintenanceFundEntries.accountId, accountId));
  const depositsFen = Number(r!.deposits);
  const refundsFen = Number(r!.refunds);
  return { depositsFen, refundsFen, balanceFen: depositsFen - refundsFen };
}

/**
 * Posts one movement in the caller's transaction. Returns false when (account, kind, reference)
 * was posted before (a retry), true when posted now. 409 REFUND_EXCEEDS_BALANCE for a refund
 * above the balance; 400 naming amountFen/occurredOn/reference for bad input.
 */
export async function postFundEntry(tx: Tx, e: FundEntryInput): Promise<boolean> {
  checkAmount(e.amountFen);
  if (!isIsoDate(e.occurredOn)) throw invalid('occurredOn', '发生日期须为有效的 YYYY-MM-DD 日期。', 'occurredOn must be a calendar date YYYY-MM-DD.');
  const reference = e.reference.trim();
  if (!reference) throw invalid('reference', '请填写业务编号（如合同号、退出编号）。', 'reference is required (e.g. the contract or exit number).');
  const [acct] = await tx.select().from(maintenanceFundAccounts).where(eq(maintenanceFundAccounts.id, e.accountId)).for('update');
  if (!acct) throw notFound('维修资金账户', 'maintenance-fund account');
  const [seen] = await tx.select({ id: maintenanceFundEntries.id }).from(maintenanceFundEntries).where(and(
    eq(maintenanceFundEntries.accountId, acct.id), eq(maintenanceFundEntries.kind, e.kind), eq(maintenanceFundEntries.reference, reference)));
  if (seen) return false;
  if (e.kind === 'refund') {
    const { balanceFen } = await sums(tx, acct.id);
    if (e.amountFen > balanceFen) {
      throw new DomainError('REFUND_EXCEEDS_BALANCE', 409, `退还金额 ¥${fenToYuan(e.amountFen)} 超过维修资金余额 ¥${fenToYuan(balanceFen)}。`,
        `A refund of ${e.amountFen} fen exceeds the maintenance-fund balance of ${balanceFen} fen.`, 'amountFen', { balanceFen });
    }
  }
  await tx.insert(maintenanceFundEntries).values({
    accountId: acct.id, kind: e.kind, amountFen: e.amountFen, occurredOn: e.occurredOn, reference, titleId: e.titleId ?? null,
    memo: e.memo, recordedBy: e.recordedBy || null, recordedAt: e.at,
  });
  return true;
}

/** The unit's account and balance, or null when it has no account. */
export async function fundBalance(tx: Tx, unitId: string): Promise<FundBalance | null> {
  const [acct] = await tx.select().from(maintenanceFundAccounts).where(eq(maintenanceFundAccounts.unitId, unitId));
  if (!acct) return null;
  return { accountId: acct.id, accountNo: acct.accountNo, bank: acct.bank, ...(await sums(tx, acct.id)) };
}

/** The account's movements, oldest first. */
export const fundEntries = (tx: Tx, accountId: string) =>
  tx.select().from(maintenanceFundEntries).where(eq(maintenanceFundEntries.accountId, accountId))
    .orderBy(asc(maintenanceFundEntries.occurredOn), asc(maintenanceFundEntries.id));

export type OpenFundAccountInput = { unitId: string; accountNo: string; bank: string; openedOn: string; initialDepositFen?: number; reference?: string };

/**
 * 第十九条: open the unit's account (staff), with the first deposit when given. The unit must have a
 * current title; the deposit is booked to it, reference defaulting to its contract number. Opening
 * the same account again is a retry; another account for the same unit is 409 FUND_ACCOUNT_EXISTS.
 */
export async function openFundAccount(ctx: CommandContext, input: OpenFundAccountInput): Promise<FundBalance> {
  const now = ctx.clock.now();
  const accountNo = input.accountNo.trim();
  const bank = input.bank.trim();
  if (!accountNo || accountNo.length > 64) throw invalid('accountNo', '请填写维修资金账号（不超过64字）。', 'accountNo is required (at most 64 characters).');
  if (!bank || bank.length > 100) throw invalid('bank', '请填写开户银行。', 'bank is required.');
  if (!isIsoDate(input.openedOn)) throw invalid('openedOn', '开户日期须为有效的 YYYY-MM-DD 日期。', 'openedOn must be a calendar date YYYY-MM-DD.');
  if (input.openedOn > ctx.clock.today()) throw invalid('openedOn', '开户日期不能晚于今天。', 'openedOn cannot be after today.');
  if (input.initialDepositFen !== undefined) checkAmount(input.initialDepositFen, 'initialDepositFen');
  try {
    return await ctx.db.transaction(async (tx) => {
      const { project } = await loadUnitScope(tx, input.unitId, true);
      assertUnitAccess(ctx.actor, project, 'staff');
      const title = await currentTitle(tx, input.unitId);
      if (!title) throw new DomainError('NO_TITLE', 409, '该房屋尚未登记不动产权证书，不能开立维修资金账户。', 'The unit has no title yet; open its account after registration.', 'unitId');
      const [existing] = await tx.select().from(maintenanceFundAccounts).where(eq(maintenanceFundAccounts.unitId, input.unitId));
      if (existing && existing.accountNo !== accountNo) {
        throw new DomainError('FUND_ACCOUNT_EXISTS', 409, `该房屋已有维修资金账户 ${existing.accountNo}。`, `The unit already has account ${existing.accountNo}.`, 'accountNo');
      }
      const acct = existing ?? (await tx.insert(maintenanceFundAccounts).values({
        unitId: input.unitId, accountNo, bank, openedOn: input.openedOn, recordedBy: ctx.actor.accountId, recordedAt: now,
      }).returning())[0]!;
      let posted = false;
      if (input.initialDepositFen) {
        const [c] = title.contractId ? await tx.select({ no: contracts.contractNo }).from(contracts).where(eq(contracts.id, title.contractId)) : [];
        const reference = input.reference?.trim() || c?.no;
        if (!reference) throw invalid('reference', '请填写缴存业务编号。', 'reference is required for the deposit.');
        posted = await postFundEntry(tx, {
          accountId: acct.id, kind: 'deposit', amountFen: input.initialDepositFen, occurredOn: input.openedOn, reference, titleId: title.id,
          memo: '首次缴存维修资金（第十九条）', recordedBy: ctx.actor.accountId, at: now,
        });
      }
      if (!existing || posted) {
        await appendAudit(tx, {
          actor: ctx.actor, action: 'fund.open', targetType: 'unit', targetId: input.unitId, at: now,
          detail: { accountNo, bank, openedOn: input.openedOn, initialDepositFen: posted ? input.initialDepositFen : 0 },
        });
      }
      return (await fundBalance(tx, input.unitId))!;
    });
  } catch (e) {
    if (uniqueViolation(e) !== undefined) throw new DomainError('ACCOUNT_NO_TAKEN', 409, `维修资金账号 ${accountNo} 已被使用。`, `Account ${accountNo} is already in use.`, 'accountNo');
    throw e;
  }
}

/**
 * A deposit recorded by staff (POST …/maintenance-fund/entries): posted once per reference. The
 * body is judged after the access check: staff of another district learn nothing from a 400.
 */
export async function recordFundDeposit(ctx: CommandContext, input: { unitId: string; amountFen: number; occurredOn: string; reference: string; memo: string }): Promise<FundBalance & { posted: boolean }> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const { project } = await loadUnitScope(tx, input.unitId);
    assertUnitAccess(ctx.actor, project, 'staff');
    if (isIsoDate(input.occurredOn) && input.occurredOn > ctx.clock.today()) throw invalid('occurredOn', '缴存日期不能晚于今天。', 'occurredOn cannot be after today.');
    if (!input.memo.trim()) throw invalid('memo', '请填写摘要。', 'memo is required.');
    const bal = await fundBalance(tx, input.unitId);
    if (!bal) throw new DomainError('NO_FUND_ACCOUNT', 409, '该房屋尚未开立维修资金账户。', 'The unit has no maintenance-fund account.', 'unitId');
    const title = await currentTitle(tx, input.unitId);
    const posted = await postFundEntry(tx, {
      accountId: bal.accountId, kind: 'deposit', amountFen: input.amountFen, occurredOn: input.occurredOn, reference: input.reference,
      titleId: title?.id ?? null, memo: input.memo.trim(), recordedBy: ctx.actor.accountId, at: now,
    });
    if (posted) {
      await appendAudit(tx, {
        actor: ctx.actor, action: 'fund.deposit', targetType: 'unit', targetId: input.unitId, at: now,
        detail: { accountNo: bal.accountNo, amountFen: input.amountFen, reference: input.reference.trim(), occurredOn: input.occurredOn },
      });
    }
    return { ...(await fundBalance(tx, input.unitId))!, posted };
  });
}
