/**
 * Acceptance of an exit application (济政发〔2025〕3号 第二十六条: 市、区县住房城乡建设部门会同有关部门开展
 * 核查并按规定实施回购。回购原则上应当于半年内完成) and its valuation (第二十七条).
 *
 * - acceptExit: every 第二十五条 item checked and ok (409 naming the missing and failing ones), rule
 *   housing.exit-eligibility evaluated again on the day with the register's facts and the inspections
 *   (staff filings are not held to 第二十四条's two years, see apply.ts), dueOn = acceptedOn +
 *   housing.closed-loop.buyback_due_months, and the unit valued by rule housing.buyback-price.
 *   Reading: an internal transfer is valued too; the method's price is its ceiling (第二十四条, transfers).
 * - refuseExit: with a reason the family reads.
 * - revalueExit: a new valuation of an accepted exit (another day, price indexes), before the contract.
 * Each is retry-safe: accepting an accepted exit, or refusing a refused one, answers it unchanged.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '../../audit/index.js';
import { exitApplications, exitChecks } from '../../db/schema.js';
import { enqueue } from '../../notify/index.js';
import { param } from '../../params/load.js';
import { addMonths } from '../../rules/core/dates.js';
import { fenToYuan } from '../../rules/core/money.js';
import { requireRole } from '../authz.js';
import type { CommandContext } from '../context.js';
import { DomainError } from '../errors.js';
import { parseInput } from '../validate.js';
import { checksOf } from './checks.js';
import { barringReasons, evaluateEligibility } from './eligibility.js';
import { ITEM_ZH, platformRegister } from './register.js';
import { assertExitStaff, exitStage, holderAccount, lockExitWithUnit } from './store.js';
import { valueUnit, type CpiInput } from './valuation.js';
import { exitView, ROUTE_ZH, type ExitView } from './view.js';

const cpi = z.string().trim().regex(/^\d+(?:\.\d{1,6})?$/, { message: '物价指数应为非负数，最多6位小数 / must be a non-negative number with at most 6 decimals' }).nullable().optional();
const Cpi = z.object({ cpiAtPurchase: cpi, cpiAtValuation: cpi });
const Refuse = z.object({ reason: z.string().trim().min(2, { message: '请填写不予受理的理由 / reason is required' }).max(1000, { message: '理由过长 / reason is too long' }) });

/** Accepts an exit: checks complete and ok, eligibility on the day, due date, valuation; the family is told. */
export async function acceptExit(ctx: CommandContext, raw: { exitId: string } & CpiInput): Promise<ExitView> {
  const input = { exitId: raw.exitId, ...parseInput(Cpi, { cpiAtPurchase: raw.cpiAtPurchase, cpiAtValuation: raw.cpiAtValuation }) };
  requireRole(ctx.actor, ['district_staff', 'city_staff']);
  const today = ctx.clock.today();
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const { exit, project, building, title } = await lockExitWithUnit(tx, input.exitId);
    assertExitStaff(ctx.actor, project);
    if (exit.status === 'accepted') return exitView(tx, exit.id, today);
    if (exit.status !== 'submitted') throw exitStage(exit, '不能受理。', 'it cannot be accepted.');
    const checks = await checksOf(tx, exit.id);
    const missing = checks.filter((c) => c.ok === null).map((c) => c.item);
    const failing = checks.filter((c) => c.ok === false).map((c) => c.item);
    if (missing.length || failing.length) {
      const zh = [missing.length ? `未核查：${missing.map((i) => ITEM_ZH[i]).join('、')}` : '', failing.length ? `不符合：${failing.map((i) => ITEM_ZH[i]).join('、')}` : ''].filter(Boolean).join('；');
      throw new DomainError('EXIT_CHECKS_INCOMPLETE', 409, `第二十五条核查未全部通过（${zh}），不能受理。`,
        `Every 第二十五条 item must be checked and met before acceptance (missing: ${missing.join(', ') || 'none'}; failing: ${failing.join(', ') || 'none'}).`,
        undefined, { missing, failing });
    }
    const facts = await platformRegister.lookup(tx, { unitId: exit.unitId, title });
    const stored = await tx.select().from(exitChecks).where(eq(exitChecks.exitId, exit.id));
    const eligibility = evaluateEligibility(title!, exit.route as 'buyback', facts, today, stored);
    const barred = barringReasons(eligibility, exit.origin);
    if (barred.length) {
      throw new DomainError('EXIT_NOT_ELIGIBLE', 409, `按 ${today} 的情况不符合退出条件（${barred.map((r) => `${r.code} ${r.article}`).join('、')}），请重新核查。`,
        `Not eligible to exit on ${today} (${barred.map((r) => `${r.code} ${r.article}`).join(', ')}); refresh the checks.`, undefined,
        { reasons: barred, earliestDate: eligibility.value.earliestDate });
    }
    const months = param<number>('housing.closed-loop.buyback_due_months', today);
    const dueOn = addMonths(today, months.value);
    const valuation = await valueUnit(tx, { unitId: exit.unitId, building }, today, input);
    await tx.update(exitApplications).set({
      status: 'accepted', acceptedOn: today, dueOn, decidedBy: ctx.actor.accountId, eligibility, valuation, valuedOn: today,
      priceFen: valuation.value.price, version: exit.version + 1,
    }).where(eq(exitApplications.id, exit.id));
    const view = await exitView(tx, exit.id, today);
    const account = await holderAccount(tx, title);
    if (account) {
      await enqueue(tx, {
        accountId: account, template: 'exit_accepted',
        params: { unit: view.unitLabel, routeLabel: ROUTE_ZH[view.route], exitNo: exit.exitNo, acceptedOn: today, dueOn, valuedOn: today, priceYuan: fenToYuan(valuation.value.price) },
      }, now);
    }
    await appendAudit(tx, {
      actor: ctx.actor, action: 'exit.accept', targetType: 'exit_application', targetId: exit.id, at: now,
      detail: {
        exitNo: exit.exitNo, acceptedOn: today, dueOn, dueMonths: { value: months.value, version: months.version, reference: months.reference },
        priceFen: valuation.value.price, components: valuation.value.components, sources: valuation.sources, eligibilityAtSubmission: exit.eligibility,
      },
    });
    return view;
  });
}

