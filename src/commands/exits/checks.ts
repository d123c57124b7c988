/**
 * 第二十五条 checks of an exit application (济政发〔2025〕3号 第二十五条, 第二十六条: 会同有关部门开展核查):
 * (一) 无购房贷款抵押外的违规贷款或抵押, 无租赁关系, 无法律纠纷 — from data (register.ts);
 * (二) 未改变房屋居住用途, 房屋结构无拆改 — by an inspection on site, and an open use_change or
 * structure_alteration case fails the item whatever the inspection found (the data side fails too).
 *
 * Each item is one row (exit_checks), replaced when checked again; the audit log keeps the history.
 * Both commands are retry-safe: the same facts and the same report write the same row.
 */
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '../../audit/index.js';
import type { Tx } from '../../db/client.js';
import { exitChecks } from '../../db/schema.js';
import { isoDate } from '../../rules/core/dates.js';
import { requireRole } from '../authz.js';
import type { CommandContext } from '../context.js';
import { invalid } from '../errors.js';
import { parseInput } from '../validate.js';
import {
  casesFailing, DATA_ITEMS, dataEvidence, INSPECTION_ITEMS, ITEM_ARTICLE, ITEM_ZH, platformRegister, type CheckItem, type RegisterFacts,
} from './register.js';
import { assertExitStaff, exitStage, lockExitWithUnit, type ExitRow } from './store.js';

/** One 第二十五条 item as shown: ok/source/evidence null while it has not been checked. */
export type CheckView = { item: CheckItem; label: string; article: string; ok: boolean | null; source: 'data_check' | 'inspection' | null; evidence: Record<string, unknown> | null; recordedAt: string | null };
const ITEMS: CheckItem[] = [...DATA_ITEMS, ...INSPECTION_ITEMS];

/** The five items of an exit, in the order of the article. */
export async function checksOf(tx: Tx, exitId: string): Promise<CheckView[]> {
  const rows = await tx.select().from(exitChecks).where(eq(exitChecks.exitId, exitId));
  return ITEMS.map((item) => {
    const r = rows.find((x) => x.item === item);
    return {
      item, label: ITEM_ZH[item], article: ITEM_ARTICLE[item], ok: r ? r.ok === 1 : null, source: (r?.source ?? null) as CheckView['source'],
      evidence: (r?.evidence ?? null) as Record<string, unknown> | null, recordedAt: r ? r.recordedAt.toISOString() : null,
    };
  });
}

type Row = { item: CheckItem; ok: boolean; source: 'data_check' | 'inspection'; evidence: Record<string, unknown> };

async function put(tx: Tx, ctx: CommandContext, exitId: string, r: Row): Promise<void> {
  const values = { ok: r.ok ? 1 : 0, source: r.source, evidence: r.evidence, article: ITEM_ARTICLE[r.item], recordedBy: ctx.actor.accountId || null, recordedAt: ctx.clock.now() };
  await tx.insert(exitChecks).values({ exitId, item: r.item, ...values })
    .onConflictDoUpdate({ target: [exitChecks.exitId, exitChecks.item], set: values });
}

/** The rows the register's facts call for, given what is stored (inspections are kept, their cases updated). */
function dataRows(facts: RegisterFacts, stored: { item: string; source: string; evidence: unknown }[], at: Date): (Row | { item: CheckItem; drop: true })[] {
  const out: (Row | { item: CheckItem; drop: true })[] = DATA_ITEMS.map((item) => ({
    item, ok: casesFailing(facts, item).length === 0, source: 'data_check' as const, evidence: dataEvidence(facts, item, at),
  }));
  for (const item of INSPECTION_ITEMS) {
    const cases = casesFailing(facts, item).map((c) => c.caseNo);
    const s = stored.find((x) => x.item === item);
    if (s?.source === 'inspection') {
      const ev = s.evidence as Record<string, unknown> & { inspectionOk: boolean };
      out.push({ item, ok: ev.inspectionOk && cases.length === 0, source: 'inspection', evidence: { ...ev, cases } });
    } else if (cases.length) {
      out.push({ item, ok: false, source: 'data_check', evidence: dataEvidence(facts, item, at) });
    } else if (s) {
      out.push({ item, drop: true }); // no case any more: the item waits for its inspection
    }
  }
  return out;
}

