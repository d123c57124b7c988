/**
 * lapseUnsignedContracts (daily job): a family that has not signed by the last day of its
 * signing period (inclusive) gives up the unit (第十一条 选房签约): a generated contract becomes
 * `lapsed`, the selection is released and the unit is offered again. A unit chosen but never
 * drawn up into a contract is released on the same deadline.
 *
 * Reading on the 认购金: 第十一条 returns the 认购金 of families who did not sign "项目配售结束后",
 * when the project's sale ends. So the registration stays `registered` with its deposit held
 * until endSale refunds it; the lapse itself moves no money.
 *
 * Each contract is settled in its own transaction and re-checked under its locks, so a run that
 * overlaps another, or a family signing at the last minute, is harmless.
 */
import { and, asc, eq, isNull, lt } from 'drizzle-orm';
import { appendAudit } from '../../audit/index.js';
import { applications, contracts, selections } from '../../db/schema.js';
import { enqueue } from '../../notify/index.js';
import { addEvent } from '../applications/store.js';
import { SYSTEM_ACTOR, type CommandContext } from '../context.js';
import { releaseSelection } from './bridge.js';
import { lockContractOf, lockSelection, signingDeadline } from './store.js';

export type LapseDeps = Omit<CommandContext, 'actor' | 'requestId'> & { log?: (line: Record<string, unknown>) => void };

/** Lapse what is past its deadline on the clock's day; counts what changed. */
export async function lapseUnsignedContracts(deps: LapseDeps): Promise<{ lapsed: number; released: number }> {
  const ctx: CommandContext = { db: deps.db, clock: deps.clock, crypto: deps.crypto, dataChecks: deps.dataChecks, actor: SYSTEM_ACTOR };
  const today = deps.clock.today();
  const now = deps.clock.now();
  let lapsed = 0;
  let released = 0;

  const due = await deps.db.select({ selectionId: contracts.selectionId }).from(contracts)
    .where(and(eq(contracts.status, 'generated'), lt(contracts.deadlineOn, today))).orderBy(asc(contracts.deadlineOn));
  for (const { selectionId } of due) {
    const done = await deps.db.transaction(async (tx) => {
      const sel = await lockSelection(tx, selectionId);
      const c = await lockContractOf(tx, selectionId);
      if (!c || c.status !== 'generated' || c.deadlineOn >= today) return false;
      const reason = `未在签约期限 ${c.deadlineOn}（含当日）前签署购房合同 ${c.contractNo}，房源释放（第十一条）`;
      await tx.update(contracts).set({ status: 'lapsed' }).where(eq(contracts.id, c.id));
      if (sel.status === 'locked') await releaseSelection(tx, sel.id, reason, now);
      const [app] = await tx.select().from(applications).where(eq(applications.id, c.applicationId));
      await addEvent(tx, ctx, { applicationId: c.applicationId, kind: 'contract_lapsed', reason, article: '第十一条', evidence: { contractNo: c.contractNo, deadline: c.deadlineOn } });
      await enqueue(tx, { accountId: app!.accountId, template: 'contract_lapsed', params: { contractNo: c.contractNo, deadline: c.deadlineOn } }, now);
      await appendAudit(tx, { actor: { role: 'system' }, action: 'contract.lapse', targetType: 'contract', targetId: c.id, at: now, detail: { contractNo: c.contractNo, deadline: c.deadlineOn, unitId: c.unitId } });
      return true;
    });
    if (done) lapsed++;
  }

  // Units chosen but never drawn up into a contract: the same deadline, counted from the choice.
  const bare = await deps.db.select({ s: selections }).from(selections)
    .leftJoin(contracts, eq(contracts.selectionId, selections.id))
    .where(and(eq(selections.status, 'locked'), isNull(contracts.id))).orderBy(asc(selections.lockedAt));
  for (const { s } of bare) {
    const deadline = await signingDeadline(deps.db, s);
    if (deadline >= today) continue;
    const done = await deps.db.transaction(async (tx) => {
      const sel = await lockSelection(tx, s.id);
      if (sel.status !== 'locked' || (await lockContractOf(tx, sel.id))) return false;
      const reason = `选房后未在签约期限 ${deadline}（含当日）前签订购房合同，房源释放（第十一条）`;
      await releaseSelection(tx, sel.id, reason, now);
      const [app] = await tx.select().from(applications).where(eq(applications.id, sel.applicationId));
      await addEvent(tx, ctx, { applicationId: sel.applicationId, kind: 'selection_expired', reason, article: '第十一条', evidence: { selectionId: sel.id, deadline } });
      await enqueue(tx, { accountId: app!.accountId, template: 'selection_expired', params: { deadline } }, now);
      await appendAudit(tx, { actor: { role: 'system' }, action: 'selection.expire', targetType: 'selection', targetId: sel.id, at: now, detail: { deadline, unitId: sel.unitId } });
      return true;
    });
    if (done) released++;
  }
  deps.log?.({ msg: 'contracts.lapse', lapsed, released });
  return { lapsed, released };
}
