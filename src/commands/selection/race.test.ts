/**
 * 选房 under real concurrency (PostgreSQL): a unit is never held twice and a family never holds
 * two units (第五条 每个家庭限购1套; 第十一条 自主选择购买1套), whatever the interleaving — because
 * the database refuses (row locks on `units`, the partial unique indexes on live selections),
 * not because the requests happened to arrive in a lucky order.
 *
 * The server allows 100 connections and other suites share it, so the families share a pool of
 * RACE_POOL connections (env QC_RACE_POOL, default 40): every attempt is its own transaction on
 * its own pool client, up to RACE_POOL of them inside PostgreSQL at once, the rest queued.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { DbHandle } from '../../db/client.js';
import { queryRows } from '../../db/client.js';
import { openTestDb } from '../../db/testing.js';
import { openNextBatch, selectUnit } from './index.js';
import { addSellingProject, registerAndDraw, selectionWorld, type SelectionWorld } from './testing.js';

const FAMILIES = 200;
const UNITS = 50;
const ROUNDS = 10;
const RACE_POOL = Number(process.env.QC_RACE_POOL ?? 40);

type Refusal = { code?: string; internal?: { by?: string } };
type Tally = { selected: number; refused: Record<string, number> };

/** One family: random picks among the units it last saw available, retrying on 409, until it holds one or none is left. */
async function family(w: SelectionWorld, h: DbHandle, i: number, projectIds: string[], tally: Tally): Promise<void> {
  const ctx = w.familyCtx(i);
  const pickFrom = async () => (await queryRows<{ id: string }>(h.db, sql`
    select id from units where project_id in (${sql.join(projectIds.map((p) => sql`${p}`), sql`, `)}) and status = 'available'`)).map((r) => r.id);
  let seen = await pickFrom();
  for (let attempt = 0; seen.length && attempt < 200; attempt++) {
    const unitId = seen[Math.floor(Math.random() * seen.length)]!;
    try {
      await selectUnit(ctx, { unitId });
      tally.selected++;
      return;
    } catch (e) {
      const r = e as Refusal;
      const key = `${r.code}:${r.internal?.by ?? '-'}`;
      tally.refused[key] = (tally.refused[key] ?? 0) + 1;
      if (r.code === 'ALREADY_HOLDS_UNIT') return;
      if (r.code !== 'UNIT_TAKEN') throw e;
      seen = await pickFrom();
    }
  }
}

/** The invariants, read back from the database. */
async function invariants(h: DbHandle) {
  const [r] = await queryRows<Record<string, number>>(h.db, sql`select
    (select count(*)::int from (select unit_id from selections where status in ('locked','signed') group by unit_id having count(*) > 1) x) as units_twice,
    (select count(*)::int from (select application_id from selections where status in ('locked','signed') group by application_id having count(*) > 1) x) as families_twice,
    (select count(*)::int from units where status = 'reserved') as reserved,
    (select count(*)::int from selections where status = 'locked') as locked,
    (select count(*)::int from units u where status = 'reserved' and not exists (select 1 from selections s where s.unit_id = u.id and s.status = 'locked')) as reserved_unheld,
    (select count(*)::int from selection_calls where outcome = 'selected') as calls_selected`);
  return r!;
}

/** A fresh round on the same world: every unit on offer again, every call waiting. */
async function reset(h: DbHandle) {
  await h.sql(`delete from selections`);
  await h.sql(`update units set status = 'available' where status = 'reserved'`);
  await h.sql(`update selection_calls set outcome = 'waiting', at = null`);
}

