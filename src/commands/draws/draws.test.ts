import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { DbHandle } from '../../db/client.js';
import { TEST_DB_KINDS, openTestDbOf } from '../../db/testing.js';
import { auditLog, drawRanks, draws, notifications, registrations } from '../../db/schema.js';
import { verifyAuditChain } from '../../audit/index.js';
import { runDraw, verifyBundle } from '../../lottery/index.js';
import { bundleFiles, drawLottery, freezeList, getDraw, publicProject, publicRanks, voidDraw } from './index.js';
import { drawWorld, type DrawWorld } from './testing.js';

const BEACON = '20260312-381946';

describe.each(TEST_DB_KINDS)('第十一条 摇号排序: freeze, draw, ranks on %s', (kind) => {
  let h: DbHandle;
  let w: DrawWorld;
  let drawId: string;
  beforeAll(async () => {
    h = await openTestDbOf(kind);
    // 8 homes, 7 paid families (family 0, 3 and 6 hold a 第六条 priority), one family that never paid.
    w = await drawWorld(h, { units: 8, families: 8, registered: 7, pendingPayment: 1 });
  });
  afterAll(() => h.close());

  it('freezing: the 7 paid registrations in canonical order, PRIO quota floor(0.30 × 8) = 2, a commitment, nothing secret in the clear', async () => {
    const f = await freezeList(w.ctx('lixia'), { projectId: w.project.id });
    drawId = f.id;
    expect(f).toMatchObject({ round: 1, attempt: 1, status: 'frozen', entrantCount: 7 });
    expect(f.pools).toEqual([{ label: 'PRIO', quota: 2, eligibility: 'priority' }, { label: 'GEN', quota: 'all', eligibility: 'all' }]);
    const [row] = await h.db.select().from(draws).where(eq(draws.id, f.id));
    const tsv = row.entrantsTsv.toString('utf8');
    expect(tsv).toBe(['R2026000000\tPRIO,GEN', 'R2026000001\tGEN', 'R2026000002\tGEN', 'R2026000003\tPRIO,GEN', 'R2026000004\tGEN', 'R2026000005\tGEN', 'R2026000006\tPRIO,GEN', ''].join('\n'));
    expect(f.listDigest).toBe(createHash('sha256').update(row.entrantsTsv).digest('hex'));
    expect(f.commitment).toMatch(/^[0-9a-f]{64}$/);
    expect(row.serverSecret).toBeNull();
    expect(row.secretEnc.startsWith('v1:')).toBe(true);
    // The families' pools are written on their registrations; the unpaid one gets none.
    const regs = await h.db.select({ regNo: registrations.regNo, pools: registrations.pools, status: registrations.status }).from(registrations).orderBy(registrations.regNo);
    expect(regs.map((r) => r.pools)).toEqual([['PRIO', 'GEN'], ['GEN'], ['GEN'], ['PRIO', 'GEN'], ['GEN'], ['GEN'], ['PRIO', 'GEN'], null]);
    // Staff of the district see it; the secret is not shown before the draw.
    expect((await getDraw(w.ctx('auditor'), { drawId: f.id })).serverSecret).toBeNull();
  });

  it('freezing again returns the same frozen draw (retry-safe): no second attempt, no new secret', async () => {
    const again = await freezeList(w.ctx('city'), { projectId: w.project.id });
    const first = await getDraw(w.ctx('city'), { drawId });
    expect(again.id).toBe(drawId);
    expect(again.commitment).toBe(first.commitment);
    expect(await h.db.select({ id: draws.id }).from(draws)).toHaveLength(1);
  });

  it('drawing writes every rank, the beacon, seed and bundle at once; the ranks are what QLOT-1 recomputes', async () => {
    const out = await drawLottery(w.ctx('city'), { drawId, beacon: BEACON });
    expect(out).toMatchObject({ id: drawId, status: 'drawn', beacon: BEACON, ranks: 7, notified: 7 });
    const files = await bundleFiles(w.ctx('city'), drawId);
    // The stored bundle verifies with the reference verifier (spec section 6).
    expect(verifyBundle({ entrantsTsv: files.entrantsTsv, lotteryJson: files.lotteryJson! })).toEqual({ ok: true, entrants: 7, seed: out.seed });
    const bundle = JSON.parse(files.lotteryJson!.toString('utf8'));
    expect(bundle).toMatchObject({ spec: 'QLOT-1', project_code: 'JN-2026-001', round: 1, beacon: BEACON, pools: [{ label: 'PRIO', quota: 2 }, { label: 'GEN', quota: 'all' }] });
    expect(createHash('sha256').update(Buffer.from(bundle.server_secret, 'hex')).digest('hex')).toBe((await getDraw(w.ctx('city'), { drawId })).commitment);
    // The stored ranks equal an independent recomputation from the published values.
    const again = runDraw({ project_code: bundle.project_code, round: bundle.round, pools: bundle.pools, entrants: files.entrantsTsv, server_secret: bundle.server_secret, beacon: bundle.beacon }).bundle().results;
    const stored = await h.db.select({ rank: drawRanks.rank, entrant_id: drawRanks.entrantId, pool: drawRanks.pool }).from(drawRanks).where(eq(drawRanks.drawId, drawId)).orderBy(drawRanks.rank);
    expect(stored).toEqual(again);
    expect(stored).toEqual(bundle.results);
    // 第六条: the two PRIO ranks go to priority families; everyone else is ranked in GEN.
    expect(stored.slice(0, 2).every((r) => ['R2026000000', 'R2026000003', 'R2026000006'].includes(r.entrant_id) && r.pool === 'PRIO')).toBe(true);
    expect(stored.slice(2).every((r) => r.pool === 'GEN')).toBe(true);
  });

  it('each ranked family is told its rank (in-app and SMS); the unpaid family is not', async () => {
    const rows = await h.db.select().from(notifications).where(eq(notifications.template, 'draw_rank'));
    expect(rows).toHaveLength(14);
    const ranks = await h.db.select().from(drawRanks).where(eq(drawRanks.drawId, drawId));
    const first = ranks.find((r) => r.rank === 1)!;
    const reg = w.registrations.find((r) => r.regNo === first.entrantId)!;
    const mine = rows.filter((n) => n.accountId === reg.accountId && n.channel === 'in_app');
    expect(mine[0].body).toContain(`登记号 ${first.entrantId} 排序第 1 名（PRIO 池）`);
    expect(rows.some((n) => n.accountId === w.registrations[7].accountId)).toBe(false);
  });

  it('drawing a drawn draw again is refused with 409, never re-run', async () => {
    await expect(drawLottery(w.ctx('city'), { drawId, beacon: 'another-beacon' })).rejects.toMatchObject({ code: 'ALREADY_DRAWN', http: 409 });
    expect((await getDraw(w.ctx('city'), { drawId })).beacon).toBe(BEACON);
  });

  it('public ranks: rank order, masked name and ID only, search by registration number', async () => {
    const page = await publicRanks(w.ctx('city'), { drawId, page: 1, pageSize: 5 });
    expect(page.total).toBe(7);
    expect(page.items.map((i) => i.rank)).toEqual([1, 2, 3, 4, 5]);
    for (const i of page.items) {
      expect(i.maskedName).toMatch(/^张\*\d$/);
      expect(i.maskedId).toMatch(/^3701\*{10}\d{4}$/);
      expect(i.district).toBe('历下区');
    }
    const one = await publicRanks(w.ctx('city'), { drawId, q: ' R2026000004 ' });
    expect(one.items.map((i) => i.entrantId)).toEqual(['R2026000004']);
    expect((await publicRanks(w.ctx('city'), { drawId, page: 2, pageSize: 5 })).items.map((i) => i.rank)).toEqual([6, 7]);
  });

  it('every step is in the audit chain, which still verifies', async () => {
    const acts = (await h.db.select({ action: auditLog.action }).from(auditLog)).map((a) => a.action);
    expect(acts.filter((a) => a.startsWith('draw.'))).toEqual(['draw.freeze', 'draw.draw']);
    expect((await verifyAuditChain(h.db)).ok).toBe(true);
  });

  it('redraw: a void needs a public reason; attempt 2 freezes the same list with a new secret and commitment', async () => {
    await expect(voidDraw(w.ctx('lixia'), { drawId, reason: '' })).rejects.toMatchObject({ http: 400, field: 'reason' });
    const first = await getDraw(w.ctx('lixia'), { drawId });
    const v = await voidDraw(w.ctx('lixia'), { drawId, reason: '现场公证人员未到场，信标录入程序不合规' });
    expect(v).toMatchObject({ status: 'void', attempt: 1 });
    // Voiding again changes nothing; the families who were told their rank hear of the void.
    expect((await voidDraw(w.ctx('lixia'), { drawId, reason: '另一个原因说明' })).voidReason).toBe('现场公证人员未到场，信标录入程序不合规');
    expect(await h.db.select().from(notifications).where(eq(notifications.template, 'draw_voided'))).toHaveLength(14);
    await expect(drawLottery(w.ctx('city'), { drawId, beacon: BEACON })).rejects.toMatchObject({ code: 'DRAW_VOID', http: 409 });

    const second = await freezeList(w.ctx('lixia'), { projectId: w.project.id });
    expect(second).toMatchObject({ round: 1, attempt: 2, status: 'frozen', entrantCount: 7, listDigest: first.listDigest });
    expect(second.id).not.toBe(drawId);
    expect(second.commitment).not.toBe(first.commitment);
    const out = await drawLottery(w.ctx('lixia'), { drawId: second.id, beacon: '20260313-000017' });
    expect(out.seed).not.toBe(first.seed);

    // The public page shows both attempts, the void with its reason; the voided ranks stay public.
    const pub = await publicProject(w.ctx('city'), 'JN-2026-001');
    expect(pub.draws.map((d) => [d.attempt, d.status, d.voidReason])).toEqual([[1, 'void', '现场公证人员未到场，信标录入程序不合规'], [2, 'drawn', null]]);
    expect(pub.draws[0].serverSecret).toMatch(/^[0-9a-f]{64}$/);
    expect((await publicRanks(w.ctx('city'), { drawId })).total).toBe(7);
    expect(await h.db.select().from(drawRanks).where(and(eq(drawRanks.drawId, second.id)))).toHaveLength(7);
    const acts = (await h.db.select({ action: auditLog.action }).from(auditLog)).map((a) => a.action).filter((a) => a.startsWith('draw.'));
    expect(acts).toEqual(['draw.freeze', 'draw.draw', 'draw.void', 'draw.freeze', 'draw.draw']);
  });

  it('the database holds one live draw per round whatever the code does (draws_live_uq)', async () => {
    const [live] = await h.db.select().from(draws).where(eq(draws.status, 'drawn'));
    await expect(h.db.execute(sql`update draws set status = 'frozen' where project_id = ${live.projectId} and attempt = 1`)).rejects.toThrow();
  });
});
