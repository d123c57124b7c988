/**
 * Who a title names (第十八条: 购房人, 以购房合同签订为准) and how it is stored: a family of the
 * scheme by its application (masked name and ID from the application, the principal applicant's
 * ID blind index from its current revision), a person outside it (an heir or a former spouse,
 * 第二十二条) encrypted with its blind index, or the government after a buyback (第二十九条).
 *
 * Reading: a person's envelope is bound to the title row (AAD `titles.holder:<id>`), so it cannot
 * be copied onto another title; the id is chosen before the row is written for that reason.
 */
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { applications, titles } from '../../db/schema.js';
import { maskId, maskName } from '../../rules/core/mask.js';
import type { ApplicationForm } from '../applications/form.js';
import { revisionBySeq } from '../applications/store.js';
import { AAD } from '../../crypto/index.js';
import type { CommandContext } from '../context.js';
import { notFound } from '../errors.js';

/** The new holder of a title. */
export type HolderInput =
  | { kind: 'family'; applicationId: string }
  | { kind: 'person'; name: string; idNumber: string }
  | { kind: 'government' };

/** The holder columns of a title row. */
export type HolderColumns = Pick<typeof titles.$inferInsert,
  'holderKind' | 'holderApplicationId' | 'holderIdBlind' | 'holderEnc' | 'holderMaskedName' | 'holderMaskedId'>;

/** AAD of a person holder's envelope on title `titleId`. */
export const titleHolderAad = (titleId: string) => `titles.holder:${titleId}`;

/** The applicant of a family's current revision, when it can be read. */
export async function familyApplicant(tx: Tx, ctx: Pick<CommandContext, 'crypto'>, applicationId: string) {
  const [app] = await tx.select().from(applications).where(eq(applications.id, applicationId));
  if (!app) throw notFound('申请', 'application');
  const rev = await revisionBySeq(tx, app.id, app.currentRevision);
  let person: { name: string; idNumber: string } | undefined;
  if (rev) {
    const form = ctx.crypto.decryptJson<ApplicationForm>(rev.formEnc, AAD.revisionForm(app.id));
    const a = form.members.find((m) => m.relation === 'applicant');
    if (a) person = { name: a.name, idNumber: a.idNumber };
  }
  return { app, person };
}

/** The columns for `holder` on the title row `titleId`. */
export async function holderColumns(tx: Tx, ctx: Pick<CommandContext, 'crypto'>, titleId: string, holder: HolderInput): Promise<HolderColumns> {
  if (holder.kind === 'government') {
    return { holderKind: 'government', holderApplicationId: null, holderIdBlind: null, holderEnc: null, holderMaskedName: '政府（回购）', holderMaskedId: null };
  }
  if (holder.kind === 'person') {
    return {
      holderKind: 'person', holderApplicationId: null, holderIdBlind: ctx.crypto.blindIndex(holder.idNumber),
      holderEnc: ctx.crypto.encryptJson({ name: holder.name, idNumber: holder.idNumber }, titleHolderAad(titleId)),
      holderMaskedName: maskName(holder.name), holderMaskedId: maskId(holder.idNumber),
    };
  }
  const { app, person } = await familyApplicant(tx, ctx, holder.applicationId);
  return {
    holderKind: 'family', holderApplicationId: app.id, holderIdBlind: person ? ctx.crypto.blindIndex(person.idNumber) : null, holderEnc: null,
    holderMaskedName: app.maskedApplicantName ?? (person ? maskName(person.name) : null),
    holderMaskedId: app.maskedApplicantId ?? (person ? maskId(person.idNumber) : null),
  };
}

/** The holder's full name and ID number (staff reads only), or null when not readable. */
export async function holderInFull(tx: Tx, ctx: Pick<CommandContext, 'crypto'>, t: typeof titles.$inferSelect): Promise<{ name: string; idNumber: string } | null> {
  if (t.holderKind === 'person' && t.holderEnc) return ctx.crypto.decryptJson(t.holderEnc, titleHolderAad(t.id));
  if (t.holderKind === 'family' && t.holderApplicationId) return (await familyApplicant(tx, ctx, t.holderApplicationId)).person ?? null;
  return null;
}
