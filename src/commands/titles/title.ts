/**
 * 第十八条: title registration (不动产登记). After delivery the implementer and the buyer (as the
 * signed contract names it) apply; the registration states 房屋性质 配售型保障性住房 and 土地性质
 * 划拨 — the schema fixes both (titles_nature_ck), so no command can register anything else.
 *
 * registerFirstTitle records the first title of a sold unit (registerTitle in register.ts hands a
 * resale contract on to registerResaleTitle); supersedeTitle ends the current title and
 * writes the next one in the caller's transaction (inheritance and divorce 第二十二条, internal
 * transfer 第二十四条, buyback 第二十九条, resale 第三十条). A unit has one current title
 * (titles_unit_current_uq); a family holds at most one unit it bought (titles_family_bought_uq).
 *
 * Readings: the certificate's date is not in the future and not before delivery (one cannot
 * register a unit not yet handed over); a retry with the same certificate for the same contract
 * answers the title already recorded.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { appendAudit } from '../../audit/index.js';
import type { Tx } from '../../db/client.js';
import { BOUGHT_ORIGINS, TITLE_LAND_NATURE, TITLE_NATURE, TITLE_ORIGINS, titles } from '../../db/schema.js';
import { isIsoDate } from '../../rules/core/dates.js';
import { uniqueViolation } from '../selection/store.js';
import type { CommandContext } from '../context.js';
import { DomainError, invalid } from '../errors.js';
import { assertUnitAccess, loadUnitScope } from './access.js';
import { assertSigned, lockContract } from './delivery.js';
import { holderColumns, type HolderInput } from './holder.js';

export type TitleRow = typeof titles.$inferSelect;
const BOUGHT: readonly string[] = BOUGHT_ORIGINS;
export type TitleOrigin = (typeof TITLE_ORIGINS)[number];

/** A title as shown to staff and the implementer (holder masked). */
export type TitleView = {
  id: string; unitId: string; certificateNo: string; nature: string; landNature: string; origin: string;
  holderKind: string; holderApplicationId: string | null; holderMaskedName: string | null; holderMaskedId: string | null;
  contractId: string | null; eventId: string | null; exitId: string | null;
  issuedOn: string; supersededOn: string | null; supersededBy: string | null; recordedAt: string;
};

/** The view of a title row. */
export function titleView(t: TitleRow): TitleView {
  return {
    id: t.id, unitId: t.unitId, certificateNo: t.certificateNo, nature: t.nature, landNature: t.landNature, origin: t.origin,
    holderKind: t.holderKind, holderApplicationId: t.holderApplicationId, holderMaskedName: t.holderMaskedName, holderMaskedId: t.holderMaskedId,
    contractId: t.contractId, eventId: t.eventId, exitId: t.exitId, issuedOn: t.issuedOn, supersededOn: t.supersededOn,
    supersededBy: t.supersededBy, recordedAt: t.recordedAt.toISOString(),
  };
}

/** The unit's current title (locked FOR UPDATE when `lock`), or undefined. */
export async function currentTitle(tx: Tx, unitId: string, lock = false): Promise<TitleRow | undefined> {
  const q = tx.select().from(titles).where(and(eq(titles.unitId, unitId), isNull(titles.supersededOn)));
  const [t] = lock ? await q.for('update') : await q;
  return t;
}

/** Every title of the unit, oldest first. */
export const titleHistory = (tx: Tx, unitId: string) =>
  tx.select().from(titles).where(eq(titles.unitId, unitId)).orderBy(asc(titles.issuedOn), asc(titles.recordedAt));

const certificateTaken = (no: string) => new DomainError('CERTIFICATE_TAKEN', 409, `不动产权证书号 ${no} 已登记在其他房屋名下。`,
  `Certificate ${no} is already recorded for a title.`, 'certificateNo');
const titleExists = (no: string) => new DomainError('TITLE_EXISTS', 409, `该房屋已有现行不动产权证书（${no}）。`,
  `The unit already has a current title (${no}).`, 'unitId', { certificateNo: no });
const familyHolds = () => new DomainError('FAMILY_HOLDS_UNIT', 409, '该家庭已持有一套购买的保障性住房（第五条、第十一条）。',
  'The family already holds a unit it bought (第五条, 第十一条).', 'holder');

/** Checks a certificate number and its date; returns the trimmed number. */
function checkCertificate(certificateNo: string, issuedOn: string, today: string, notBefore: { on: string; zh: string; en: string }): string {
  const no = certificateNo.trim();
  if (!no || no.length > 100) throw invalid('certificateNo', '请填写不动产权证书号（不超过100字）。', 'certificateNo is required (at most 100 characters).');
  if (!isIsoDate(issuedOn)) throw invalid('issuedOn', '发证日期须为有效的 YYYY-MM-DD 日期。', 'issuedOn must be a calendar date YYYY-MM-DD.');
  if (issuedOn > today) throw invalid('issuedOn', `发证日期（${issuedOn}）不能晚于今天（${today}）。`, `issuedOn (${issuedOn}) cannot be after today (${today}).`);
  if (issuedOn < notBefore.on) {
    throw invalid('issuedOn', `发证日期（${issuedOn}）不能早于${notBefore.zh}（${notBefore.on}）。`, `issuedOn (${issuedOn}) cannot be before ${notBefore.en} (${notBefore.on}).`);
  }
  return no;
}

/** Maps the unique indexes of titles onto their refusals. */
async function guarded<T>(no: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    const c = uniqueViolation(e);
    if (c === undefined) throw e;
    if (c.includes('certificate')) throw certificateTaken(no);
    if (c === 'titles_family_bought_uq') throw familyHolds();
    if (c === 'titles_unit_current_uq') throw titleExists('?');
    throw e;
  }
}

