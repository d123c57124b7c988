/**
 * Exit applications (济政发〔2025〕3号 第二十四条: 取得不动产权证满2年后, 轮候家庭内部流转或政府回购;
 * 第二十二条: the extra unit of a family holding more than one; 第三十一条(三): a deceiving family's unit
 * bought back).
 *
 * - applyToExit: the family holding the unit's current title applies for itself. Before the two
 *   years of 第二十四条 it is refused (409) with the earliest date; the other 第二十五条 conditions are
 *   checked after submission (第二十六条: 提交回购申请后…开展核查), so they are recorded, not refused here.
 * - fileExit: staff file for a holder (a person outside the scheme, the extra unit of 第二十二条, a
 *   第三十一条 buyback). Reading: those exits are ordered by the measure, so 第二十四条's two years do
 *   not hold them back; the rule's verdict is stored all the same.
 * - withdrawExit: the family, before acceptance.
 *
 * The stored `eligibility` is the rule's result with its trace. One open exit per unit: the unit row is
 * locked first, and the partial unique index answers a race that slips past (409 EXIT_OPEN). The same
 * application again (same holder, route and origin, still submitted) is a retry and returns it.
 */
import { and, eq, or } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '../../audit/index.js';
import type { Tx } from '../../db/client.js';
import { EXIT_ROUTES, exitApplications, fraudDecisions, multiUnitObligations } from '../../db/schema.js';
import { enqueue } from '../../notify/index.js';
import { requireRole } from '../authz.js';
import type { CommandContext } from '../context.js';
import { DomainError, invalid, notFound } from '../errors.js';
import { uniqueViolation } from '../selection/store.js';
import { parseInput } from '../validate.js';
import { barringReasons, evaluateEligibility } from './eligibility.js';
import { markMet } from './obligations.js';
import { platformRegister } from './register.js';
import {
  assertExitFamily, assertExitStaff, exitOpen, exitStage, holderAccount, lockExitWithUnit, nextExitNo, openExitOf, unitHolding,
} from './store.js';
import { exitView, ROUTE_ZH, type ExitRoute, type ExitView } from './view.js';

const unitId = z.uuid({ message: '房屋编号无效 / unitId must be a unit id' });
const route = z.enum(EXIT_ROUTES, { message: '退出方式应为 buyback（政府回购）或 internal_transfer（轮候家庭内部流转） / route must be buyback or internal_transfer' });
const ApplyInput = z.object({ unitId, route });
const FileInput = z.object({
  unitId, route,
  origin: z.enum(['multi_unit', 'fraud'], { message: '来由应为 multi_unit（第二十二条）或 fraud（第三十一条） / origin must be multi_unit or fraud' }),
  obligationId: z.uuid({ message: '多套住房退出义务编号无效 / obligationId must be an obligation id' }).optional(),
});
export type ApplyExitInput = z.infer<typeof ApplyInput>;
export type FileExitInput = z.infer<typeof FileInput>;

/** 409: 第二十四条's two years are not over; the message names the first day. */
export const tooEarly = (earliestDate: string, details: Record<string, unknown>) => new DomainError('EXIT_TOO_EARLY', 409,
  `取得不动产权证满2年后方可申请退出（济政发〔2025〕3号 第二十四条），最早可于 ${earliestDate} 申请。`,
  `An exit may be applied for once the title has been held two full years (第二十四条); the earliest date is ${earliestDate}.`,
  undefined, { earliestDate, ...details });

type Submit = { route: ExitRoute; origin: 'family' | 'multi_unit' | 'fraud'; obligationId?: string };

async function submit(ctx: CommandContext, tx: Tx, holding: Awaited<ReturnType<typeof unitHolding>>, s: Submit): Promise<ExitView> {
  const today = ctx.clock.today();
  const now = ctx.clock.now();
  const { unit, project, title } = holding;
  if (!title || title.holderKind === 'government') {
    throw new DomainError('NO_HOLDER', 409, '该房屋没有可申请退出的产权人（未登记或已归政府）。', 'The unit has no holder who could exit (no title, or held by the government).', 'unitId');
  }
  const facts = await platformRegister.lookup(tx, { unitId: unit.id, title });
  const eligibility = evaluateEligibility(title, s.route, facts, today);
  if (s.origin === 'family' && eligibility.value.reasons.some((r) => r.code === 'HOLDING_PERIOD')) {
    throw tooEarly(eligibility.value.earliestDate, { eligibility: eligibility.value });
  }
  const open = await openExitOf(tx, unit.id);
  if (open) {
    const retry = open.status === 'submitted' && open.route === s.route && open.origin === s.origin && open.titleId === title.id
      && (s.obligationId === undefined || open.obligationId === s.obligationId);
    if (retry) return exitView(tx, open.id, today);
    throw exitOpen(open.exitNo);
  }
  const obligation = await holderObligation(tx, title, s.obligationId);
  const fraud = s.origin === 'fraud' && title.holderApplicationId
    ? (await tx.select({ id: fraudDecisions.id }).from(fraudDecisions)
      .where(and(eq(fraudDecisions.applicationId, title.holderApplicationId), eq(fraudDecisions.action, 'vacate_and_buyback'))).limit(1))[0]
    : undefined;
  const exitNo = await nextExitNo(tx, today);
  const [row] = await tx.insert(exitApplications).values({
    exitNo, unitId: unit.id, projectId: project.id, titleId: title.id, applicationId: title.holderApplicationId, route: s.route, origin: s.origin,
    eligibility, obligationId: obligation?.id ?? null, fraudDecisionId: fraud?.id ?? null, submittedOn: today, submittedBy: ctx.actor.accountId,
  }).returning();
  if (obligation) await markMet(tx, ctx, title, row!);
  const view = await exitView(tx, row!.id, today);
  const account = await holderAccount(tx, title);
  if (account) {
    const barred = barringReasons(eligibility, s.origin);
    await enqueue(tx, {
      accountId: account, template: 'exit_submitted', params: {
        unit: view.unitLabel, routeLabel: ROUTE_ZH[s.route], exitNo, submittedOn: today,
        note: barred.length ? `目前尚有 ${barred.map((r) => `${r.article}`).join('、')} 所列情形需处理。` : '',
      },
    }, now);
  }
  await appendAudit(tx, {
    actor: ctx.actor, action: s.origin === 'family' ? 'exit.apply' : 'exit.file', targetType: 'exit_application', targetId: row!.id, at: now,
    detail: { exitNo, unitId: unit.id, route: s.route, origin: s.origin, obligationId: obligation?.id ?? null, eligible: eligibility.value.eligible, reasons: eligibility.value.reasons },
  });
  return view;
}

