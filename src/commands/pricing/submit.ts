/**
 * submitPrices: the implementer submits the measured base price per m² and float range with a
 * coefficient per unit (济政发〔2025〕3号 第十二条: 项目实施主体按规定测算保障性住房配售基准价格及浮动幅度).
 * Each unit's price comes from rule housing.unit-price on the clock's day; a coefficient
 * outside 1 ± floatRange refuses the whole submission, naming the unit.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { appendAudit } from '../../audit/index.js';
import { buildings, priceApprovals, units } from '../../db/schema.js';
import { payloadFingerprint } from '../../documents/fingerprint.js';
import { rules } from '../../rules/registry.js';
import type { UnitPriceValue } from '../../rules/housing/unit-price.js';
import type { RuleResult } from '../../rules/core/trace.js';
import { requireRole } from '../authz.js';
import type { CommandContext } from '../context.js';
import { DomainError, invalid } from '../errors.js';
import { unitLabel } from '../projects/catalogue.js';
import { assertProjectAccess, loadProject } from '../sale/access.js';
import { parseInput } from '../validate.js';
import { PricesInput, six } from './schema.js';
import type { PriceApproval, ScheduleLine } from './store.js';

/**
 * Interpretation: a unit that is reserved, sold or converted keeps the price it was sold or
 * decided at, so a later schedule covers exactly the units still `draft` or `available`;
 * before the first publication that is every unit of the project (第十条: all are offered).
 */
const PRICEABLE = ['draft', 'available'];
const PENDING = ['submitted', 'district_approved'];

/** Submits the schedule for approval. A retry of the pending submission returns it unchanged. */
export async function submitPrices(ctx: CommandContext, raw: { projectId: string } & Record<string, unknown>): Promise<PriceApproval> {
  requireRole(ctx.actor, ['implementer']);
  const input = parseInput(PricesInput, raw);
  const today = ctx.clock.today();
  const now = ctx.clock.now();
  const rule = rules['housing.unit-price']!;
  return ctx.db.transaction(async (tx) => {
    const project = await loadProject(tx, raw.projectId, true);
    assertProjectAccess(ctx.actor, project, 'implementer');
    if (project.status === 'ended') throw new DomainError('INVALID_STATE', 409, '项目配售已结束，不能再报送价格。', 'The sale has ended; prices can no longer be submitted.');
    const rows = await tx.select({ id: units.id, number: units.number, area: units.area, status: units.status, building: buildings.name })
      .from(units).innerJoin(buildings, eq(buildings.id, units.buildingId)).where(eq(units.projectId, project.id));
    const byId = new Map(rows.map((u) => [u.id, u]));
    const seen = new Set<string>();
    const schedule: ScheduleLine[] = [];
    let params: unknown;
    input.coefficients.forEach((c, i) => {
      const u = byId.get(c.unitId);
      const field = `coefficients.${i}.unitId`;
      if (!u) throw invalid(field, `第${i + 1}项：房源不属于本项目。`, `Item ${i + 1}: the unit is not part of this project.`);
      const name = unitLabel(u.building, u.number);
      if (seen.has(u.id)) throw invalid(field, `${name} 重复填写了调节系数。`, `${name} is listed twice.`);
      if (!PRICEABLE.includes(u.status)) throw invalid(field, `${name} 已被选定、售出或转换用途，不再定价。`, `${name} is ${u.status} and is no longer priced.`, 'UNIT_NOT_PRICEABLE');
      seen.add(u.id);
      const r = rule.evaluate(rule.input.parse({ basePricePerM2: input.basePricePerM2Fen, floatRange: input.floatRange, area: u.area, coefficient: c.coefficient }), today) as RuleResult<UnitPriceValue>;
      if (!r.value.withinRange) {
        throw new DomainError('PRICE_OUT_OF_RANGE', 400,
          `${name} 的调节系数 ${c.coefficient} 超出浮动幅度 1 ± ${input.floatRange}（第十二条）。`,
          `${name}: coefficient ${c.coefficient} is outside 1 ± ${input.floatRange} (第十二条).`,
          `coefficients.${i}.coefficient`, { unitId: u.id, unit: name, deviation: r.value.deviation });
      }
      params ??= r.trace.flatMap((s) => Object.entries(s.params ?? {}));
      schedule.push({ unitId: u.id, coefficient: six(c.coefficient), priceFen: r.value.price });
    });
    const missing = rows.filter((u) => PRICEABLE.includes(u.status) && !seen.has(u.id));
    if (missing.length) {
      const names = missing.slice(0, 5).map((u) => unitLabel(u.building, u.number)).join('、');
      throw new DomainError('PRICES_INCOMPLETE', 400, `还有${missing.length}套房源未填写调节系数（${names}${missing.length > 5 ? '等' : ''}），价格须覆盖项目全部待售房源。`,
        `${missing.length} unit(s) have no coefficient (${names}); the schedule must cover every unit on offer.`, 'coefficients', { missing: missing.map((u) => u.id) });
    }
    schedule.sort((a, b) => (a.unitId < b.unitId ? -1 : 1));
    const sha = payloadFingerprint(schedule);
    const [pending] = await tx.select().from(priceApprovals).where(and(eq(priceApprovals.projectId, project.id), inArray(priceApprovals.status, PENDING)));
    if (pending) {
      if (pending.scheduleSha256 === sha && pending.basePricePerM2Fen === input.basePricePerM2Fen && pending.floatRange === six(input.floatRange)) return pending;
      throw new DomainError('PRICE_PENDING', 409, '本项目已有待审核的价格，请等待审核结果或请审核部门驳回后再报送。',
        'A price schedule of this project is awaiting approval; wait for the decision or have it rejected first.', undefined, { approvalId: pending.id });
    }
    const [row] = await tx.insert(priceApprovals).values({
      projectId: project.id, basePricePerM2Fen: input.basePricePerM2Fen, floatRange: six(input.floatRange), schedule, scheduleSha256: sha,
      submittedBy: ctx.actor.accountId, submittedAt: now,
    }).returning();
    await appendAudit(tx, {
      actor: ctx.actor, action: 'prices.submit', targetType: 'price_approval', targetId: row!.id, at: now,
      detail: { projectId: project.id, units: schedule.length, scheduleSha256: sha, basePricePerM2Fen: input.basePricePerM2Fen, floatRange: row!.floatRange, rule: rule.id, asOf: today, params },
    });
    return row!;
  });
}