/** 第十八条: register the first title of a signed, delivered unit in the name of the contract's family (staff). */
export async function registerFirstTitle(ctx: CommandContext, input: { unitId: string; contractId: string; certificateNo: string; issuedOn: string }): Promise<TitleView> {
  const today = ctx.clock.today();
  const now = ctx.clock.now();
  return guarded(input.certificateNo.trim(), () => ctx.db.transaction(async (tx) => {
    const { project } = await loadUnitScope(tx, input.unitId, true);
    assertUnitAccess(ctx.actor, project, 'staff');
    const c = await lockContract(tx, input.contractId);
    if (c.unitId !== input.unitId) throw invalid('contractId', '该购房合同不是此房屋的合同。', 'The contract is not for this unit.');
    assertSigned(c);
    if (!c.deliveredOn) {
      throw new DomainError('NOT_DELIVERED', 409, '房屋尚未交付，不能办理不动产登记（第十八条）。', 'The unit has not been delivered; it cannot be registered yet (第十八条).', 'contractId');
    }
    const no = checkCertificate(input.certificateNo, input.issuedOn, today, { on: c.deliveredOn, zh: '交房日期', en: 'delivery' });
    const current = await currentTitle(tx, input.unitId, true);
    if (current) {
      if (current.certificateNo === no && current.contractId === c.id && current.issuedOn === input.issuedOn) return titleView(current);
      throw titleExists(current.certificateNo);
    }
    if ((await tx.select({ id: titles.id }).from(titles).where(eq(titles.certificateNo, no)))[0]) throw certificateTaken(no);
    const id = randomUUID();
    const holder = await holderColumns(tx, ctx, id, { kind: 'family', applicationId: c.applicationId });
    const [t] = await tx.insert(titles).values({
      id, unitId: input.unitId, certificateNo: no, ...holder, nature: TITLE_NATURE, landNature: TITLE_LAND_NATURE, origin: 'first_sale',
      contractId: c.id, issuedOn: input.issuedOn, recordedBy: ctx.actor.accountId, recordedAt: now,
    }).returning();
    await appendAudit(tx, {
      actor: ctx.actor, action: 'title.register', targetType: 'unit', targetId: input.unitId, at: now,
      detail: { titleId: id, certificateNo: no, contractNo: c.contractNo, issuedOn: input.issuedOn, origin: 'first_sale' },
    });
    return titleView(t!);
  }));
}

/** The next title of a unit (supersedeTitle). */
export type NewTitle = {
  certificateNo: string; issuedOn: string; origin: Exclude<TitleOrigin, 'first_sale'>; holder: HolderInput;
  contractId?: string | null; eventId?: string | null; exitId?: string | null;
};

/**
 * Ends the unit's current title on `on` and inserts `newTitle` in the caller's transaction: the
 * current title row is locked FOR UPDATE, so two changes of one unit queue and the second finds
 * the new title current (titles_unit_current_uq would refuse it anyway). The caller checks who may
 * act and writes its own audit row; this one writes `title.supersede`. Refusals: 409 NO_TITLE,
 * 409 CERTIFICATE_TAKEN, 409 FAMILY_HOLDS_UNIT, 400 issuedOn.
 */
export async function supersedeTitle(tx: Tx, ctx: CommandContext, input: { unitId: string; newTitle: NewTitle; on: string }): Promise<{ previous: TitleRow; current: TitleRow }> {
  const prev = await currentTitle(tx, input.unitId, true);
  if (!prev) throw new DomainError('NO_TITLE', 409, '该房屋没有现行不动产权证书。', 'The unit has no current title.', 'unitId');
  const n = input.newTitle;
  const no = checkCertificate(n.certificateNo, n.issuedOn, ctx.clock.today(), { on: prev.issuedOn, zh: '原证书发证日期', en: 'the current title was issued' });
  if (!isIsoDate(input.on) || input.on < prev.issuedOn) throw invalid('on', '变更日期无效或早于原证书发证日期。', 'The change date is invalid or before the current title was issued.');
  if ((await tx.select({ id: titles.id }).from(titles).where(eq(titles.certificateNo, no)))[0]) throw certificateTaken(no);
  if (n.holder.kind === 'family' && BOUGHT.includes(n.origin)) {
    const held = await tx.select({ origin: titles.origin }).from(titles)
      .where(and(eq(titles.holderApplicationId, n.holder.applicationId), isNull(titles.supersededOn)));
    if (held.some((r) => BOUGHT.includes(r.origin))) throw familyHolds();
  }
  const id = randomUUID();
  const now = ctx.clock.now();
  await tx.update(titles).set({ supersededOn: input.on, supersededBy: id }).where(eq(titles.id, prev.id));
  const holder = await holderColumns(tx, ctx, id, n.holder);
  const [t] = await tx.insert(titles).values({
    id, unitId: input.unitId, certificateNo: no, ...holder, nature: TITLE_NATURE, landNature: TITLE_LAND_NATURE, origin: n.origin,
    contractId: n.contractId ?? null, eventId: n.eventId ?? null, exitId: n.exitId ?? null, issuedOn: n.issuedOn,
    recordedBy: ctx.actor.accountId, recordedAt: now,
  }).returning();
  await appendAudit(tx, {
    actor: ctx.actor, action: 'title.supersede', targetType: 'unit', targetId: input.unitId, at: now,
    detail: { from: prev.certificateNo, to: no, titleId: id, origin: n.origin, on: input.on, holderKind: n.holder.kind },
  });
  return { previous: { ...prev, supersededOn: input.on, supersededBy: id }, current: t! };
}
