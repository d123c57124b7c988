/** Lists of contracts: the family's own, and a project's for its implementer, staff and the auditor. */
import { and, eq, inArray } from 'drizzle-orm';
import { applications, contracts, CONTRACT_STATUSES } from '../../db/schema.js';
import { requireRole } from '../authz.js';
import type { CommandContext } from '../context.js';
import { invalid } from '../errors.js';
import { assertProjectAccess, loadProject } from '../sale/access.js';
import { contractViews, type ContractView } from './view.js';

/** The signed-in family's contracts, newest first. */
export async function listMyContracts(ctx: CommandContext): Promise<ContractView[]> {
  requireRole(ctx.actor, ['applicant']);
  return ctx.db.transaction(async (tx) => {
    const apps = await tx.select({ id: applications.id }).from(applications).where(eq(applications.accountId, ctx.actor.accountId));
    if (!apps.length) return [];
    return contractViews(tx, inArray(contracts.applicationId, apps.map((a) => a.id)));
  });
}

/** A project's contracts with the buyer masked as on public lists (第七条); `status` filters. */
export async function listProjectContracts(ctx: CommandContext, input: { projectId: string; status?: string }): Promise<ContractView[]> {
  if (input.status !== undefined && !(CONTRACT_STATUSES as readonly string[]).includes(input.status)) {
    throw invalid('status', `合同状态应为 ${CONTRACT_STATUSES.join('、')} 之一。`, `status must be one of ${CONTRACT_STATUSES.join(', ')}.`);
  }
  return ctx.db.transaction(async (tx) => {
    assertProjectAccess(ctx.actor, await loadProject(tx, input.projectId), 'read');
    const where = and(eq(contracts.projectId, input.projectId), input.status ? eq(contracts.status, input.status) : undefined);
    return contractViews(tx, where, { withBuyer: true });
  });
}
