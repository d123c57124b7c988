/**
 * saveDraft: the family saves its form and may come back to it (issue 2, step 1). A new
 * application gets its registration code at once; a draft or a returned application is
 * edited in place. Nothing is checked beyond the district until submission.
 */
import { and, eq } from 'drizzle-orm';
import { applicationRevisions, applications } from '../../db/schema.js';
import { AAD } from '../../crypto/index.js';
import { assertOwner, requireRole } from '../authz.js';
import type { CommandContext } from '../context.js';
import { badState } from '../errors.js';
import { parseInput } from '../validate.js';
import { DraftFormSchema } from './form.js';
import { addEvent, latestRevision, lockApplication, regCodeSql, updateApplication } from './store.js';

export interface SaveDraftInput {
  /** Absent: start a new application. */
  applicationId?: string;
  form: unknown;
}

export interface SaveDraftOutput {
  id: string;
  regCode: string;
  status: string;
  revision: number;
}

/** Create or update the family's working draft. */
export async function saveDraft(ctx: CommandContext, input: SaveDraftInput): Promise<SaveDraftOutput> {
  requireRole(ctx.actor, ['applicant']);
  const form = parseInput(DraftFormSchema, input.form, 'form');
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    if (!input.applicationId) {
      const [app] = await tx.insert(applications).values({
        regCode: regCodeSql(ctx.clock.today()), accountId: ctx.actor.accountId, districtCode: form.districtCode, status: 'draft', createdAt: now, updatedAt: now,
      }).returning();
      const regCode = app.regCode;
      await tx.insert(applicationRevisions).values({
        applicationId: app.id, seq: 1, kind: 'initial', status: 'draft',
        formEnc: ctx.crypto.encryptJson(form, AAD.revisionForm(app.id)), createdAt: now, updatedAt: now,
      });
      await addEvent(tx, ctx, { applicationId: app.id, kind: 'draft_created', to: 'draft' });
      return { id: app.id, regCode, status: 'draft', revision: 1 };
    }
    const app = await lockApplication(tx, input.applicationId);
    assertOwner(ctx.actor, app);
    if (app.status !== 'draft' && app.status !== 'returned') throw badState(app.status, '修改草稿', 'edit the draft');
    const rev = await latestRevision(tx, app.id);
    await tx.update(applicationRevisions).set({
      formEnc: ctx.crypto.encryptJson(form, AAD.revisionForm(app.id)), updatedAt: now,
    }).where(and(eq(applicationRevisions.id, rev.id)));
    // The district is where the family files; it may still change before submission.
    const updated = await updateApplication(tx, app, now, { districtCode: form.districtCode });
    return { id: app.id, regCode: app.regCode, status: updated.status, revision: rev.seq };
  });
}
