/**
 * Test support for the buyback (济政发〔2025〕3号 第二十七至二十九条): an owned unit's buyback exit
 * taken to `accepted` through the real exit commands — the family applies (第二十四条), staff run the
 * 第二十五条 data checks and record both inspections, and accept (第二十六条: due six months on;
 * 第二十七条: valued by rule housing.buyback-price). Those steps are tested in src/commands/exits.
 */
import { eq } from 'drizzle-orm';
import type { DbHandle } from '../../db/client.js';
import { exitApplications } from '../../db/schema.js';
import type { OwnedWorld } from '../closed-loop/testing.js';
import { acceptExit, applyToExit, recordInspection, refreshDataChecks } from '../exits/index.js';

/** The day the buyback tests run: two years after the titles of ownedWorld (2026-03-20) and a bit. */
export const BUYBACK_DAY = '2028-04-10';

/** Accepts a buyback exit of owner `i`'s unit on the clock's day; returns the exit row. */
export async function acceptedBuyback(h: DbHandle, w: OwnedWorld, i: number) {
  const today = w.clock.today();
  const { id } = await applyToExit(w.ctxAs(w.families[i]!.actor), { unitId: w.owned[i]!.unitId, route: 'buyback' });
  await refreshDataChecks(w.staff, { exitId: id });
  for (const item of ['use_unchanged', 'structure_unaltered'] as const) {
    await recordInspection(w.staff, { exitId: id, item, ok: true, inspector: '李工', inspectedOn: today, reportNo: `核查-${item}-${i}` });
  }
  await acceptExit(w.staff, { exitId: id });
  const [exit] = await h.db.select().from(exitApplications).where(eq(exitApplications.id, id));
  return exit!;
}
