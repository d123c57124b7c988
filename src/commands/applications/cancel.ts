/**
 * cancelQualification: staff cancel a qualification obtained by deception
 * (济政发〔2025〕3号 第三十一条第（一）项: 已取得购房资格的，予以取消), with a reason and evidence.
 * (Rescission of a contract and buy-back, items (二) and (三), belong to the sale issues.)
 */
import { z } from 'zod';
import { notices } from '../../db/schema.js';
import { appendAudit } from '../../audit/index.js';
import { enqueue } from '../../notify/index.js';
import { districtName } from '../../db/reference/districts.js';
import type { CommandContext } from '../context.js';
import { badState } from '../errors.js';
import { parseInput } from '../validate.js';
import { decideRevision, loadForDecision, parseReason } from './decide.js';
import { addEvent, nextNoticeNo, releasePersons, updateApplication } from './store.js';
import { closeOtherRegistrations } from '../registrations/refunds.js';
import { releaseUnsignedOnLeaving } from '../selection/release.js';

export const EvidenceSchema = z.array(z.object({
  description: z.string().trim().min(2, '请描述证据 / describe the evidence').max(1000),
  /** Where the evidence is kept: a case file number, a department letter, a document id. */
  reference: z.string().trim().max(200).optional(),
  department: z.enum(['property', 'civil_affairs', 'social_insurance', 'provident_fund', 'public_security', 'other']).optional(),
})).min(1, '至少提供一项证据 / at least one piece of evidence is required').max(20);

export type Evidence = z.infer<typeof EvidenceSchema>;

/** Cancel an admitted family's qualification. */
export async function cancelQualification(ctx: CommandContext, input: { applicationId: string; reason: string; evidence: unknown }): Promise<{ id: string; status: 'cancelled'; noticeNo: string }> {
  const reason = parseReason(input.reason);
  const evidence = parseInput(EvidenceSchema, input.evidence, 'evidence');
  const now = ctx.clock.now();
  const today = ctx.clock.today();
  return ctx.db.transaction(async (tx) => {
    const { app, pending } = await loadForDecision(tx, ctx, input.applicationId);
    if (app.status !== 'admitted') throw badState(app.status, '取消资格', 'cancel the qualification');
    if (pending) await decideRevision(tx, ctx, pending, 'rejected', reason);
    const noticeNo = await nextNoticeNo(tx, 'cancellation', today);
    await releasePersons(tx, app.id);
    await closeOtherRegistrations(tx, ctx, app.id, null, `资格被撤销（第三十一条）：${reason}`);
    await releaseUnsignedOnLeaving(tx, app.id, `资格被撤销（第三十一条）：${reason}`, now);
    await updateApplication(tx, app, now, { status: 'cancelled', closedOn: today, closedReason: reason });
    await tx.insert(notices).values({
      noticeNo, applicationId: app.id, kind: 'cancellation', issuedOn: today,
      payload: { regCode: app.regCode, districtName: districtName(app.districtCode), reason, article: '第三十一条', clause: '（一）', evidence },
    });
    await addEvent(tx, ctx, { applicationId: app.id, kind: 'cancelled', from: 'admitted', to: 'cancelled', reason, article: '第三十一条（一）', evidence: { noticeNo, items: evidence } });
    await enqueue(tx, { accountId: app.accountId, template: 'cancelled', params: { regCode: app.regCode, reason } }, now);
    await appendAudit(tx, { actor: ctx.actor, action: 'application.cancel', targetType: 'application', targetId: app.id, at: now, detail: { regCode: app.regCode, noticeNo, reason, evidence } });
    return { id: app.id, status: 'cancelled', noticeNo };
  });
}
