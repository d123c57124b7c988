/**
 * createProject: the implementer (项目实施主体) registers a project it will sell
 * (济政发〔2025〕3号 第十条). The level decides who approves its price and plan (第十、十二条).
 */
import { eq } from 'drizzle-orm';
import { appendAudit } from '../../audit/index.js';
import { districts, projects } from '../../db/schema.js';
import { requireRole } from '../authz.js';
import type { CommandContext } from '../context.js';
import { DomainError, invalid } from '../errors.js';
import type { Project } from '../sale/access.js';
import { parseInput } from '../validate.js';
import { ProjectInput } from './schema.js';

/**
 * Creates the project (status draft) owned by the calling implementer. A retry with the same
 * code by the same implementer returns the project unchanged; a code taken otherwise is a 409.
 */
export async function createProject(ctx: CommandContext, raw: unknown): Promise<Project> {
  requireRole(ctx.actor, ['implementer']);
  const input = parseInput(ProjectInput, raw);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [district] = await tx.select().from(districts).where(eq(districts.code, input.districtCode));
    if (!district) throw invalid('districtCode', '区县代码无效。', 'Unknown district code.');
    const [row] = await tx.insert(projects).values({
      code: input.code, name: input.name, level: input.level, districtCode: input.districtCode, saleMode: input.saleMode,
      address: input.address, implementerAccountId: ctx.actor.accountId, deliveryOn: input.deliveryOn ?? null,
      propertyService: input.propertyService ?? null, createdAt: now, updatedAt: now,
    }).onConflictDoNothing({ target: projects.code }).returning();
    if (!row) {
      const [existing] = await tx.select().from(projects).where(eq(projects.code, input.code));
      if (existing && existing.implementerAccountId === ctx.actor.accountId && existing.name === input.name) return existing;
      throw new DomainError('PROJECT_CODE_TAKEN', 409, `项目编号 ${input.code} 已被使用。`, `Project code ${input.code} is already used.`, 'code');
    }
    await appendAudit(tx, {
      actor: ctx.actor, action: 'project.create', targetType: 'project', targetId: row.id, at: now,
      detail: { code: row.code, name: row.name, level: row.level, districtCode: row.districtCode, saleMode: row.saleMode },
    });
    return row;
  });
}
