/**
 * The ceiling of an internal-transfer price (第二十四条, 第二十七条): the unit's price by rule
 * housing.buyback-price on the day the offer opens, with the inputs exits uses for its valuation
 * (src/commands/exits/valuation.ts valueUnit: P0 the last purchase price, paidOn its signing day,
 * builtOn the building's completion). The price indexes, when the method's K is on, are entered
 * with the offer (the index of the opening day is not the one of the exit's valuation).
 */
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { buildings, units } from '../../db/schema.js';
import { valueUnit, type CpiInput, type Valuation } from '../exits/valuation.js';
import type { ExitRow } from './store.js';

/** The exit's unit valued on `asOn`. */
export async function transferCeiling(tx: Tx, exit: ExitRow, asOn: string, cpi: CpiInput): Promise<Valuation> {
  const [row] = await tx.select({ name: buildings.name, completedOn: buildings.completedOn }).from(units)
    .innerJoin(buildings, eq(buildings.id, units.buildingId)).where(eq(units.id, exit.unitId));
  return valueUnit(tx, { unitId: exit.unitId, building: row! }, asOn, cpi);
}
