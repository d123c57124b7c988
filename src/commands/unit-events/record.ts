/**
 * recordUnitEvent: staff record what happened to an owned unit, with evidence (济政发〔2025〕3号
 * 第二十、二十二、二十三、二十五条).
 * - 第二十二条 inheritance and divorce division (保障性住房可依法继承、离婚析产，性质不变): the title
 *   passes to the new holder (a new title, origin = the event, nature and land kept — supersedeTitle),
 *   and when the new holder then holds more than one unit a multi-unit obligation runs with its
 *   deadline (rule housing.multi-unit-deadline) and the family is told.
 * - 第二十条 (lease, change of use), 第二十三条 (a mortgage other than the purchase loan) and the
 *   第二十五条 items (structure altered, legal dispute): a case is opened (案〔YYYY〕N号) and the
 *   holder family is told; an open case fails the matching 第二十五条 check of an exit.
 *
 * Readings: the event's day is the day of the change (继承开始、析产生效), not in the future; the new
 * title's certificate and date are required for a transfer, because the change of holder exists
 * only once registered (不动产登记). A person holder has no account: the staff who record the
 * event write to the person. A retry of the same event (unit, kind, day and the same
 * evidence) answers the event already recorded.
 * Who records: staff of the project's level (titles/access.ts assertUnitAccess) — district staff on
 * district-level projects of their own district, city staff on every project; district staff never
 * on a city-level project, even one in their district (an inheritance there replaces a title).
 */
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '../../audit/index.js';
import { CASE_KINDS, UNIT_EVENT_KINDS, unitCases, unitEvents } from '../../db/schema.js';
import { isoDate } from '../../rules/core/dates.js';
import type { CommandContext } from '../context.js';
import { invalid } from '../errors.js';
import { parseInput } from '../validate.js';
import { assertUnitAccess } from '../titles/access.js';
import { supersedeTitle } from '../titles/title.js';
import { resolveHolder } from './holder.js';
import { openObligationIfMany, withdrawIfBackToOne } from './obligations.js';
import {
  EvidenceSchema, KIND_ARTICLE, KIND_LABEL, holderFamily, lockCurrentTitle, nextYearNo, notifyAll, unitScope,
} from './store.js';
import { unitEventView, type UnitEventView } from './views.js';

const TRANSFERS: readonly string[] = ['inheritance', 'divorce_division'];

const Input = z.object({
  unitId: z.string(),
  kind: z.enum(UNIT_EVENT_KINDS, '事项类型无效 / kind is not a known event kind'),
  occurredOn: isoDate,
  evidence: EvidenceSchema,
  note: z.string().trim().max(2000, '备注过长 / note too long').optional(),
  newHolder: z.union([
    z.object({ regCode: z.string().trim().min(1, '请填写登记号 / regCode is required').max(40) }).strict(),
    z.object({ name: z.string().trim().min(1, '请填写姓名 / name is required').max(50), idNumber: z.string().trim().min(1, '请填写身份证号码 / idNumber is required').max(18) }).strict(),
  ], '新权利人须为登记号或姓名与身份证号码 / newHolder must be {regCode} or {name, idNumber}').optional(),
  newTitle: z.object({
    certificateNo: z.string().trim().min(1, '请填写不动产权证书号 / certificateNo is required').max(100),
    issuedOn: isoDate,
  }).optional(),
});
export type RecordUnitEventInput = z.input<typeof Input>;

