/**
 * The project's fund ledger (济政发〔2025〕3号 第十七条: 保障性住房资金管理遵循专款专用、封闭运行原则。项目的
 * 资本金、开发贷款、销售资金、财政补助、政府专项债及其他相关资金，应当依法依规使用). The implementer records
 * what came in and went out, by source; staff and the auditor read.
 *
 * Interpretation of 封闭运行 (closed operation): money may leave the project only after it was
 * recorded coming in, so an outflow may not take the project's recorded balance below zero; a
 * payment made from outside money must first be recorded as an inflow (e.g. source 其他).
 * A ledger records facts: an entry may not be dated after today.
 */
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '../../audit/index.js';
import { FUND_SOURCES, fundLedger } from '../../db/schema.js';
import { isIsoDate } from '../../rules/core/dates.js';
import type { CommandContext } from '../context.js';
import { DomainError, invalid } from '../errors.js';
import { assertProjectAccess, loadProject } from '../sale/access.js';
import { parseInput } from '../validate.js';
import { postFund } from './ledger.js';

/** The input of a fund entry; the route uses the same schema. */
export const FundEntrySchema = z.object({
  source: z.enum(FUND_SOURCES, { message: '资金来源须为资本金、开发贷款、销售回款、财政补助、专项债或其他 / source must be one of the six sources of 第十七条' }),
  direction: z.enum(['in', 'out'], { message: '方向须为 in（收入）或 out（支出） / direction must be in or out' }),
  amountFen: z.number({ message: '金额须为整数（分） / amountFen must be an integer number of fen' })
    .int('金额须为整数（分） / amountFen must be an integer number of fen').positive('金额须大于 0 / amountFen must be greater than 0')
    .max(Number.MAX_SAFE_INTEGER, '金额过大 / amountFen is too large'),
  occurredOn: z.string().refine(isIsoDate, '日期须为有效的 YYYY-MM-DD / occurredOn must be a calendar date YYYY-MM-DD'),
  memo: z.string().trim().min(1, '请填写摘要 / memo is required').max(500, '摘要不超过 500 字 / memo is at most 500 characters'),
  reference: z.string().trim().min(1, '请填写凭证号 / reference is required').max(100, '凭证号不超过 100 字 / reference is at most 100 characters'),
});
export type FundEntryInput = z.infer<typeof FundEntrySchema>;
export type FundEntryRow = typeof fundLedger.$inferSelect;

/** Records an entry; the same reference again with the same content returns the first entry. */
export async function recordFund(ctx: CommandContext, input: { projectId: string } & Record<string, unknown>): Promise<FundEntryRow> {
  const e = parseInput(FundEntrySchema, input);
  if (e.occurredOn > ctx.clock.today()) throw invalid('occurredOn', '发生日期不能晚于今天。', 'occurredOn cannot be after today.');
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    // The project row lock orders concurrent entries, so the balance check below sees them all.
    const project = await loadProject(tx, input.projectId, true);
    assertProjectAccess(ctx.actor, project, 'implementer');
    const key = and(eq(fundLedger.projectId, project.id), eq(fundLedger.source, e.source), eq(fundLedger.direction, e.direction), eq(fundLedger.reference, e.reference));
    const [prior] = await tx.select().from(fundLedger).where(key);
    if (prior) {
      if (prior.amountFen === e.amountFen && prior.occurredOn === e.occurredOn) return prior;
      throw new DomainError('REFERENCE_USED', 409, `凭证号 ${e.reference} 已登记过另一笔${e.direction === 'in' ? '收入' : '支出'}。`,
        `Reference ${e.reference} was already recorded for another entry.`, 'reference');
    }
    if (e.direction === 'out') {
      const [b] = await tx.select({ n: sql<string>`coalesce(sum(case when ${fundLedger.direction} = 'in' then ${fundLedger.amountFen} else -${fundLedger.amountFen} end), 0)` })
        .from(fundLedger).where(eq(fundLedger.projectId, project.id));
      const balance = Number(b?.n ?? 0);
      if (e.amountFen > balance) {
        throw new DomainError('INSUFFICIENT_FUNDS', 409, `支出超过项目资金余额（余额 ${balance} 分）；资金封闭运行，须先登记资金来源（第十七条）。`,
          `The outflow exceeds the project's recorded balance (${balance} fen); record the inflow first (第十七条).`, 'amountFen', { balanceFen: balance });
      }
    }
    await postFund(tx, { projectId: project.id, ...e, recordedBy: ctx.actor.accountId, recordedAt: now });
    const [row] = await tx.select().from(fundLedger).where(key);
    await appendAudit(tx, {
      actor: ctx.actor, action: 'funds.record', targetType: 'project', targetId: project.id, at: now,
      detail: { entryId: row!.id, source: e.source, direction: e.direction, amountFen: e.amountFen, occurredOn: e.occurredOn, reference: e.reference, article: '第十七条' },
    });
    return row!;
  });
}
