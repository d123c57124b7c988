/**
 * Cases opened by a reported lease, change of use, extra mortgage, alteration or dispute
 * (济政发〔2025〕3号 第二十、二十三、二十五条): open → rectified (整改完成) | closed (otherwise ended,
 * e.g. the report was unfounded). An open case fails the matching 第二十五条 item of an exit.
 *
 * Reading: closing needs a written resolution; a retry with the same status answers the case as it
 * is, a different status on a closed case is refused (409). Staff of the project's level close cases
 * and district staff list them (titles/access.ts assertUnitAccess): a city-level project's cases are
 * the city's, even in their district.
 */
import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '../../audit/index.js';
import { CASE_STATUSES, buildings, projects, unitCases, units } from '../../db/schema.js';
import { staffDistrict } from '../authz.js';
import type { CommandContext } from '../context.js';
import { DomainError, notFound } from '../errors.js';
import { assertUnitAccess } from '../titles/access.js';
import { parseInput } from '../validate.js';
import { KIND_ARTICLE, unitScope } from './store.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A case as listed for staff. */
export type CaseView = {
  id: string; caseNo: string; unitId: string; unit: string; projectId: string; kind: string; article: string; status: string;
  openedOn: string; closedOn: string | null; resolution: string | null; eventId: string;
};

const Close = z.object({
  caseId: z.string(),
  status: z.enum(['rectified', 'closed'], '结案状态须为 rectified 或 closed / status must be rectified or closed'),
  resolution: z.string('请填写处理结果 / resolution is required').trim().min(2, '请填写处理结果 / resolution is required').max(2000, '处理结果过长 / resolution too long'),
});

/** Close an open case as rectified or closed, with its resolution. */
export async function closeCase(ctx: CommandContext, raw: z.input<typeof Close>): Promise<CaseView> {
  const input = parseInput(Close, raw);
  if (!UUID.test(input.caseId)) throw notFound('案件', 'case');
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [c] = await tx.select().from(unitCases).where(eq(unitCases.id, input.caseId)).for('update');
    if (!c) throw notFound('案件', 'case');
    const scope = await unitScope(tx, c.unitId);
    assertUnitAccess(ctx.actor, scope.project, 'staff');
    if (c.status === input.status) return view(c, scope.label, scope.project.id);
    if (c.status !== 'open') {
      throw new DomainError('CASE_CLOSED', 409, `案件 ${c.caseNo} 已结案（${c.status}）。`, `Case ${c.caseNo} is already ${c.status}.`, 'status', { status: c.status });
    }
    const [row] = await tx.update(unitCases).set({
      status: input.status, closedOn: ctx.clock.today(), resolution: input.resolution, closedBy: ctx.actor.accountId, version: c.version + 1,
    }).where(eq(unitCases.id, c.id)).returning();
    await appendAudit(tx, {
      actor: ctx.actor, action: 'case.close', targetType: 'unit_case', targetId: c.id, at: now,
      detail: { caseNo: c.caseNo, unitId: c.unitId, kind: c.kind, status: input.status, resolution: input.resolution },
    });
    return view(row!, scope.label, scope.project.id);
  });
}

/** Cases in the caller's scope (district staff: district-level projects of their district; city and auditor: all), newest first. */
export async function listCases(ctx: CommandContext, q: { status?: string; unitId?: string } = {}): Promise<CaseView[]> {
  const district = staffDistrict(ctx.actor);
  if (q.status && !(CASE_STATUSES as readonly string[]).includes(q.status)) return [];
  const rows = await ctx.db.select({ c: unitCases, number: units.number, building: buildings.name, project: projects.name, projectId: projects.id })
    .from(unitCases).innerJoin(units, eq(units.id, unitCases.unitId)).innerJoin(buildings, eq(buildings.id, units.buildingId))
    .innerJoin(projects, eq(projects.id, units.projectId))
    .where(and(
      district ? and(eq(projects.districtCode, district), eq(projects.level, 'district')) : undefined,
      q.status ? eq(unitCases.status, q.status) : undefined,
      q.unitId && UUID.test(q.unitId) ? eq(unitCases.unitId, q.unitId) : undefined,
    )).orderBy(desc(unitCases.openedOn), desc(unitCases.caseNo));
  return rows.map((r) => view(r.c, `${r.project} ${r.building}${r.number}室`, r.projectId));
}

function view(c: typeof unitCases.$inferSelect, unit: string, projectId: string): CaseView {
  return {
    id: c.id, caseNo: c.caseNo, unitId: c.unitId, unit, projectId, kind: c.kind, article: KIND_ARTICLE[c.kind]!, status: c.status,
    openedOn: c.openedOn, closedOn: c.closedOn, resolution: c.resolution, eventId: c.eventId,
  };
}