/** Record an event on the unit; a transfer supersedes the title, a report opens a case. */
export async function recordUnitEvent(ctx: CommandContext, raw: RecordUnitEventInput): Promise<UnitEventView> {
  const input = parseInput(Input, raw);
  const today = ctx.clock.today();
  const now = ctx.clock.now();
  if (input.occurredOn > today) throw invalid('occurredOn', `事项发生日期 ${input.occurredOn} 晚于今天（${today}）。`, `occurredOn ${input.occurredOn} is after today (${today}).`);
  const transfer = TRANSFERS.includes(input.kind);
  if (transfer && !input.newHolder) throw invalid('newHolder', '继承、离婚析产须填写新权利人（登记号，或姓名与身份证号码）。', 'Inheritance and divorce division need the new holder ({regCode} or {name, idNumber}).');
  if (transfer && !input.newTitle) throw invalid('newTitle', '继承、离婚析产须填写新不动产权证书号及发证日期（第二十二条）。', 'Inheritance and divorce division need the new title certificate number and date.');
  if (!transfer && (input.newHolder || input.newTitle)) throw invalid('newHolder', '只有继承、离婚析产才有新权利人。', 'Only inheritance and divorce division have a new holder.');

  return ctx.db.transaction(async (tx) => {
    const scope = await unitScope(tx, input.unitId);
    assertUnitAccess(ctx.actor, scope.project, 'staff');
    const title = await lockCurrentTitle(tx, scope.unit.id);
    const [again] = await tx.select({ id: unitEvents.id }).from(unitEvents).where(and(
      eq(unitEvents.unitId, scope.unit.id), eq(unitEvents.kind, input.kind), eq(unitEvents.occurredOn, input.occurredOn),
      sql`${unitEvents.evidence} = ${JSON.stringify(input.evidence)}::jsonb`,
    ));
    if (again) return unitEventView(tx, again.id);
    if (input.occurredOn < title.issuedOn) {
      throw invalid('occurredOn', `事项发生日期早于现行不动产权证书的发证日期（${title.issuedOn}）。`, `occurredOn is before the current title was issued (${title.issuedOn}).`);
    }
    const eventId = randomUUID();
    await tx.insert(unitEvents).values({
      id: eventId, unitId: scope.unit.id, titleId: title.id, kind: input.kind, occurredOn: input.occurredOn, evidence: input.evidence,
      note: input.note ?? null, recordedBy: ctx.actor.accountId, recordedAt: now,
    });
    const previousFamily = await holderFamily(tx, title);
    const detail: Record<string, unknown> = { unitId: scope.unit.id, kind: input.kind, occurredOn: input.occurredOn, evidence: input.evidence, article: KIND_ARTICLE[input.kind] };

    if (transfer) {
      const holder = await resolveHolder(tx, ctx, input.newHolder!);
      if (holder.applicationId && holder.applicationId === title.holderApplicationId) {
        throw invalid('newHolder', '新权利人与现权利人相同。', 'The new holder is the current holder.');
      }
      const { current } = await supersedeTitle(tx, ctx, {
        unitId: scope.unit.id, on: input.occurredOn,
        newTitle: { certificateNo: input.newTitle!.certificateNo, issuedOn: input.newTitle!.issuedOn, origin: input.kind as 'inheritance' | 'divorce_division', holder: holder.holder, eventId },
      });
      await tx.update(unitEvents).set({ newTitleId: current.id }).where(eq(unitEvents.id, eventId));
      const withdrawn = await withdrawIfBackToOne(tx, ctx, { applicationId: title.holderApplicationId, idBlind: title.holderKind === 'person' ? title.holderIdBlind : null });
      const obligation = await openObligationIfMany(tx, ctx, { holder, eventId, kind: input.kind, changeOn: input.occurredOn, districtCode: scope.project.districtCode, unitLabel: scope.label });
      Object.assign(detail, { newTitleId: current.id, certificateNo: current.certificateNo, holderKind: current.holderKind, resolvedFromPerson: holder.resolvedFromPerson, obligationId: obligation?.id ?? null, withdrawnObligations: withdrawn });
    } else {
      const caseNo = await nextYearNo(tx, 'case_no_seq', '案', today);
      await tx.insert(unitCases).values({ caseNo, unitId: scope.unit.id, eventId, kind: input.kind as (typeof CASE_KINDS)[number], status: 'open', openedOn: today });
      const params = { unit: scope.label, caseNo, kindLabel: KIND_LABEL[input.kind], article: KIND_ARTICLE[input.kind] };
      // A person holder has no account here: staff who opened the case write to the person.
      if (previousFamily) await notifyAll(tx, [previousFamily.accountId], { template: 'unit_case_opened', params }, now);
      Object.assign(detail, { caseNo });
    }
    await appendAudit(tx, { actor: ctx.actor, action: 'unit.event', targetType: 'unit', targetId: scope.unit.id, at: now, detail: { eventId, ...detail } });
    return unitEventView(tx, eventId);
  });
}
