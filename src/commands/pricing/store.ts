/** Storage helpers of the price approvals (第十二条). */
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { priceApprovals } from '../../db/schema.js';
import { DomainError, notFound } from '../errors.js';
import { loadProject, type Project } from '../sale/access.js';

export type PriceApproval = typeof priceApprovals.$inferSelect;
/** One line of an approval's schedule: the approvers approve exactly these prices. */
export type ScheduleLine = { unitId: string; coefficient: string; priceFen: number };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The approval and its project, both locked FOR UPDATE: the project first, as every catalogue
 * and pricing command does, so that two of them never wait on each other in opposite order.
 */
export async function lockApproval(tx: Tx, approvalId: string): Promise<{ approval: PriceApproval; project: Project }> {
  if (!UUID.test(approvalId)) throw notFound('价格审核', 'price approval');
  const [peek] = await tx.select({ projectId: priceApprovals.projectId }).from(priceApprovals).where(eq(priceApprovals.id, approvalId));
  if (!peek) throw notFound('价格审核', 'price approval');
  const project = await loadProject(tx, peek.projectId, true);
  const [approval] = await tx.select().from(priceApprovals).where(eq(priceApprovals.id, approvalId)).for('update');
  return { approval: approval!, project };
}

const STATUS_ZH: Record<string, string> = { submitted: '待审核', district_approved: '区县已审批、待市级审定', approved: '已审定', rejected: '已驳回' };

/** 409: the approval is not at a stage where this step applies. */
export const wrongStage = (a: PriceApproval, zh: string, en: string) =>
  new DomainError('INVALID_STATE', 409, `价格审核当前为“${STATUS_ZH[a.status] ?? a.status}”，${zh}`, `The price approval is ${a.status}; ${en}`, undefined, { status: a.status });
