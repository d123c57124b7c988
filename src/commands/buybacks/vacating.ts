/**
 * recordVacatingItem: 济政发〔2025〕3号 第二十九条 — 完成房屋腾退事宜（含水电气暖和物业费结算、户口迁出等）
 * before the balance of the buyback price is paid. Staff of the project's level record each item
 * of the checklist (params housing.closed-loop.vacating_items) with its evidence.
 *
 * Readings: an item may be recorded from acceptance on (settling a bill or moving the hukou does
 * not wait for the contract) until the buyback completes; it is done on a day not after today.
 * An item is recorded once: the same day and evidence again is a retry and returns the same state;
 * anything else is a 409 (a correction is a matter for the audit trail, not an overwrite).
 */
import { appendAudit } from '../../audit/index.js';
import { vacatingItems } from '../../db/schema.js';
import type { CommandContext } from '../context.js';
import { DomainError, invalid } from '../errors.js';
import { exitStage } from '../exits/store.js';
import { parseInput } from '../validate.js';
import { VacatingBody, VacatingItemSchema, type VacatingInput } from './inputs.js';
import { lockBuyback, vacatingChecklist, vacatingOf, type VacatingItem, type VacatingRow } from './store.js';
import type { Tx } from '../../db/client.js';

/** The checklist and what is done of it. */
export type VacatingState = {
  items: Array<{ item: VacatingItem; done: boolean; doneOn: string | null; evidence: { ref: string; note?: string } | null }>;
  complete: boolean;
  missing: VacatingItem[];
};

/** The checklist in force on `asOf` against the rows recorded. */
export function vacatingState(rows: VacatingRow[], asOf: string): VacatingState {
  const by = new Map(rows.map((r) => [r.item, r]));
  const items = vacatingChecklist(asOf).map((item) => {
    const r = by.get(item);
    return { item, done: !!r, doneOn: r?.doneOn ?? null, evidence: (r?.evidence as { ref: string; note?: string } | undefined) ?? null };
  });
  const missing = items.filter((i) => !i.done).map((i) => i.item);
  return { items, complete: missing.length === 0, missing };
}

/** The exit's vacating state in the caller's transaction. */
export async function vacatingOfExit(tx: Tx, exitId: string, asOf: string): Promise<VacatingState> {
  return vacatingState(await vacatingOf(tx, exitId), asOf);
}

/** Record one vacating item of a buyback exit. */
export async function recordVacatingItem(ctx: CommandContext, raw: VacatingInput): Promise<VacatingState> {
  const body = parseInput(VacatingBody, { doneOn: raw.doneOn, evidence: raw.evidence });
  const item = parseInput(VacatingItemSchema, raw.item, 'item');
  const today = ctx.clock.today();
  const now = ctx.clock.now();
  if (!vacatingChecklist(today).includes(item)) {
    throw invalid('item', `“${item}”不在现行腾退事项清单中（第二十九条）。`, `${item} is not on the vacating checklist in force (第二十九条).`);
  }
  if (body.doneOn > today) throw invalid('doneOn', `完成日期（${body.doneOn}）不能晚于今天。`, `doneOn (${body.doneOn}) cannot be after today.`);
  const evidence = body.evidence.note ? { ref: body.evidence.ref, note: body.evidence.note } : { ref: body.evidence.ref };
  return ctx.db.transaction(async (tx) => {
    const b = await lockBuyback(tx, ctx.actor, raw.exitId);
    const rows = await vacatingOf(tx, b.exit.id);
    const earlier = rows.find((r) => r.item === item);
    if (earlier) {
      const e = earlier.evidence as { ref: string; note?: string };
      if (earlier.doneOn === body.doneOn && e.ref === evidence.ref) return vacatingState(rows, today);
      throw new DomainError('VACATING_RECORDED', 409, `腾退事项“${item}”已于${earlier.doneOn}登记（凭证 ${e.ref}）。`,
        `The vacating item ${item} was already recorded as done on ${earlier.doneOn} (evidence ${e.ref}).`, 'item', { doneOn: earlier.doneOn, ref: e.ref });
    }
    if (b.exit.status !== 'accepted' && b.exit.status !== 'contracted') {
      throw exitStage(b.exit, '不能登记腾退事项。', 'vacating items are recorded between acceptance and completion.');
    }
    if (body.doneOn < b.exit.submittedOn) {
      throw invalid('doneOn', `完成日期（${body.doneOn}）早于回购申请日（${b.exit.submittedOn}）。`, `doneOn (${body.doneOn}) is before the exit was applied for (${b.exit.submittedOn}).`);
    }
    const [row] = await tx.insert(vacatingItems).values({
      exitId: b.exit.id, item, doneOn: body.doneOn, evidence, recordedBy: ctx.actor.accountId, recordedAt: now,
    }).returning();
    await appendAudit(tx, {
      actor: ctx.actor, action: 'buyback.vacating', targetType: 'exit_application', targetId: b.exit.id, at: now,
      detail: { exitNo: b.exit.exitNo, item, doneOn: body.doneOn, evidence, article: '第二十九条' },
    });
    return vacatingState([...rows, row!], today);
  });
}
