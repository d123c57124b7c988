/**
 * Taking a unit for a family, shared by the round selection and the rolling sale (第十六条).
 * The guarantees are the database's, whatever the concurrency:
 * - the unit: `update … where status = 'available'` takes the row lock; a second buyer waits,
 *   then finds it reserved and gets 0 rows (UNIT_TAKEN). `selections_unit_live_uq` backs it.
 * - the family: `selections_app_live_uq` refuses a second live selection anywhere in the city
 *   (第五条 每个家庭限购1套; 第十一条 自主选择购买1套), even when two requests of one family
 *   for two projects run at the same moment. The caller maps the violation (mappingLiveIndexes).
 */
import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { queryRows } from '../../db/client.js';
import { selections } from '../../db/schema.js';
import { enqueue } from '../../notify/index.js';
import { DomainError, notFound } from '../errors.js';
import { alreadyHolds, assertUuid, liveSelectionOf, unitLabel, unitTaken, yuan, type SelectionRow } from './store.js';

/** The unit as the claim needs it. */
export type UnitInfo = { id: string; project_id: string; status: string; number: string; price_fen: number | null; building_name: string; project_name: string; project_status: string };

/** The unit with its building and project (no lock). */
export async function unitInfo(tx: Tx, unitId: string): Promise<UnitInfo> {
  assertUuid(unitId, '房源', 'unit');
  const [u] = await queryRows<UnitInfo>(tx, sql`
    select u.id, u.project_id, u.status, u.number, u.price_fen, b.name as building_name, p.name as project_name, p.status as project_status
      from units u join buildings b on b.id = u.building_id join projects p on p.id = u.project_id
     where u.id = ${unitId}`);
  if (!u) throw notFound('房源', 'unit');
  return { ...u, price_fen: u.price_fen === null ? null : Number(u.price_fen) };
}

/**
 * A retry of the same choice returns the family's existing selection; a family holding
 * another unit is refused before anything is written.
 */
export async function existingChoice(tx: Tx, applicationId: string, unitId: string): Promise<SelectionRow | undefined> {
  const live = await liveSelectionOf(tx, applicationId);
  if (!live) return undefined;
  if (live.unitId === unitId) return live;
  throw alreadyHolds('precheck');
}

/** Reserves the unit and records the selection; refuses with 409 when the unit is not on offer. */
export async function claimUnit(tx: Tx, unit: UnitInfo, sel: {
  applicationId: string; accountId: string; registrationId: string | null; batchId: string | null; kind: 'round' | 'rolling'; now: Date;
}): Promise<SelectionRow> {
  const taken = await queryRows<{ id: string }>(tx, sql`
    update units set status = 'reserved', version = version + 1
     where id = ${unit.id} and project_id = ${unit.project_id} and status = 'available' returning id`);
  if (!taken.length) {
    if (unit.status === 'draft' || unit.status === 'converted') {
      throw new DomainError('UNIT_NOT_OFFERED', 409, '该房源不在配售范围内。', 'This unit is not on offer.', 'unitId', { status: unit.status });
    }
    throw unitTaken('units_status');
  }
  const [row] = await tx.insert(selections).values({
    projectId: unit.project_id, unitId: unit.id, applicationId: sel.applicationId, registrationId: sel.registrationId,
    batchId: sel.batchId, kind: sel.kind, status: 'locked', lockedAt: sel.now,
  }).returning();
  await enqueue(tx, {
    accountId: sel.accountId, template: 'selection_locked',
    params: { projectName: unit.project_name, unit: unitLabel({ buildingName: unit.building_name, number: unit.number }), price: unit.price_fen === null ? '' : yuan(unit.price_fen), selectionId: row!.id },
  }, sel.now);
  return row!;
}

/** Re-reads a selection (the answer to a retry). */
export async function selectionById(tx: Tx, id: string): Promise<SelectionRow> {
  const [s] = await tx.select().from(selections).where(eq(selections.id, id));
  return s!;
}
