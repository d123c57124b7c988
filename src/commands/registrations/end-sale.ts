/**
 * endSale (济政发〔2025〕3号 第十一条: 项目配售结束后，未签约家庭的认购金应予返还). Staff or the project's
 * implementer end the sale of a project: every registration that did not sign and still holds
 * 认购金 is refunded (status `refunded`), unpaid ones close, and the project is `ended`.
 *
 * Interpretation: a sale cannot end while a family is in the middle of buying — a locked
 * selection, a generated but unsigned contract, or an open selection batch — because ending
 * would take back the 认购金 that the contract is about to credit; finish or lapse those first.
 */
import { and, asc, eq, inArray, ne, or, sql } from 'drizzle-orm';
import { appendAudit } from '../../audit/index.js';
import type { Tx } from '../../db/client.js';
import { contracts, depositLedger, projects, registrations, selectionBatches, selections } from '../../db/schema.js';
import { enqueue } from '../../notify/index.js';
import type { CommandContext } from '../context.js';
import { DomainError } from '../errors.js';
import { assertProjectAccess, loadProject } from '../sale/access.js';
import { expireOrders, refundHeld } from './refunds.js';
import { LIVE_REGISTRATION } from './store.js';

export type EndSaleResult = { projectId: string; status: 'ended'; refunded: number; refundedFen: number; closedUnpaid: number; alreadyEnded: boolean };

const REASON = '项目配售结束，未签约家庭的认购金予以返还';

/** Ends the sale; ending an ended sale returns `alreadyEnded`. */
export async function endSale(ctx: CommandContext, input: { projectId: string }): Promise<EndSaleResult> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const project = await loadProject(tx, input.projectId, true);
    assertProjectAccess(ctx.actor, project, 'implementer_or_staff');
    if (project.status === 'ended') return { projectId: project.id, status: 'ended' as const, refunded: 0, refundedFen: 0, closedUnpaid: 0, alreadyEnded: true };
    if (project.status === 'draft') throw new DomainError('INVALID_STATE', 409, '项目尚未开始配售，不能结束配售。', 'The project has not started selling.', 'projectId');
    const busy = await inProgress(tx, project.id);
    if (busy.locked + busy.generated + busy.openBatches > 0) {
      throw new DomainError('SALE_IN_PROGRESS', 409,
        `仍有家庭正在选房或签约（已锁定房源 ${busy.locked} 套、待签合同 ${busy.generated} 份、未关闭选房批次 ${busy.openBatches} 个），请先完成或关闭后再结束配售。`,
        `Families are still selecting or signing (${busy.locked} locked units, ${busy.generated} unsigned contracts, ${busy.openBatches} open batches).`, 'projectId', busy);
    }
    // Live registrations, and any other unsigned one that still holds money (it should not; returning it is always right).
    const holding = tx.select({ id: depositLedger.registrationId }).from(depositLedger).where(eq(depositLedger.projectId, project.id))
      .groupBy(depositLedger.registrationId)
      .having(sql`sum(case when ${depositLedger.kind} = 'paid' then ${depositLedger.amountFen} else -${depositLedger.amountFen} end) > 0`);
    const regs = await tx.select().from(registrations).where(and(eq(registrations.projectId, project.id), ne(registrations.status, 'signed'),
      or(inArray(registrations.status, [...LIVE_REGISTRATION]), inArray(registrations.id, holding)))).orderBy(asc(registrations.id)).for('update');
    let refunded = 0; let refundedFen = 0; let closedUnpaid = 0;
    for (const r of regs) {
      await expireOrders(tx, r.id);
      const fen = await refundHeld(tx, ctx, r.id, REASON, `END-${r.regNo}`);
      if (fen > 0) { refunded++; refundedFen += fen; }
      if (r.status === 'pending_payment' || r.status === 'registered') {
        const status = fen > 0 ? 'refunded' : 'closed';
        if (status === 'closed') closedUnpaid++;
        await tx.update(registrations).set({ status, closedAt: now, closedReason: fen > 0 ? REASON : '项目配售结束，未缴纳认购金', version: r.version + 1 }).where(eq(registrations.id, r.id));
        await enqueue(tx, { accountId: r.accountId, template: 'registration_closed', params: { projectName: project.name, regNo: r.regNo, reason: '项目配售已结束' } }, now);
      }
    }
    await tx.update(projects).set({ status: 'ended', saleEndedOn: ctx.clock.today(), updatedAt: now, version: project.version + 1 }).where(eq(projects.id, project.id));
    await appendAudit(tx, {
      actor: ctx.actor, action: 'sale.end', targetType: 'project', targetId: project.id, at: now,
      detail: { code: project.code, from: project.status, refunded, refundedFen, closedUnpaid, article: '第十一条' },
    });
    return { projectId: project.id, status: 'ended' as const, refunded, refundedFen, closedUnpaid, alreadyEnded: false };
  });
}

async function inProgress(tx: Tx, projectId: string) {
  const count = async (q: Promise<Array<{ n: number }>>) => Number((await q)[0]?.n ?? 0);
  return {
    locked: await count(tx.select({ n: sql<number>`count(*)::int` }).from(selections).where(and(eq(selections.projectId, projectId), eq(selections.status, 'locked')))),
    generated: await count(tx.select({ n: sql<number>`count(*)::int` }).from(contracts).where(and(eq(contracts.projectId, projectId), eq(contracts.status, 'generated')))),
    openBatches: await count(tx.select({ n: sql<number>`count(*)::int` }).from(selectionBatches).where(and(eq(selectionBatches.projectId, projectId), eq(selectionBatches.status, 'open')))),
  };
}
