/**
 * The refunds job (济政发〔2025〕3号 第十一条: 认购金应予返还). Commands only book `refunded` rows; this
 * job makes the bank transfers after commit: for each row not yet settled it asks the gateway to
 * refund, with our refund number as the bank's idempotency key, then records settled_at and the
 * bank's reference and tells the family. Rows are claimed FOR UPDATE SKIP LOCKED, so two workers
 * never take the same row at once; a crash between the bank call and the update repeats the call,
 * which the bank answers with the same reference. A refund the bank refuses stays unsettled, is
 * logged, and is tried again on the next run.
 */
import { and, asc, eq, gt, inArray, isNull } from 'drizzle-orm';
import { depositLedger, projects, registrations } from '../db/schema.js';
import { enqueue } from '../notify/index.js';
import type { PaymentGateway } from '../payments/gateway.js';
import { allocateRefunds } from '../commands/deposits/allocate.js';
import { fenToYuan } from '../rules/core/money.js';
import type { JobDeps } from './deps.js';

export type RefundRun = { settled: number; failed: number; skipped?: 'no_gateway' };

/** One pass over the unsettled refunds. */
export async function settleRefunds(deps: JobDeps & { gateway?: PaymentGateway }, opts: { batchSize?: number } = {}): Promise<RefundRun> {
  const gateway = deps.gateway;
  if (!gateway) {
    deps.log?.({ msg: 'refunds.skipped', reason: 'no payment gateway configured' });
    return { settled: 0, failed: 0, skipped: 'no_gateway' };
  }
  let settled = 0; let failed = 0; let after = 0;
  for (;;) {
    const claimed = await deps.db.transaction(async (tx) => {
      const rows = await tx.select({ l: depositLedger, r: registrations, projectName: projects.name }).from(depositLedger)
        .innerJoin(registrations, eq(registrations.id, depositLedger.registrationId)).innerJoin(projects, eq(projects.id, depositLedger.projectId))
        .where(and(eq(depositLedger.kind, 'refunded'), isNull(depositLedger.settledAt), gt(depositLedger.id, after)))
        .orderBy(asc(depositLedger.id)).limit(opts.batchSize ?? 100).for('update', { of: depositLedger, skipLocked: true });
      if (!rows.length) return 0;
      after = rows[rows.length - 1]!.l.id;
      const all = await tx.select({ id: depositLedger.id, registrationId: depositLedger.registrationId, kind: depositLedger.kind, amountFen: depositLedger.amountFen, reference: depositLedger.reference })
        .from(depositLedger).where(inArray(depositLedger.registrationId, [...new Set(rows.map((x) => x.r.id))]));
      for (const { l, r, projectName } of rows) {
        const alloc = allocateRefunds(all.filter((a) => a.registrationId === r.id)).get(l.id);
        try {
          if (!alloc || 'error' in alloc) throw new Error(alloc ? alloc.error : 'no payment found for the refund');
          const { bankRef } = await gateway.refund(l.reference, l.amountFen, alloc.txnId);
          const now = deps.clock.now();
          await tx.update(depositLedger).set({ settledAt: now, bankRef }).where(eq(depositLedger.id, l.id));
          await enqueue(tx, { accountId: r.accountId, template: 'deposit_refund_settled', params: { projectName, amount: `¥${fenToYuan(l.amountFen)}`, regNo: r.regNo, bankRef } }, now);
          settled++;
        } catch (e) {
          failed++;
          deps.log?.({ msg: 'refunds.failed', refundNo: l.reference, regNo: r.regNo, amountFen: l.amountFen, error: String((e as Error).message ?? e) });
        }
      }
      return rows.length;
    });
    if (claimed === 0) break;
  }
  deps.log?.({ msg: 'refunds.done', settled, failed });
  return { settled, failed };
}
