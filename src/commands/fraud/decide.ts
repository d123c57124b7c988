/**
 * decideFraud: staff of the family's district (or the city) decide on a finding that a family
 * obtained its qualification by deception (济政发〔2025〕3号 第三十一条: 申请家庭在申购保障性住房过程中
 * 弄虚作假骗取保障资格的，按以下情形处理). The action follows the stage the family has reached — it is
 * derived, and an explicit `action` that does not match is refused (409):
 * (一) 已取得购房资格的，予以取消 — admitted (in the list), no signed contract;
 * (二) 已签订购房合同但未办理交房手续的，解除购房合同 — a signed contract not delivered;
 * (三) 已办理交房的，责令限期腾退住房，按合同约定予以回购 — a delivered contract.
 * Each stage is in ./stages.ts; this file checks, numbers (骗保处理〔YYYY〕N号), records, tells the
 * family and audits, all in one transaction. A retry with the same finding answers the decision
 * already taken; a second, different decision on the same family is refused (409).
 */
import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '../../audit/index.js';
import { FRAUD_ACTIONS, applicationRevisions, contracts, fraudDecisions, selections } from '../../db/schema.js';
import { enqueue } from '../../notify/index.js';
import { isoDate } from '../../rules/core/dates.js';
import { fenToYuan } from '../../rules/core/money.js';
import { lockApplication, readApplication } from '../applications/store.js';
import { assertStaff } from '../authz.js';
import type { CommandContext } from '../context.js';
import { DomainError, badState } from '../errors.js';
import { EvidenceSchema } from '../unit-events/store.js';
import { parseInput } from '../validate.js';
import { cancelStage, rescindStage, vacateStage, type StageResult } from './stages.js';
import { ACTION_CLAUSE, decisionOf, fraudView, nextDecisionNo, type FraudAction, type FraudView } from './store.js';

const fen = (f: string) => z.number(`${f} 须为整数（分） / ${f} must be an integer number of fen`).int(`${f} 须为整数（分） / ${f} must be an integer number of fen`).min(0, `${f} 不能为负数 / ${f} cannot be negative`).max(Number.MAX_SAFE_INTEGER);
const Input = z.object({
  applicationId: z.string(),
  finding: z.string('请填写查实的弄虚作假情形 / finding is required').trim().min(2, '请填写查实的弄虚作假情形 / finding is required').max(2000, '情形描述过长 / finding too long'),
  evidence: EvidenceSchema,
  action: z.enum(FRAUD_ACTIONS, '处理方式须为 cancel_qualification、rescind_contract 或 vacate_and_buyback / action is not a 第三十一条 action').optional(),
  downPaymentPaidFen: fen('downPaymentPaidFen').optional(),
  loanDisbursedFen: fen('loanDisbursedFen').optional(),
  vacateByOn: isoDate.optional(),
});
export type DecideFraudInput = z.input<typeof Input>;

/** Decide on a deception finding; the action follows the family's stage. */
export async function decideFraud(ctx: CommandContext, raw: DecideFraudInput): Promise<FraudView> {
  const input = parseInput(Input, raw);
  const today = ctx.clock.today();
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    // Lock order as signing (selection → contract → unit → application): peek, lock the live selection, then the application.
    const peek = await readApplication(tx, input.applicationId);
    assertStaff(ctx.actor, peek, 'write');
    const [live] = await tx.select({ id: selections.id }).from(selections)
      .where(and(eq(selections.applicationId, peek.id), inArray(selections.status, ['locked', 'signed'])));
    if (live) await tx.select({ id: selections.id }).from(selections).where(eq(selections.id, live.id)).for('update');
    const app = await lockApplication(tx, peek.id);
    const [latest] = await tx.select().from(applicationRevisions).where(eq(applicationRevisions.applicationId, app.id)).orderBy(desc(applicationRevisions.seq)).limit(1);
    const pending = latest?.status === 'submitted' ? latest : null;
    const earlier = await decisionOf(tx, app.id);
    if (earlier) {
      if (earlier.finding === input.finding) return fraudView(earlier);
      throw new DomainError('FRAUD_DECIDED', 409, `该家庭已有第三十一条处理决定（${earlier.decisionNo}）。`, `A 第三十一条 decision on this family exists (${earlier.decisionNo}).`, undefined, { decisionNo: earlier.decisionNo });
    }
    const [signed] = await tx.select().from(contracts).where(and(eq(contracts.applicationId, app.id), eq(contracts.status, 'signed'))).for('update');
    const action: FraudAction = signed ? (signed.deliveredOn ? 'vacate_and_buyback' : 'rescind_contract') : 'cancel_qualification';
    if (!signed && app.status !== 'admitted') throw badState(app.status, '按第三十一条处理', 'decide under 第三十一条');
    if (input.action && input.action !== action) {
      throw new DomainError('FRAUD_ACTION_MISMATCH', 409,
        `按该家庭所处阶段应适用第三十一条${ACTION_CLAUSE[action].clause}（${ACTION_CLAUSE[action].zh}），与所选处理方式不符。`,
        `The family's stage calls for 第三十一条${ACTION_CLAUSE[action].clause} (${action}), not ${input.action}.`, 'action', { action });
    }
    const decisionNo = await nextDecisionNo(tx, today);
    const id = randomUUID();
    const reason = `弄虚作假骗取保障资格（第三十一条${ACTION_CLAUSE[action].clause}，${decisionNo}）：${input.finding}`;
    await tx.insert(fraudDecisions).values({
      id, decisionNo, applicationId: app.id, action, finding: input.finding, evidence: input.evidence, contractId: signed?.id ?? null,
      decidedBy: ctx.actor.accountId, decidedAt: now,
    });
    const s = { tx, ctx, app, pending, decisionId: id, decisionNo, reason, input };
    const r: StageResult = action === 'cancel_qualification' ? await cancelStage(s)
      : action === 'rescind_contract' ? await rescindStage(s, signed!) : await vacateStage(s, signed!);
    const [row] = await tx.update(fraudDecisions).set({ refund: r.refund ?? null, vacateByOn: r.vacateByOn ?? null, exitId: r.exitId ?? null })
      .where(eq(fraudDecisions.id, id)).returning();
    const detail = r.refund ? `应退还家庭 ${fenToYuan(r.refund.toFamilyFen)} 元、贷款机构 ${fenToYuan(r.refund.toLenderFen)} 元。`
      : r.vacateByOn ? `请于 ${r.vacateByOn} 前（含当日）腾退住房，回购按合同约定办理（${r.exitNo}）。` : '';
    await enqueue(tx, {
      accountId: app.accountId, template: 'fraud_decided',
      params: { finding: input.finding, clause: ACTION_CLAUSE[action].clause, actionLabel: ACTION_CLAUSE[action].zh, decisionNo, detail },
    }, now);
    await appendAudit(tx, {
      actor: ctx.actor, action: 'fraud.decide', targetType: 'application', targetId: app.id, at: now,
      detail: { decisionNo, action, article: `第三十一条${ACTION_CLAUSE[action].clause}`, finding: input.finding, evidence: input.evidence, contractId: signed?.id ?? null, ...r.audit },
    });
    return fraudView(row!);
  });
}
