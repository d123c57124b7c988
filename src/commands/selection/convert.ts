/**
 * convertUnit: record the government's decision to convert a long-unsold unit to another type
 * of affordable housing (济政发〔2025〕3号 第十六条 "长期未售出的保障性住房经同级政府批准后，可转作
 * 其他类型保障性住房"). The rule housing.conversion (src/rules/housing/conversion.ts) decides
 * whether the unit has been unsold long enough.
 *
 * Interpretation of "同级政府": a city-level project's unit is converted on the city's decision,
 * entered by city staff; a district-level project's by its district's staff (or the city).
 */
import { eq, sql } from 'drizzle-orm';
import { unitConversions, units } from '../../db/schema.js';
import { appendAudit } from '../../audit/index.js';
import { evaluateConversion } from '../../rules/housing/conversion.js';
import { requireRole } from '../authz.js';
import type { CommandContext } from '../context.js';
import { DomainError, forbidden, invalid, notFound } from '../errors.js';
import { assertProjectAccess, loadProject } from '../sale/access.js';
import { assertUuid } from './store.js';

/** Other types of affordable housing a unit may become (第十六条 "其他类型保障性住房"). */
export const TARGET_USES = ['public_rental', 'affordable_rental', 'talent_apartment', 'other'] as const;
export type TargetUse = (typeof TARGET_USES)[number];
/** 公租房 · 保障性租赁住房 · 人才公寓 · 其他. */
export const TARGET_USE_ZH: Record<TargetUse, string> = { public_rental: '公共租赁住房', affordable_rental: '保障性租赁住房', talent_apartment: '人才公寓', other: '其他类型保障性住房' };

export type ConvertInput = { unitId: string; targetUse: string; decisionNo: string; reason: string };
export type Conversion = typeof unitConversions.$inferSelect;

function parse(input: ConvertInput): { targetUse: TargetUse; decisionNo: string; reason: string } {
  if (!TARGET_USES.includes(input.targetUse as TargetUse)) throw invalid('targetUse', `转换用途应为 ${TARGET_USES.join(' / ')} 之一。`, `targetUse must be one of ${TARGET_USES.join(', ')}.`);
  const decisionNo = input.decisionNo?.trim() ?? '';
  if (decisionNo.length < 1 || decisionNo.length > 100) throw invalid('decisionNo', '请填写政府批准文号（1–100 字）。', 'Enter the government decision number (1–100 characters).');
  const reason = input.reason?.trim() ?? '';
  if (reason.length < 2 || reason.length > 1000) throw invalid('reason', '请填写转换理由（2–1000 字）。', 'Enter the reason (2–1000 characters).');
  return { targetUse: input.targetUse as TargetUse, decisionNo, reason };
}

/** Converts the unit. Entering the same decision again returns the recorded conversion. */
export async function convertUnit(ctx: CommandContext, input: ConvertInput): Promise<Conversion> {
  requireRole(ctx.actor, ['district_staff', 'city_staff']);
  assertUuid(input.unitId, '房源', 'unit');
  const { targetUse, decisionNo, reason } = parse(input);
  const now = ctx.clock.now();
  const today = ctx.clock.today();
  return ctx.db.transaction(async (tx) => {
    const [unit] = await tx.select().from(units).where(eq(units.id, input.unitId)).for('update');
    if (!unit) throw notFound('房源', 'unit');
    const project = await loadProject(tx, unit.projectId);
    assertProjectAccess(ctx.actor, project, 'staff');
    if (project.level === 'city' && ctx.actor.role !== 'city_staff') {
      throw forbidden('市级项目的房源转换由市政府批准，请由市住房城乡建设部门录入（第十六条）。', 'A city-level project\'s unit is converted on the city\'s decision, entered by city staff (第十六条).');
    }
    const [done] = await tx.select().from(unitConversions).where(eq(unitConversions.unitId, unit.id));
    if (done) {
      if (done.decisionNo === decisionNo) return done;
      throw new DomainError('ALREADY_CONVERTED', 409, `该房源已依 ${done.decisionNo} 转换用途。`, `The unit was already converted by decision ${done.decisionNo}.`, 'unitId');
    }
    const verdict = evaluateConversion({ status: unit.status, offeredOn: unit.offeredOn }, today).value;
    if (!verdict.convertible) {
      const why = {
        not_available: ['只有在售（可选）的房源可以转换用途。', 'Only a unit on offer (available) can be converted.'],
        never_offered: ['该房源尚未配售，不属于"长期未售出"。', 'The unit has never been offered, so it is not "long unsold".'],
        too_recent: [`该房源自首次配售起未售出 ${verdict.unsoldDays} 天，未满 ${verdict.minUnsoldDays} 天（第十六条"长期未售出"）。`, `The unit has been unsold for ${verdict.unsoldDays} days, fewer than ${verdict.minUnsoldDays} (第十六条).`],
        ok: ['', ''],
      }[verdict.reason];
      throw new DomainError('NOT_CONVERTIBLE', 409, why[0]!, why[1]!, 'unitId', { reason: verdict.reason, unsoldDays: verdict.unsoldDays, minUnsoldDays: verdict.minUnsoldDays, status: unit.status });
    }
    await tx.update(units).set({ status: 'converted', version: sql`${units.version} + 1` }).where(eq(units.id, unit.id));
    const [row] = await tx.insert(unitConversions).values({
      unitId: unit.id, projectId: project.id, targetUse, decisionNo, reason, unsoldDays: verdict.unsoldDays!, decidedBy: ctx.actor.accountId, decidedAt: now,
    }).returning();
    await appendAudit(tx, {
      actor: ctx.actor, action: 'unit.convert', targetType: 'unit', targetId: unit.id, at: now,
      detail: { projectId: project.id, number: unit.number, targetUse, decisionNo, reason, unsoldDays: verdict.unsoldDays, minUnsoldDays: verdict.minUnsoldDays, article: '第十六条' },
    });
    return row!;
  });
}
