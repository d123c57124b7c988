/**
 * Test support for the buyback (济政发〔2025〕3号 第二十七至二十九条): an owned unit's buyback exit
 * written straight as `accepted` (第二十六条: due six months on), valued by the real rule
 * housing.buyback-price (第二十七条), with the real housing.exit-eligibility verdict (第二十四条).
 * The exit's own flow (apply, 第二十五条 checks, accept) is tested in src/commands/exits.
 */
import { eq, sql } from 'drizzle-orm';
import type { DbHandle } from '../../db/client.js';
import { queryRows } from '../../db/client.js';
import { buildings, contracts, exitApplications, units } from '../../db/schema.js';
import { addMonths, todayInShanghai } from '../../rules/core/dates.js';
import { buybackPrice } from '../../rules/housing/buyback-price.js';
import { exitEligibility } from '../../rules/housing/exit-eligibility.js';
import type { OwnedWorld } from '../closed-loop/testing.js';

/** The day the buyback tests run: two years after the titles of ownedWorld (2026-03-20) and a bit. */
export const BUYBACK_DAY = '2028-04-10';

/** Accepts a buyback exit of owner `i`'s unit on the clock's day; returns the exit row. */
export async function acceptedBuyback(h: DbHandle, w: OwnedWorld, i: number) {
  const today = w.clock.today();
  const o = w.owned[i]!;
  const [c] = await h.db.select().from(contracts).where(eq(contracts.id, o.contractId));
  const [u] = await h.db.select().from(units).where(eq(units.id, o.unitId));
  const [b] = await h.db.select().from(buildings).where(eq(buildings.id, u!.buildingId));
  const eligibility = exitEligibility({
    titleIssuedOn: '2026-03-20', route: 'buyback', extraLoansOrMortgages: false, leased: false, legalDispute: false, useChanged: false, structureAltered: false,
  }, today);
  const valuation = { ...buybackPrice({ originalPrice: c!.priceFen, paidOn: todayInShanghai(c!.signedAt!), builtOn: b!.completedOn! }, today), asOf: today };
  const [{ n }] = await queryRows<{ n: string }>(h.db, sql`select nextval('exit_no_seq')::text as n`);
  const [exit] = await h.db.insert(exitApplications).values({
    exitNo: `济保退〔${today.slice(0, 4)}〕${n.padStart(6, '0')}号`, unitId: o.unitId, projectId: w.project.id, titleId: o.titleId,
    applicationId: w.families[i]!.applicationId, route: 'buyback', status: 'accepted', eligibility, submittedOn: today,
    submittedBy: w.families[i]!.actor.accountId, acceptedOn: today, dueOn: addMonths(today, 6), decidedBy: w.actors.lixia.accountId,
    valuation, valuedOn: today, priceFen: valuation.value.price,
  }).returning();
  return exit!;
}
