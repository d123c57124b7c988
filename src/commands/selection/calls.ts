/**
 * What a called family did with its turn (selection_calls.outcome), shared by the staff's
 * markCall and the family's refuseTurn.
 *
 * Interpretations (第十一条 "按程序组织…选房签约"; the measure sets no sanction for giving up):
 * - `waiting → no_show | refused`; a no-show or refusal is final for this round.
 * - A family that chose a unit and then refuses before any contract exists gives the unit back
 *   (`selected → refused`, selection released). Once a contract has been generated the unit is
 *   recovered by the contract deadline instead (the contract lapses, src/commands/contracts).
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { queryRows } from '../../db/client.js';
import { contracts, selectionCalls, selections } from '../../db/schema.js';
import { DomainError } from '../errors.js';
import { releaseSelection } from './release.js';

/** A call with what the commands need around it, locked FOR UPDATE. */
export type LockedCall = {
  batch_id: string; registration_id: string; rank: number; outcome: string; note: string | null;
  batch_no: number; batch_status: string; closes_at: Date; project_id: string; project_name: string;
  account_id: string; application_id: string;
};

/** The call, locked; undefined when there is none. `where` narrows by batch and/or registration. */
export async function lockCall(tx: Tx, where: { batchId?: string; registrationId: string; openOnly?: boolean }): Promise<LockedCall | undefined> {
  // From the registration to its project's batches (few) and the call by primary key: no scan of the calls.
  const rows = await queryRows<LockedCall>(tx, sql`
    select c.batch_id, c.registration_id, c.rank, c.outcome, c.note, b.batch_no, b.status as batch_status, b.closes_at,
           b.project_id, p.name as project_name, g.account_id, g.application_id
      from registrations g
      join selection_batches b on b.project_id = g.project_id
      join selection_calls c on c.batch_id = b.id and c.registration_id = g.id
      join projects p on p.id = b.project_id
     where g.id = ${where.registrationId}
       ${where.batchId ? sql`and b.id = ${where.batchId}` : sql``}
       ${where.openOnly ? sql`and b.status = 'open'` : sql``}
     order by b.batch_no desc
     limit 1
       for update of c`);
  const r = rows[0];
  return r && { ...r, closes_at: new Date(r.closes_at) };
}

/**
 * Settles a call as `no_show` or `refused`. Returns false when it already had that outcome
 * (a retry). A refusal after choosing releases the family's selection of that batch.
 */
export async function settleCall(tx: Tx, call: LockedCall, outcome: 'no_show' | 'refused', note: string | null, now: Date): Promise<boolean> {
  if (call.outcome === outcome) return false;
  if (call.outcome === 'selected' && outcome === 'refused') {
    const [sel] = await tx.select().from(selections).where(and(eq(selections.batchId, call.batch_id), eq(selections.registrationId, call.registration_id), inArray(selections.status, ['locked', 'signed'])));
    if (sel) {
      const [contract] = await tx.select({ status: contracts.status }).from(contracts)
        .where(and(eq(contracts.selectionId, sel.id), inArray(contracts.status, ['generated', 'signed'])));
      if (contract || sel.status === 'signed') {
        throw new DomainError('CONTRACT_EXISTS', 409,
          contract?.status === 'generated' ? '该选房已生成合同：逾期未签约的，房源在签约期限届满后收回。' : '该房源已签约，不能放弃。',
          contract?.status === 'generated' ? 'A contract exists for this selection; the unit returns when its deadline passes.' : 'The unit has been signed for.');
      }
      await releaseSelection(tx, sel.id, note ? `放弃选房：${note}` : '放弃选房', now);
    }
  } else if (call.outcome !== 'waiting') {
    const zh = { selected: '已选房', refused: '已放弃', no_show: '未到场' }[call.outcome] ?? call.outcome;
    throw new DomainError('CALL_SETTLED', 409, `该家庭本批次选房已有结果（${zh}），不能再改为其他结果。`,
      `The family's turn in this batch is already settled (${call.outcome}).`, 'outcome', { outcome: call.outcome });
  }
  await tx.update(selectionCalls).set({ outcome, at: now, note })
    .where(and(eq(selectionCalls.batchId, call.batch_id), eq(selectionCalls.registrationId, call.registration_id)));
  return true;
}