async function lockSubmitted(tx: Tx, ctx: CommandContext, exitId: string): Promise<{ exit: ExitRow; title: NonNullable<Awaited<ReturnType<typeof lockExitWithUnit>>['title']> }> {
  const { exit, project, title } = await lockExitWithUnit(tx, exitId);
  assertExitStaff(ctx.actor, project);
  if (exit.status !== 'submitted') throw exitStage(exit, '只能在受理前核查。', 'checks are made before acceptance.');
  return { exit, title: title! };
}

/** Fills the data side of the 第二十五条 items from the register (cases + purchase contract). */
export async function refreshDataChecks(ctx: CommandContext, input: { exitId: string }): Promise<CheckView[]> {
  requireRole(ctx.actor, ['district_staff', 'city_staff']);
  return ctx.db.transaction(async (tx) => {
    const { exit, title } = await lockSubmitted(tx, ctx, input.exitId);
    const facts = await platformRegister.lookup(tx, { unitId: exit.unitId, title });
    const stored = await tx.select().from(exitChecks).where(eq(exitChecks.exitId, exit.id));
    const rows = dataRows(facts, stored, ctx.clock.now());
    for (const r of rows) {
      if ('drop' in r) await tx.delete(exitChecks).where(and(eq(exitChecks.exitId, exit.id), eq(exitChecks.item, r.item)));
      else await put(tx, ctx, exit.id, r);
    }
    await appendAudit(tx, {
      actor: ctx.actor, action: 'exit.checks.refresh', targetType: 'exit_application', targetId: exit.id, at: ctx.clock.now(),
      detail: { exitNo: exit.exitNo, source: facts.source.zh, results: rows.map((r) => ('drop' in r ? { item: r.item, dropped: true } : { item: r.item, ok: r.ok })), cases: facts.openCases.map((c) => c.caseNo) },
    });
    return checksOf(tx, exit.id);
  });
}

const InspectionInput = z.object({
  exitId: z.string(),
  item: z.enum(INSPECTION_ITEMS, { message: '现场核查项应为 use_unchanged 或 structure_unaltered / item must be use_unchanged or structure_unaltered' }),
  ok: z.boolean({ message: '核查结论应为是或否 / ok must be true or false' }),
  inspector: z.string().trim().min(1, { message: '请填写核查人 / inspector is required' }).max(100, { message: '核查人过长 / inspector is too long' }),
  inspectedOn: isoDate,
  reportNo: z.string().trim().min(1, { message: '请填写核查报告编号 / reportNo is required' }).max(100, { message: '报告编号过长 / reportNo is too long' }),
  note: z.string().trim().max(1000, { message: '备注过长 / note is too long' }).optional(),
});
export type InspectionInput = z.infer<typeof InspectionInput>;

/** Records the inspection of 第二十五条(二) (use unchanged, structure unaltered). */
export async function recordInspection(ctx: CommandContext, raw: InspectionInput): Promise<CheckView[]> {
  const input = parseInput(InspectionInput, raw);
  requireRole(ctx.actor, ['district_staff', 'city_staff']);
  if (input.inspectedOn > ctx.clock.today()) throw invalid('inspectedOn', '核查日期不能晚于今天。', 'inspectedOn cannot be in the future.');
  return ctx.db.transaction(async (tx) => {
    const { exit, title } = await lockSubmitted(tx, ctx, input.exitId);
    if (input.inspectedOn < exit.submittedOn) throw invalid('inspectedOn', `核查日期不能早于申请日期 ${exit.submittedOn}。`, `inspectedOn cannot be before the application (${exit.submittedOn}).`);
    const facts = await platformRegister.lookup(tx, { unitId: exit.unitId, title });
    const cases = casesFailing(facts, input.item).map((c) => c.caseNo);
    const evidence = { inspector: input.inspector, inspectedOn: input.inspectedOn, reportNo: input.reportNo, note: input.note ?? null, inspectionOk: input.ok, cases };
    await put(tx, ctx, exit.id, { item: input.item, ok: input.ok && cases.length === 0, source: 'inspection', evidence });
    await appendAudit(tx, {
      actor: ctx.actor, action: 'exit.checks.inspection', targetType: 'exit_application', targetId: exit.id, at: ctx.clock.now(),
      detail: { exitNo: exit.exitNo, item: input.item, ...evidence },
    });
    return checksOf(tx, exit.id);
  });
}
