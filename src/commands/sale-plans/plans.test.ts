import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DbHandle } from '../../db/client.js';
import { TEST_DB_KINDS, openTestDbOf } from '../../db/testing.js';
import { auditLog, projects, units } from '../../db/schema.js';
import { approvePrices, submitPrices } from '../pricing/index.js';
import { addUnit } from '../projects/index.js';
import { catalogueWorld, draftProject, type CatalogueWorld } from '../projects/testing.js';
import { approvePlan, createPlan, currentPlan, publishPlan, rejectPlan, saleNoticeData, submitPlan } from './index.js';

const err = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return e as { code: string; http: number; field?: string; message_zh: string; details?: Record<string, unknown> };
  }
  throw new Error('expected a refusal');
};

const plan = (over: Record<string, unknown> = {}) => ({
  round: 1, registrationOpensAt: '2026-03-01T00:00:00+08:00', registrationClosesAt: '2026-03-10T00:00:00+08:00', drawOn: '2026-03-12',
  depositFen: 2_000_000, batchSize: 20, windowMinutes: 30, contractDeadlineDays: 7, documents: '身份证、户口簿',
  pools: [{ label: 'PRIO', share: '0.30', eligibility: 'priority' }, { label: 'GEN', quota: 'all', eligibility: 'all' }],
  ...over,
});