describe.skipIf(!process.env.DATABASE_URL)('选房 race on PostgreSQL (skipped on PGlite: one connection cannot race)', () => {
  let h: DbHandle;
  let w: SelectionWorld;
  let second: Awaited<ReturnType<typeof addSellingProject>>;
  beforeAll(async () => {
    h = await openTestDb({ poolSize: RACE_POOL });
    w = await selectionWorld(h, { units: UNITS, families: FAMILIES, batchSize: FAMILIES, windowMinutes: 120 });
    await openNextBatch(w.staffCtx, { drawId: w.draw.id });
    second = await addSellingProject(h, w, 'JN-2026-RACE', UNITS);
    const d2 = await registerAndDraw(h, w, second.project, second.plan);
    await openNextBatch(w.staffCtx, { drawId: d2.draw.id });
  });
  afterAll(() => h?.close());

  it(`${ROUNDS} rounds: ${FAMILIES} families race for ${UNITS} units of one project; every round ${UNITS} held, none twice`, async () => {
    const all: Tally = { selected: 0, refused: {} };
    for (let round = 0; round < ROUNDS; round++) {
      await reset(h);
      const tally: Tally = { selected: 0, refused: {} };
      await Promise.all(Array.from({ length: FAMILIES }, (_, i) => family(w, h, i, [w.project.id], tally)));
      const inv = await invariants(h);
      expect(inv, `round ${round}`).toEqual({ units_twice: 0, families_twice: 0, reserved: UNITS, locked: UNITS, reserved_unheld: 0, calls_selected: UNITS });
      expect(tally.selected).toBe(Math.min(UNITS, FAMILIES));
      all.selected += tally.selected;
      for (const [k, n] of Object.entries(tally.refused)) all.refused[k] = (all.refused[k] ?? 0) + n;
    }
    // Losers were refused by the row lock + re-check of `units.status` inside PostgreSQL.
    expect(all.refused['UNIT_TAKEN:units_status']).toBeGreaterThan(0);
    expect(Object.keys(all.refused).every((k) => k.startsWith('UNIT_TAKEN:'))).toBe(true);
    console.info('one project:', JSON.stringify(all));
  }, 600_000);

  it('3 rounds: every family races for a unit in each of two projects at once and never ends with two; the unique index refuses', async () => {
    const all: Tally = { selected: 0, refused: {} };
    for (let round = 0; round < 3; round++) {
      await reset(h);
      const tally: Tally = { selected: 0, refused: {} };
      await Promise.all(Array.from({ length: FAMILIES }, (_, i) => Promise.all([
        family(w, h, i, [w.project.id], tally),
        family(w, h, i, [second.project.id], tally),
      ])));
      const inv = await invariants(h);
      expect(inv.units_twice).toBe(0);
      expect(inv.families_twice).toBe(0);
      expect(inv.reserved).toBe(inv.locked);
      expect(inv.reserved_unheld).toBe(0);
      expect(inv.locked).toBe(tally.selected);
      // 200 families, 100 units in all: every unit goes, each to a different family.
      expect(inv.locked).toBe(2 * UNITS);
      all.selected += tally.selected;
      for (const [k, n] of Object.entries(tally.refused)) all.refused[k] = (all.refused[k] ?? 0) + n;
    }
    expect(all.refused['ALREADY_HOLDS_UNIT:selections_app_live_uq']).toBeGreaterThan(0);
    console.info('two projects:', JSON.stringify(all));
  }, 600_000);

  it('the guarantee is the index, not the pre-check: a family\'s second choice held back until its first commits is refused by selections_app_live_uq', async () => {
    await reset(h);
    const [u1] = await queryRows<{ id: string }>(h.db, sql`select id from units where project_id = ${w.project.id} limit 1`);
    const [u2] = await queryRows<{ id: string }>(h.db, sql`select id from units where project_id = ${second.project.id} limit 1`);
    const blocker = new pg.Client({ connectionString: (h.raw as pg.Pool).options.connectionString });
    await blocker.connect();
    try {
      await blocker.query('begin');
      await blocker.query('select id from units where id = $1 for update', [u2!.id]);
      // The choice in project 2 passes every check, then waits on the unit's row lock.
      const late = selectUnit(w.familyCtx(0), { unitId: u2!.id }).then(() => null, (e: Refusal) => e);
      for (let i = 0; i < 100; i++) {
        const [waiting] = (await blocker.query(`select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and query like 'update units%'`)).rows;
        if (waiting.n > 0) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      await selectUnit(w.familyCtx(0), { unitId: u1!.id }); // commits first
      await blocker.query('commit');
      expect(await late).toMatchObject({ code: 'ALREADY_HOLDS_UNIT', internal: { by: 'selections_app_live_uq' } });
    } finally {
      await blocker.end();
    }
    expect((await invariants(h)).families_twice).toBe(0);
    // And a second live selection of a held unit, written by hand past every command, is refused too.
    const other = w.families[1]!.applicationId;
    await expect(h.sql(`insert into selections (project_id, unit_id, application_id, kind, status, locked_at) values ($1, $2, $3, 'round', 'locked', now())`, [w.project.id, u1!.id, other]))
      .rejects.toMatchObject({ code: '23505', constraint: 'selections_unit_live_uq' });
  }, 120_000);
});
