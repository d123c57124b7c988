/**
 * Taking a unit for a family, shared by the round selection and the rolling sale (第十六条).
 * The guarantees are the database's, whatever the concurrency:
 * - the unit: `update … where status = 'available'` takes the row lock; a second buyer waits,
 *   then finds it reserved and gets 0 rows (UNIT_TAKEN). `selections_unit_live_uq` backs it.
 * - the family: `selections_app_live_uq` refuses a second live selection anywhere in the city
 *   (第五条 每个家庭限购1套; 第十一条 自主选择购买1套), even when two requests of one family
 *   for two projects run at the same moment. The caller maps the violation (mappingLiveIndexes).
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { queryRows } from '../../db/client.js';
import { enqueue } from '../../notify/index.js';
import { DomainError, notFound } from '../errors.js';
import { alreadyHolds, assertUuid, liveSelectionOf, unitLabel, unitTaken, yuan, type SelectionRow } from './store.js';

/** The unit as the claim needs it (and as the family is shown it). */
export type UnitInfo = {
  id: string; project_id: string; status: string; number: string; floor: number; area: string; layout: string; orientation: string;
  price_fen: number | null; building_name: string; project_name: string; project_status: string;
};

/** Columns of UnitInfo, for queries that join `units u`, `buildings bu`, `projects p`. */
export const UNIT_COLUMNS = sql`u.id, u.project_id, u.status, u.number, u.floor, u.area::text as area, u.layout, u.orientation, u.price_fen,
  bu.name as building_name, p.name as project_name, p.status as project_status`;

/** Numbers as numbers (bigint arrives as text). */
export const asUnitInfo = <T extends UnitInfo>(u: T): T => ({ ...u, floor: Number(u.floor), price_fen: u.price_fen === null ? null : Number(u.price_fen) });

/** The unit with its building and project (no lock). */
export async function unitInfo(tx: Tx, unitId: string): Promise<UnitInfo> {
  assertUuid(unitId, '房源', 'unit');
  const [u] = await queryRows<UnitInfo>(tx, sql`
    select ${UNIT_COLUMNS} from units u join buildings bu on bu.id = u.building_id join projects p on p.id = u.project_id where u.id = ${unitId}`);
  if (!u) throw notFound('房源', 'unit');
  return asUnitInfo(u);
}

/** A selection with the unit it holds. */
export type Chosen = SelectionRow & { unit: { id: string; buildingName: string; floor: number; number: string; area: string; layout: string; orientation: string; priceFen: number | null } };

/** The selection shown with its unit. */
export const withUnit = (s: SelectionRow, u: UnitInfo): Chosen => ({
  ...s, unit: { id: u.id, buildingName: u.building_name, floor: u.floor, number: u.number, area: u.area, layout: u.layout, orientation: u.orientation, priceFen: u.price_fen },
});

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

type Inserted = { id: string; project_id: string; unit_id: string; application_id: string; registration_id: string | null; batch_id: string | null; kind: string; status: string; locked_at: Date };

/**
 * Reserves the unit, records the selection and, in a round, marks the family's call `selected`:
 * one statement, so the row lock on the unit is held for as short a time as the commit allows.
 * Refuses with 409 when the unit is not on offer; the unique indexes refuse a second live
 * selection of the unit or of the family (the caller maps them, mappingLiveIndexes).
 */
export async function claimUnit(tx: Tx, unit: UnitInfo, sel: {
  applicationId: string; accountId: string; registrationId: string | null; batchId: string | null; kind: 'round' | 'rolling'; now: Date;
}): Promise<Chosen> {
  const call = sel.batchId && sel.registrationId
    ? sql`, c as (update selection_calls set outcome = 'selected', at = ${sel.now}
                   where batch_id = ${sel.batchId} and registration_id = ${sel.registrationId} and exists (select 1 from s))`
    : sql``;
  const [row] = await queryRows<Inserted>(tx, sql`
    with u as (update units set status = 'reserved', version = version + 1
                where id = ${unit.id} and project_id = ${unit.project_id} and status = 'available' returning id, project_id),
         s as (insert into selections (project_id, unit_id, application_id, registration_id, batch_id, kind, status, locked_at)
               select u.project_id, u.id, ${sel.applicationId}, ${sel.registrationId}, ${sel.batchId}, ${sel.kind}, 'locked', ${sel.now} from u
               returning id, project_id, unit_id, application_id, registration_id, batch_id, kind, status, locked_at)
         ${call}
    select * from s`);
  if (!row) {
    if (unit.status === 'draft' || unit.status === 'converted') {
      throw new DomainError('UNIT_NOT_OFFERED', 409, '该房源不在配售范围内。', 'This unit is not on offer.', 'unitId', { status: unit.status });
    }
    throw unitTaken('units_status');
  }
  const s: SelectionRow = {
    id: row.id, projectId: row.project_id, unitId: row.unit_id, applicationId: row.application_id, registrationId: row.registration_id,
    batchId: row.batch_id, kind: row.kind, status: row.status, lockedAt: new Date(row.locked_at), signedAt: null, releasedAt: null, releaseReason: null,
  };
  await enqueue(tx, {
    accountId: sel.accountId, template: 'selection_locked',
    params: { projectName: unit.project_name, unit: unitLabel({ buildingName: unit.building_name, number: unit.number }), price: unit.price_fen === null ? '' : yuan(unit.price_fen), selectionId: s.id },
  }, sel.now);
  return withUnit(s, unit);
}