describe.each(TEST_DB_KINDS)('配售方案 and 配售通告 (第十条) on %s', (kind) => {
  let h: DbHandle;
  let w: CatalogueWorld;
  let seq = 0;
  beforeAll(async () => {
    h = await openTestDbOf(kind);
    w = await catalogueWorld(h);
  });
  afterAll(() => h.close());

  /** A project whose prices are approved (district → city, or city alone). */
  const priced = async (level: 'city' | 'district' = 'district', n = 4) => {
    const d = await draftProject(w, { code: `JN-S-${++seq}`, level, units: n });
    const a = await submitPrices(w.implCtx, { projectId: d.project.id, basePricePerM2Fen: 800_000, floatRange: '0.05', coefficients: d.unitIds.map((unitId) => ({ unitId, coefficient: '1' })) });
    if (level === 'district') await approvePrices(w.ctx('lixia'), { approvalId: a.id });
    await approvePrices(w.ctx('city'), { approvalId: a.id });
    return d;
  };

  it('district project: draft → submitted → approved by the district → published as 配售通告; units offered, catalogue closed', async () => {
    const { project, building, unitIds } = await priced('district');
    expect(await currentPlan(h.db, project.id)).toBeNull();
    const p = await createPlan(w.implCtx, { projectId: project.id, ...plan() });
    expect(p).toMatchObject({ status: 'draft', round: 1, depositFen: 2_000_000, noticeNo: null });
    expect((await createPlan(w.implCtx, { projectId: project.id, ...plan() })).id).toBe(p.id);
    expect((await err(publishPlan(w.implCtx, { planId: p.id }))).code).toBe('INVALID_STATE');
    await submitPlan(w.implCtx, { planId: p.id });
    expect((await err(approvePlan(w.ctx('city'), { planId: p.id }))).message_zh).toContain('由项目所在区县住房城乡建设部门审核');
    expect((await err(approvePlan(w.ctx('licheng'), { planId: p.id }))).http).toBe(403);
    expect(await approvePlan(w.ctx('lixia'), { planId: p.id })).toMatchObject({ status: 'approved', approvedBy: w.actors.lixia.accountId });
    const pub = await publishPlan(w.implCtx, { planId: p.id });
    expect(pub.noticeNo).toMatch(/^配售通告〔2026〕\d+号$/);
    expect(pub).toMatchObject({ status: 'published', offered: 4 });
    expect((await publishPlan(w.implCtx, { planId: p.id })).noticeNo).toBe(pub.noticeNo);
    const offered = await h.db.select().from(units).where(eq(units.projectId, project.id));
    expect(offered.map((u) => [u.status, u.offeredOn])).toEqual(unitIds.map(() => ['available', '2026-02-02']));
    expect((await h.db.select().from(projects).where(eq(projects.id, project.id)))[0]!.status).toBe('selling');
    expect((await currentPlan(h.db, project.id))!.id).toBe(p.id);
    const closed = await err(addUnit(w.implCtx, { projectId: project.id, buildingId: building.id, floor: 9, number: '901', area: '90', layout: '两室', orientation: '南' }));
    expect([closed.http, closed.code]).toEqual([409, 'CATALOGUE_CLOSED']);
    const actions = (await h.db.select().from(auditLog).where(eq(auditLog.targetId, p.id))).map((a) => a.action);
    expect(actions).toEqual(['plan.create', 'plan.submit', 'plan.approve', 'plan.publish']);
    const data = await saleNoticeData(w.ctx('family1'), { planId: p.id });
    expect(data).toMatchObject({ noticeNo: pub.noticeNo, draft: false, issuer: '历下区住房和城乡建设局', units: { count: 4, minPriceFen: 72_000_000 }, price: { basePricePerM2Fen: 800_000 } });
  });

  it('city project: only city staff approve; the city bureau issues the notice', async () => {
    const { project } = await priced('city', 2);
    const p = await createPlan(w.implCtx, { projectId: project.id, ...plan() });
    await submitPlan(w.implCtx, { planId: p.id });
    expect((await err(approvePlan(w.ctx('lixia'), { planId: p.id }))).message_zh).toContain('市级项目的配售方案由市住房城乡建设部门审核');
    await approvePlan(w.ctx('city'), { planId: p.id });
    await publishPlan(w.ctx('city'), { planId: p.id });
    expect((await saleNoticeData(w.ctx('auditor'), { planId: p.id })).issuer).toBe('济南市住房和城乡建设局');
  });

  it('第十条/第十二条: a unit without an approved price blocks the notice, and nothing is offered', async () => {
    const { project, building } = await priced('city', 2);
    await addUnit(w.implCtx, { projectId: project.id, buildingId: building.id, floor: 5, number: '501', area: '90', layout: '两室', orientation: '南' });
    const p = await createPlan(w.implCtx, { projectId: project.id, ...plan() });
    await submitPlan(w.implCtx, { planId: p.id });
    await approvePlan(w.ctx('city'), { planId: p.id });
    const e = await err(publishPlan(w.implCtx, { planId: p.id }));
    expect([e.http, e.code, e.details?.unpriced]).toEqual([409, 'UNITS_UNPRICED', 1]);
    expect((await h.db.select().from(units).where(eq(units.projectId, project.id))).every((u) => u.status === 'draft')).toBe(true);
  });

  it('a rejected plan is revised by drafting the same round again, then submitted anew', async () => {
    const { project } = await priced('district', 1);
    const p = await createPlan(w.implCtx, { projectId: project.id, ...plan() });
    await submitPlan(w.implCtx, { planId: p.id });
    expect((await err(createPlan(w.implCtx, { projectId: project.id, ...plan({ depositFen: 1_000_000 }) }))).code).toBe('PLAN_ROUND_TAKEN');
    const r = await rejectPlan(w.ctx('lixia'), { planId: p.id, reason: '认购金过高' });
    expect(r).toMatchObject({ status: 'rejected', rejectedReason: '认购金过高' });
    const revised = await createPlan(w.implCtx, { projectId: project.id, ...plan({ depositFen: 1_000_000 }) });
    expect(revised).toMatchObject({ id: p.id, status: 'draft', depositFen: 1_000_000, rejectedReason: null });
    expect((await submitPlan(w.implCtx, { planId: p.id })).status).toBe('submitted');
  });

  it('round 2 waits for round 1 to be published; a window already closed cannot be published', async () => {
    const { project } = await priced('city', 1);
    expect((await err(createPlan(w.implCtx, { projectId: project.id, ...plan({ round: 2 }) }))).field).toBe('round');
    const p = await createPlan(w.implCtx, { projectId: project.id, ...plan() });
    await submitPlan(w.implCtx, { planId: p.id });
    await approvePlan(w.ctx('city'), { planId: p.id });
    w.clock.set('2026-03-11');
    try {
      const e = await err(publishPlan(w.implCtx, { planId: p.id }));
      expect([e.code, e.field]).toEqual(['PLAN_WINDOW_PASSED', 'registrationClosesAt']);
    } finally {
      w.clock.set('2026-02-02');
    }
  });

  it.each([
    ['the window closing before it opens', { registrationClosesAt: '2026-02-28T00:00:00+08:00' }, 'registrationClosesAt', '须晚于'],
    ['a window shorter than 3 days (params housing.plan.registration_window_min_days)', { registrationClosesAt: '2026-03-03T23:59:00+08:00' }, 'registrationClosesAt', '不得少于3天'],
    ['a draw before registration closes', { drawOn: '2026-03-09' }, 'drawOn', '摇号日期'],
    ['a time without an offset', { registrationOpensAt: '2026-03-01T00:00:00' }, 'registrationOpensAt', 'ISO 8601'],
    ['no 认购金', { depositFen: 0 }, 'depositFen', '认购金'],
    ['a label with a space', { pools: [{ label: 'P 1', quota: 5, eligibility: 'priority' }, { label: 'GEN', quota: 'all', eligibility: 'all' }] }, 'pools.0.label', '组别代码'],
    ['two pools with one label', { pools: [{ label: 'GEN', quota: 5, eligibility: 'priority' }, { label: 'GEN', quota: 'all', eligibility: 'all' }] }, 'pools.1.label', '重复'],
    ['a last pool with a quota', { pools: [{ label: 'PRIO', quota: 5, eligibility: 'priority' }, { label: 'GEN', quota: 50, eligibility: 'all' }] }, 'pools.1.quota', '普通组'],
    ['a last pool for priority families only', { pools: [{ label: 'GEN', quota: 'all', eligibility: 'priority' }] }, 'pools.0.eligibility', '普通组'],
    ['a share of 1.2', { pools: [{ label: 'PRIO', share: '1.2', eligibility: 'priority' }, { label: 'GEN', quota: 'all', eligibility: 'all' }] }, 'pools.0.share', '0到1之间'],
    ['both share and quota', { pools: [{ label: 'PRIO', share: '0.3', quota: 5, eligibility: 'priority' }, { label: 'GEN', quota: 'all', eligibility: 'all' }] }, 'pools.0.share', '之一'],
    ['"all" before the last pool', { pools: [{ label: 'A', quota: 'all', eligibility: 'all' }, { label: 'GEN', quota: 'all', eligibility: 'all' }] }, 'pools.0.quota', '只有最后'],
  ])('refuses %s, naming the field', async (_case, over, field, zh) => {
    const { project } = await draftProject(w, { code: `JN-V-${++seq}`, units: 0 });
    const e = await err(createPlan(w.implCtx, { projectId: project.id, ...plan(over) }));
    expect([e.http, e.field]).toEqual([400, field]);
    expect(e.message_zh).toContain(zh);
  });
});
