/**
 * requestChange: while waiting, an admitted family asks to change its hukou, income, members,
 * education or housing data (济政发〔2025〕3号 第九条). The change is a new revision, checked
 * against the departments and the eligibility rule again and reviewed like a first
 * application; the family keeps its place meanwhile. New members are held in active_persons
 * at once, so they cannot join another family while the change is pending.
 */
import { and, eq, max } from 'drizzle-orm';
import { applicationRevisions } from '../../db/schema.js';
import { AAD } from '../../crypto/index.js';
import { appendAudit } from '../../audit/index.js';
import { storeChecks } from '../../datachecks/index.js';
import { enqueue } from '../../notify/index.js';
import { assertOwner } from '../authz.js';
import type { CommandContext } from '../context.js';
import { DomainError, badState } from '../errors.js';
import { parseInput } from '../validate.js';
import { parseReason } from './decide.js';
import { ApplicationFormSchema, memberFacts } from './form.js';
import { addEvent, holdPersons, latestRevision, lockApplication, updateApplication, writeMembers } from './store.js';
import { evaluateFamily, type Verdict } from './verdict.js';

export interface RequestChangeOutput {
  id: string;
  status: 'admitted';
  revision: number;
  verdict: Verdict;
}

/** File a change request on an admitted application. */
export async function requestChange(ctx: CommandContext, input: { applicationId: string; form: unknown; reason: string }): Promise<RequestChangeOutput> {
  const form = parseInput(ApplicationFormSchema, input.form, 'form');
  const reason = parseReason(input.reason);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const app = await lockApplication(tx, input.applicationId);
    assertOwner(ctx.actor, app);
    if (app.status !== 'admitted') throw badState(app.status, '申请变更', 'request a change');
    const latest = await latestRevision(tx, app.id);
    if (latest.status === 'submitted') {
      throw new DomainError('CHANGE_PENDING', 409, '已有一项变更正在审核，请等待审核结果。', 'A change request is already under review.');
    }
    const { verdict, checks } = await evaluateFamily(ctx, form);
    const blinds = form.members.map((m) => ctx.crypto.blindIndex(m.idNumber));
    await holdPersons(tx, app.id, blinds, now);
    const [{ top }] = await tx.select({ top: max(applicationRevisions.seq) }).from(applicationRevisions).where(and(eq(applicationRevisions.applicationId, app.id)));
    const seq = (top ?? 0) + 1;
    const [rev] = await tx.insert(applicationRevisions).values({
      applicationId: app.id, seq, kind: 'change', status: 'submitted', changeReason: reason,
      formEnc: ctx.crypto.encryptJson(form, AAD.revisionForm(app.id)), createdAt: now, updatedAt: now, submittedAt: now, verdict: verdict as never,
    }).returning();
    await writeMembers(tx, rev.id, form.members.map((m, i) => ({
      relation: m.relation, idBlind: blinds[i], ...memberFacts(m), hukouType: m.hukou.type, hukouCity: m.hukou.city,
    })));
    await storeChecks(tx, { applicationId: app.id, revisionId: rev.id, purpose: 'review', members: blinds }, checks);
    await updateApplication(tx, app, now, {});
    await addEvent(tx, ctx, { applicationId: app.id, kind: 'change_requested', from: 'admitted', to: 'admitted', reason, article: '第九条' });
    await enqueue(tx, { accountId: app.accountId, template: 'change_submitted', params: { regCode: app.regCode } }, now);
    await appendAudit(tx, { actor: ctx.actor, action: 'application.change.request', targetType: 'application', targetId: app.id, at: now, detail: { regCode: app.regCode, revision: seq, eligible: verdict.value.eligible } });
    return { id: app.id, status: 'admitted', revision: seq, verdict };
  });
}
