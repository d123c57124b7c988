import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { DbHandle } from '../../db/client.js';
import { TEST_DB_KINDS, openTestDbOf } from '../../db/testing.js';
import { drawRanks, draws, notifications } from '../../db/schema.js';
import { drawLottery, freezeList, voidDraw } from './index.js';
import { drawWorld } from './testing.js';

describe.each(TEST_DB_KINDS)('draw refusals and an interrupted draw on %s', (kind) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await openTestDbOf(kind, { poolSize: 12 });
  });
  afterAll(() => h.close());

  it('第十一条: no freeze while registration is open, none by another district, the implementer, a family or the auditor', async () => {
    await h.db.execute(sql`truncate projects, accounts, applications cascade`);
    const w = await drawWorld(h, { families: 3 });
    w.clock.set('2026-03-10'); // 18:00 Shanghai: the window closes at midnight
    await expect(freezeList(w.ctx('lixia'), { projectId: w.project.id })).rejects.toMatchObject({ code: 'REGISTRATION_OPEN', http: 409 });
    w.clock.set('2026-03-11');
    await expect(freezeList(w.ctx('licheng'), { projectId: w.project.id })).rejects.toMatchObject({ code: 'FORBIDDEN', http: 403 });
    await expect(freezeList(w.implementerCtx, { projectId: w.project.id })).rejects.toMatchObject({ http: 403 });
    await expect(freezeList(w.ctxAs(w.families[0].actor), { projectId: w.project.id })).rejects.toMatchObject({ http: 403 });
    await expect(freezeList(w.ctx('auditor'), { projectId: w.project.id })).rejects.toMatchObject({ http: 403 });
    const f = await freezeList(w.ctx('lixia'), { projectId: w.project.id });
    await expect(drawLottery(w.ctx('licheng'), { drawId: f.id, beacon: 'x' })).rejects.toMatchObject({ http: 403 });
    await expect(voidDraw(w.ctx('licheng'), { drawId: f.id, reason: '越权作废尝试' })).rejects.toMatchObject({ http: 403 });
    expect((await h.db.select().from(draws))[0].status).toBe('frozen');
  });

  it('a list with no paid family is not frozen, with a clear message', async () => {
    await h.db.execute(sql`truncate projects, accounts, applications cascade`);
    const w = await drawWorld(h, { families: 2, registered: 0, pendingPayment: 2 });
    await expect(freezeList(w.ctx('city'), { projectId: w.project.id })).rejects.toMatchObject({ code: 'NO_ENTRANTS', http: 409, message_zh: expect.stringContaining('名单为空') });
    expect(await h.db.select().from(draws)).toHaveLength(0);
  });

  it('QLOT-1 section 3: the beacon is 1 to 256 UTF-8 bytes without LF, refused naming the field', async () => {
    await h.db.execute(sql`truncate projects, accounts, applications cascade`);
    const w = await drawWorld(h, { families: 2 });
    const f = await freezeList(w.ctx('city'), { projectId: w.project.id });
    for (const beacon of ['', 'line\nbreak', '号'.repeat(86)]) {
      await expect(drawLottery(w.ctx('city'), { drawId: f.id, beacon })).rejects.toMatchObject({ http: 400, field: 'beacon' });
    }
    // 85 three-byte characters are 255 bytes: allowed.
    await expect(drawLottery(w.ctx('city'), { drawId: f.id, beacon: '号'.repeat(85) })).resolves.toMatchObject({ status: 'drawn' });
  });

  it('a draw that fails while writing ranks leaves no rank, no notice and the draw frozen; it can then be drawn', async () => {
    await h.db.execute(sql`truncate projects, accounts, applications, notifications cascade`);
    const w = await drawWorld(h, { families: 9 });
    const f = await freezeList(w.ctx('city'), { projectId: w.project.id });
    // A real failure of the database half-way: the third chunk of ranks is refused.
    await h.db.execute(sql.raw(`create or replace function qc_test_fail_rank() returns trigger language plpgsql as $$
      begin if new.rank > 4 then raise exception 'injected failure at rank %', new.rank; end if; return new; end $$`));
    await h.db.execute(sql.raw('create trigger qc_test_fail_rank before insert on draw_ranks for each row execute function qc_test_fail_rank()'));
    try {
      const failed = await drawLottery(w.ctx('city'), { drawId: f.id, beacon: 'B-1' }, { chunkSize: 2 }).then(() => null, (e: Error & { cause?: Error }) => e);
      expect((failed?.cause ?? failed)?.message).toMatch(/injected failure at rank 5/);
    } finally {
      await h.db.execute(sql.raw('drop trigger qc_test_fail_rank on draw_ranks'));
      await h.db.execute(sql.raw('drop function qc_test_fail_rank()'));
    }
    expect(await h.db.select().from(drawRanks)).toHaveLength(0);
    const [row] = await h.db.select().from(draws).where(eq(draws.id, f.id));
    expect(row).toMatchObject({ status: 'frozen', beacon: null, seed: null, serverSecret: null, bundleJson: null });
    expect(await h.db.select().from(notifications)).toHaveLength(0);
    const out = await drawLottery(w.ctx('city'), { drawId: f.id, beacon: 'B-1' }, { chunkSize: 2 });
    expect(out.ranks).toBe(9);
    expect((await h.db.select().from(drawRanks)).map((r) => r.rank).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('two draws of one frozen list at once: one draws, the other is refused, the ranks are written once', async () => {
    await h.db.execute(sql`truncate projects, accounts, applications, notifications cascade`);
    const w = await drawWorld(h, { families: 6 });
    const [a, b] = await Promise.all([freezeList(w.ctx('city'), { projectId: w.project.id }), freezeList(w.ctx('lixia'), { projectId: w.project.id })]);
    expect(a.id).toBe(b.id);
    const results = await Promise.allSettled([
      drawLottery(w.ctx('city'), { drawId: a.id, beacon: 'first' }),
      drawLottery(w.ctx('lixia'), { drawId: a.id, beacon: 'second' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject({ code: 'ALREADY_DRAWN', http: 409 });
    expect(await h.db.select().from(drawRanks)).toHaveLength(6);
  });
});
