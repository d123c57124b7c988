/**
 * approveApplication: staff admit a family to the waiting list with a numbered 准予入库通知书
 * (济政发〔2025〕3号 第八条), or approve a change of its data (第九条) which then becomes current.
 * Only a revision the eligibility rule found eligible can be approved.
 */
import { notices } from '../../db/schema.js';
import { AAD } from '../../crypto/index.js';
import { appendAudit } from '../../audit/index.js';
import { enqueue } from '../../notify/index.js';
import { rules } from '../../rules/registry.js';
import { maskId, maskName } from '../../rules/core/mask.js';
import { districtName } from '../../db/reference/districts.js';
import type { CommandContext } from '../context.js';
import { DomainError, badState } from '../errors.js';
import type { ApplicationForm } from './form.js';
import { decideRevision, loadForDecision, revisionBlinds } from './decide.js';
import { addEvent, nextNoticeNo, releasePersons, revisionBySeq, updateApplication } from './store.js';
import type { Verdict } from './verdict.js';

export interface ApproveOutput {
  id: string;
  regCode: string;
  status: 'admitted';
  kind: 'admission' | 'change';
  noticeNo: string | null;
  admittedOn: string | null;
  confirmDeadline: string | null;
}

/** The 第八条 deadline for a family admitted or last confirmed on `from`. */
export function confirmDeadlineOf(admittedOn: string, lastConfirmedOn: string | null, today: string): string {
  const r = rules['housing.waitlist-status'].evaluate({ admittedOn, lastConfirmedOn, purchased: false }, today);
  return (r.value as { deadline: string }).deadline;
}

/** Approve the revision under review. */
export async function approveApplication(ctx: CommandContext, input: { applicationId: string; note?: string }): Promise<ApproveOutput> {
  const now = ctx.clock.now();
  const today = ctx.clock.today();
  const note = input.note?.trim() || null;
  return ctx.db.transaction(async (tx) => {
    const { app, pending } = await loadForDecision(tx, ctx, input.applicationId);
    if (!pending) {
      if (app.status === 'admitted') {
        // A retried approval: report what was decided.
        return { id: app.id, regCode: app.regCode, status: 'admitted', kind: 'admission', noticeNo: app.noticeNo, admittedOn: app.admittedOn, confirmDeadline: app.confirmDeadline };
      }
      throw badState(app.status, '批准', 'approve');
    }
    const verdict = pending.verdict as Verdict;
    if (!verdict?.value?.eligible) {
      const failed = verdict?.value?.reasons?.filter((r) => !r.passed).map((r) => `${r.article} ${r.message_zh}`).join('；');
      throw new DomainError('NOT_ELIGIBLE', 422, `规则判定该家庭不符合条件，不能批准（${failed || '无判定结果'}）。请退回补正或不予通过。`,
        'The eligibility rule found the family not eligible; return or reject it instead.', undefined, { reasons: verdict?.value?.reasons ?? [] });
    }
    const form = ctx.crypto.decryptJson<ApplicationForm>(pending.formEnc, AAD.revisionForm(app.id));
    const applicant = form.members.find((m) => m.relation === 'applicant')!;
    const common = {
      category: verdict.value.category, priority: verdict.value.priority, currentRevision: pending.seq, districtCode: form.districtCode,
      maskedApplicantName: maskName(applicant.name), maskedApplicantId: maskId(applicant.idNumber),
    };

    if (pending.kind === 'change') {
      if (app.status !== 'admitted') throw badState(app.status, '批准变更', 'approve a change');
      const old = await revisionBySeq(tx, app.id, app.currentRevision);
      if (old) await decideRevision(tx, ctx, old, 'superseded', null);
      await decideRevision(tx, ctx, pending, 'approved', note);
      // Members the change removed leave the family and are free to apply elsewhere.
      await releasePersons(tx, app.id, await revisionBlinds(tx, pending.id));
      await updateApplication(tx, app, now, common);
      await addEvent(tx, ctx, { applicationId: app.id, kind: 'change_approved', from: 'admitted', to: 'admitted', reason: note, article: '第九条' });
      await enqueue(tx, { accountId: app.accountId, template: 'change_approved', params: { regCode: app.regCode } }, now);
      await appendAudit(tx, { actor: ctx.actor, action: 'application.change.approve', targetType: 'application', targetId: app.id, at: now, detail: { regCode: app.regCode, revision: pending.seq, note } });
      return { id: app.id, regCode: app.regCode, status: 'admitted', kind: 'change', noticeNo: app.noticeNo, admittedOn: app.admittedOn, confirmDeadline: app.confirmDeadline };
    }

    if (app.status !== 'submitted') throw badState(app.status, '批准', 'approve');
    const noticeNo = await nextNoticeNo(tx, 'admission', today);
    const deadline = confirmDeadlineOf(today, null, today);
    await decideRevision(tx, ctx, pending, 'approved', note);
    await updateApplication(tx, app, now, { ...common, status: 'admitted', admittedOn: today, confirmDeadline: deadline, noticeNo });
    await tx.insert(notices).values({
      noticeNo, applicationId: app.id, kind: 'admission', issuedOn: today,
      payload: { regCode: app.regCode, districtCode: form.districtCode, districtName: districtName(form.districtCode), category: verdict.value.category, priority: verdict.value.priority, admittedOn: today, reconfirmBy: deadline, revision: pending.seq },
    });
    await addEvent(tx, ctx, { applicationId: app.id, kind: 'admitted', from: 'submitted', to: 'admitted', reason: note, article: '第八条', evidence: { noticeNo } });
    await enqueue(tx, { accountId: app.accountId, template: 'application_admitted', params: { regCode: app.regCode, noticeNo, admittedOn: today, deadline } }, now);
    await appendAudit(tx, { actor: ctx.actor, action: 'application.approve', targetType: 'application', targetId: app.id, at: now, detail: { regCode: app.regCode, noticeNo, revision: pending.seq, note } });
    return { id: app.id, regCode: app.regCode, status: 'admitted', kind: 'admission', noticeNo, admittedOn: today, confirmDeadline: deadline };
  });
}
