/**
 * The new holder of a unit after inheritance or divorce (济政发〔2025〕3号 第二十二条), and how many
 * units that holder now holds.
 *
 * Readings: a holder named by registration code is that family of the scheme. A holder named by
 * name and ID number is a person outside the scheme — unless the ID's blind index is held in
 * `active_persons` by a family that holds a current title: then the heir is a member of a family
 * already housed by the scheme, and the unit goes to that family (第二十二条 speaks of 保障家庭),
 * so its second unit is counted against the family. A person in an application that holds no
 * unit (still waiting) is recorded as a person: the waiting application is not a holding.
 */
import { and, count, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { activePersons, applications, titles } from '../../db/schema.js';
import { parseIdNumber } from '../../rules/core/id-number.js';
import { maskName } from '../../rules/core/mask.js';
import type { CommandContext } from '../context.js';
import { invalid } from '../errors.js';
import type { HolderInput } from '../titles/holder.js';

export type NewHolderInput = { regCode: string } | { name: string; idNumber: string };

/** Who the holder turned out to be, for the title and for the view. */
export type ResolvedHolder = {
  holder: HolderInput;
  /** The family when the holder is (or was resolved to) one. */
  applicationId: string | null;
  regCode: string | null;
  /** A person's blind index (null for a family). */
  idBlind: string | null;
  maskedName: string | null;
  /** True when a person was found to be a member of a housed family. */
  resolvedFromPerson: boolean;
};

/** Resolve `newHolder`; 400 naming newHolder.regCode / newHolder.idNumber when it cannot be. */
export async function resolveHolder(tx: Tx, ctx: CommandContext, input: NewHolderInput): Promise<ResolvedHolder> {
  if ('regCode' in input) {
    const [app] = await tx.select().from(applications).where(eq(applications.regCode, input.regCode.trim()));
    if (!app) throw invalid('newHolder.regCode', `登记号 ${input.regCode} 不存在。`, `No application has registration code ${input.regCode}.`, 'UNKNOWN_REG_CODE');
    return { holder: { kind: 'family', applicationId: app.id }, applicationId: app.id, regCode: app.regCode, idBlind: null, maskedName: app.maskedApplicantName, resolvedFromPerson: false };
  }
  const parsed = parseIdNumber(input.idNumber.trim());
  if (!parsed.ok) throw invalid('newHolder.idNumber', `身份证号码有误：${parsed.message_zh}`, `The ID number is not valid: ${parsed.message_en}`, 'INVALID_ID_NUMBER');
  const idBlind = ctx.crypto.blindIndex(parsed.value.idNumber);
  const [housed] = await tx.select({ id: applications.id, regCode: applications.regCode, maskedName: applications.maskedApplicantName })
    .from(activePersons).innerJoin(applications, eq(applications.id, activePersons.applicationId))
    .innerJoin(titles, and(eq(titles.holderApplicationId, applications.id), isNull(titles.supersededOn)))
    .where(eq(activePersons.idBlind, idBlind)).limit(1);
  if (housed) {
    return { holder: { kind: 'family', applicationId: housed.id }, applicationId: housed.id, regCode: housed.regCode, idBlind: null, maskedName: housed.maskedName, resolvedFromPerson: true };
  }
  return {
    holder: { kind: 'person', name: input.name.trim(), idNumber: parsed.value.idNumber }, applicationId: null, regCode: null, idBlind,
    maskedName: maskName(input.name), resolvedFromPerson: false,
  };
}

/** The holder's current titles: by family, or by a person's blind index. */
export async function unitsHeld(tx: Tx, h: Pick<ResolvedHolder, 'applicationId' | 'idBlind'>): Promise<number> {
  const by = h.applicationId
    ? and(eq(titles.holderApplicationId, h.applicationId), isNull(titles.supersededOn))
    : and(eq(titles.holderKind, 'person'), eq(titles.holderIdBlind, h.idBlind!), isNull(titles.supersededOn));
  const [{ n }] = await tx.select({ n: count() }).from(titles).where(by);
  return Number(n);
}
