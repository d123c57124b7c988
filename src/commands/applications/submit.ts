/**
 * submitApplication: the family submits its draft (or its corrected, returned application)
 * for review (济政发〔2025〕3号 第八条: 经审核符合条件的申请家庭…纳入轮候库). In one transaction:
 * full validation, the four department checks, the eligibility rule with the checked values,
 * the members' blind indexes held in active_persons (a person in another active application
 * makes the whole submission fail with 409), the outbox notification and the audit row.
 */
import { eq } from 'drizzle-orm';
import { applicationRevisions } from '../../db/schema.js';
import { AAD } from '../../crypto/index.js';
import { appendAudit } from '../../audit/index.js';
import { storeChecks } from '../../datachecks/index.js';
import { enqueue } from '../../notify/index.js';
import { maskId, maskName } from '../../rules/core/mask.js';
import { districtName } from '../../db/reference/districts.js';
import { assertOwner } from '../authz.js';
import type { CommandContext } from '../context.js';
import { badState } from '../errors.js';
import { parseInput } from '../validate.js';
import { ApplicationFormSchema, memberFacts, type ApplicationForm } from './form.js';
import { addEvent, holdPersons, latestRevision, lockApplication, releasePersons, updateApplication, writeMembers } from './store.js';
import { evaluateFamily, type Verdict } from './verdict.js';

export interface SubmitOutput {
  id: string;
  regCode: string;
  status: 'submitted';
  revision: number;
  verdict: Verdict;
}

/** Submit a draft or returned application. Submitting again an application already submitted returns it unchanged. */
export async function submitApplication(ctx: CommandContext, input: { applicationId: string }): Promise<SubmitOutput> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const app = await lockApplication(tx, input.applicationId);
    assertOwner(ctx.actor, app);
    const rev = await latestRevision(tx, app.id);
    if (app.status === 'submitted' && rev.status === 'submitted') {
      // A retried request: the first one went through.
      return { id: app.id, regCode: app.regCode, status: 'submitted', revision: rev.seq, verdict: rev.verdict as Verdict };
    }
    if (app.status !== 'draft' && app.status !== 'returned') throw badState(app.status, '提交', 'submit');
    const form: ApplicationForm = parseInput(ApplicationFormSchema, ctx.crypto.decryptJson(rev.formEnc, AAD.revisionForm(app.id)), 'form');

    const { verdict, checks } = await evaluateFamily(ctx, form);
    const blinds = form.members.map((m) => ctx.crypto.blindIndex(m.idNumber));
    // A corrected application may have dropped members: free them, then hold the current ones.
    // A draft was never submitted, so it holds nobody and its revision has no member rows yet.
    const firstWrite = app.status === 'draft';
    if (!firstWrite) await releasePersons(tx, app.id, blinds);
    await holdPersons(tx, app.id, blinds, now);

    await writeMembers(tx, rev.id, form.members.map((m, i) => ({
      relation: m.relation, idBlind: blinds[i], ...memberFacts(m), hukouType: m.hukou.type, hukouCity: m.hukou.city,
    })), { firstWrite });
    await storeChecks(tx, { applicationId: app.id, revisionId: rev.id, purpose: 'review', members: blinds }, checks);
    await tx.update(applicationRevisions).set({ status: 'submitted', submittedAt: now, updatedAt: now, verdict: verdict as never })
      .where(eq(applicationRevisions.id, rev.id));
    const applicant = form.members.find((m) => m.relation === 'applicant')!;
    await updateApplication(tx, app, now, {
      status: 'submitted', submittedAt: now, districtCode: form.districtCode,
      category: verdict.value.category, priority: verdict.value.priority,
      maskedApplicantName: maskName(applicant.name), maskedApplicantId: maskId(applicant.idNumber),
    });
    await addEvent(tx, ctx, { applicationId: app.id, kind: 'submitted', from: app.status, to: 'submitted', article: '第八条' });
    await enqueue(tx, { accountId: app.accountId, template: 'application_submitted', params: { regCode: app.regCode, district: districtName(form.districtCode) } }, now);
    await appendAudit(tx, {
      actor: ctx.actor, action: 'application.submit', targetType: 'application', targetId: app.id, at: now,
      detail: { regCode: app.regCode, revision: rev.seq, eligible: verdict.value.eligible, requestId: ctx.requestId },
    });
    return { id: app.id, regCode: app.regCode, status: 'submitted', revision: rev.seq, verdict };
  });
}