/** The holder's open 第二十二条 obligation: the one named (400 if it is not the holder's or not open), else any open one. */
async function holderObligation(tx: Tx, title: { holderApplicationId: string | null; holderIdBlind: string | null }, id?: string) {
  const holder = or(
    title.holderApplicationId ? eq(multiUnitObligations.holderApplicationId, title.holderApplicationId) : undefined,
    title.holderIdBlind ? eq(multiUnitObligations.holderIdBlind, title.holderIdBlind) : undefined,
  );
  if (!holder) return undefined;
  const where = id ? and(eq(multiUnitObligations.id, id), holder) : and(holder, eq(multiUnitObligations.status, 'open'));
  const [o] = await tx.select().from(multiUnitObligations).where(where).orderBy(multiUnitObligations.deadlineOn).limit(1).for('update');
  if (id && (!o || o.status !== 'open')) {
    throw invalid('obligationId', '该多套住房退出义务不属于此产权人或已办结（第二十二条）。', 'obligationId is not an open obligation of this holder (第二十二条).');
  }
  return o;
}

/** Runs a submission in one transaction, turning a lost race on the unit's open-exit index into 409 EXIT_OPEN. */
async function inTransaction(ctx: CommandContext, fn: (tx: Tx) => Promise<ExitView>): Promise<ExitView> {
  try {
    return await ctx.db.transaction(fn);
  } catch (e) {
    if (uniqueViolation(e) === 'exit_applications_unit_open_uq') throw exitOpen();
    throw e;
  }
}

/** The family holding the unit's current title applies to exit it (第二十四条). */
export async function applyToExit(ctx: CommandContext, raw: ApplyExitInput): Promise<ExitView> {
  const input = parseInput(ApplyInput, raw);
  requireRole(ctx.actor, ['applicant']);
  return inTransaction(ctx, async (tx) => {
    const holding = await unitHolding(tx, input.unitId, true);
    if ((await holderAccount(tx, holding.title)) !== ctx.actor.accountId) throw notFound('房屋', 'unit');
    return submit(ctx, tx, holding, { route: input.route, origin: 'family' });
  });
}

/** Staff file an exit for a holder (第二十二条 extra unit, 第三十一条(三) buyback). */
export async function fileExit(ctx: CommandContext, raw: FileExitInput): Promise<ExitView> {
  const input = parseInput(FileInput, raw);
  requireRole(ctx.actor, ['district_staff', 'city_staff']);
  return inTransaction(ctx, async (tx) => {
    const holding = await unitHolding(tx, input.unitId, true);
    assertExitStaff(ctx.actor, holding.project);
    return submit(ctx, tx, holding, input);
  });
}

/** The family withdraws its application before acceptance. A retry answers the withdrawn exit. */
export async function withdrawExit(ctx: CommandContext, input: { exitId: string }): Promise<ExitView> {
  requireRole(ctx.actor, ['applicant']);
  return ctx.db.transaction(async (tx) => {
    const { exit } = await lockExitWithUnit(tx, input.exitId);
    await assertExitFamily(tx, ctx.actor, exit);
    const today = ctx.clock.today();
    if (exit.status === 'withdrawn') return exitView(tx, exit.id, today);
    if (exit.status !== 'submitted') throw exitStage(exit, '受理后不能撤回。', 'it can be withdrawn only before acceptance.');
    // Reading: an application that met a 第二十二条 obligation is the family's legal duty, not only its wish.
    if (exit.obligationId) {
      throw new DomainError('EXIT_MEETS_OBLIGATION', 409, '此申请用于履行第二十二条多套住房退出义务，不能自行撤回，请联系住房城乡建设部门。',
        'This application meets a 第二十二条 obligation to exit an extra unit; it cannot be withdrawn by the family. Contact the housing department.');
    }
    await tx.update(exitApplications).set({ status: 'withdrawn', version: exit.version + 1 }).where(eq(exitApplications.id, exit.id));
    await appendAudit(tx, { actor: ctx.actor, action: 'exit.withdraw', targetType: 'exit_application', targetId: exit.id, at: ctx.clock.now(), detail: { exitNo: exit.exitNo } });
    return exitView(tx, exit.id, today);
  });
}
