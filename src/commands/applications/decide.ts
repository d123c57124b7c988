/** Shared pieces of the staff decisions (approve, return, reject, cancel). */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../../db/client.js';
import { applicationMembers, applicationRevisions } from '../../db/schema.js';
import { assertStaff } from '../authz.js';
import type { CommandContext } from '../context.js';
import { parseInput } from '../validate.js';
import { latestRevision, lockApplication, revisionBySeq, type ApplicationRow, type RevisionRow } from './store.js';

/** A reason staff must give (shown to the family). */
export const ReasonSchema = z.string().trim().min(2, '请填写原因 / a reason is required').max(1000, '原因过长 / reason too long');

/** Parse a required reason, naming the field "reason". */
export const parseReason = (v: unknown) => parseInput(ReasonSchema, v, 'reason');

/** Lock the application, check the staff member may act on it, and find the revision under review (if any). */
export async function loadForDecision(tx: Tx, ctx: CommandContext, applicationId: string): Promise<{ app: ApplicationRow; pending: RevisionRow | null; latest: RevisionRow }> {
  const app = await lockApplication(tx, applicationId);
  assertStaff(ctx.actor, app, 'write');
  const latest = await latestRevision(tx, app.id);
  return { app, pending: latest.status === 'submitted' ? latest : null, latest };
}

/** Blind indexes of a revision's members. */
export async function revisionBlinds(tx: Tx, revisionId: string): Promise<string[]> {
  const rows = await tx.select({ b: applicationMembers.idBlind }).from(applicationMembers).where(eq(applicationMembers.revisionId, revisionId)).orderBy(applicationMembers.idx);
  return rows.map((r) => r.b);
}

/** Blind indexes of the application's current (approved) revision. */
export async function currentBlinds(tx: Tx, app: ApplicationRow): Promise<string[]> {
  const cur = await revisionBySeq(tx, app.id, app.currentRevision);
  return cur ? revisionBlinds(tx, cur.id) : [];
}

/** Record a decision on a revision. */
export async function decideRevision(tx: Tx, ctx: CommandContext, rev: RevisionRow, status: 'approved' | 'returned' | 'rejected' | 'superseded', reason: string | null): Promise<void> {
  const now = ctx.clock.now();
  await tx.update(applicationRevisions).set({
    status, decidedAt: now, decidedBy: ctx.actor.accountId || null, decisionReason: reason, updatedAt: now,
  }).where(eq(applicationRevisions.id, rev.id));
}