/** Refuses an exit with a reason (before acceptance). */
export async function refuseExit(ctx: CommandContext, raw: { exitId: string; reason: string }): Promise<ExitView> {
  const { reason } = parseInput(Refuse, { reason: raw.reason });
  requireRole(ctx.actor, ['district_staff', 'city_staff']);
  const today = ctx.clock.today();
  return ctx.db.transaction(async (tx) => {
    const { exit, project, title } = await lockExitWithUnit(tx, raw.exitId);
    assertExitStaff(ctx.actor, project);
    if (exit.status === 'refused') return exitView(tx, exit.id, today);
    if (exit.status !== 'submitted') throw exitStage(exit, '不能再作不予受理。', 'it can no longer be refused.');
    await tx.update(exitApplications).set({ status: 'refused', decidedBy: ctx.actor.accountId, decisionReason: reason, version: exit.version + 1 })
      .where(eq(exitApplications.id, exit.id));
    const view = await exitView(tx, exit.id, today);
    const account = await holderAccount(tx, title);
    if (account) {
      await enqueue(tx, { accountId: account, template: 'exit_refused', params: { unit: view.unitLabel, routeLabel: ROUTE_ZH[view.route], exitNo: exit.exitNo, reason } }, ctx.clock.now());
    }
    await appendAudit(tx, { actor: ctx.actor, action: 'exit.refuse', targetType: 'exit_application', targetId: exit.id, at: ctx.clock.now(), detail: { exitNo: exit.exitNo, reason } });
    return view;
  });
}

/** Values an accepted exit again on today (e.g. with the price indexes once K is switched on). */
export async function revalueExit(ctx: CommandContext, raw: { exitId: string } & CpiInput): Promise<ExitView> {
  const cpiIn = parseInput(Cpi, { cpiAtPurchase: raw.cpiAtPurchase, cpiAtValuation: raw.cpiAtValuation });
  requireRole(ctx.actor, ['district_staff', 'city_staff']);
  const today = ctx.clock.today();
  return ctx.db.transaction(async (tx) => {
    const { exit, project, building } = await lockExitWithUnit(tx, raw.exitId);
    assertExitStaff(ctx.actor, project);
    if (exit.status !== 'accepted') throw exitStage(exit, '只有已受理、未签回购合同的申请可以重新测算。', 'only an accepted exit without a contract can be revalued.');
    const valuation = await valueUnit(tx, { unitId: exit.unitId, building }, today, cpiIn);
    if (exit.valuedOn === today && exit.priceFen === valuation.value.price) return exitView(tx, exit.id, today);
    await tx.update(exitApplications).set({ valuation, valuedOn: today, priceFen: valuation.value.price, version: exit.version + 1 }).where(eq(exitApplications.id, exit.id));
    await appendAudit(tx, {
      actor: ctx.actor, action: 'exit.revalue', targetType: 'exit_application', targetId: exit.id, at: ctx.clock.now(),
      detail: { exitNo: exit.exitNo, before: { valuedOn: exit.valuedOn, priceFen: exit.priceFen }, priceFen: valuation.value.price, components: valuation.value.components },
    });
    return exitView(tx, exit.id, today);
  });
}
