import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DbHandle } from '../../db/client.js';
import { TEST_DB_KINDS, openTestDbOf } from '../../db/testing.js';
import { auditLog, priceApprovals, units } from '../../db/schema.js';
import { addBuilding, addUnit } from '../projects/index.js';
import { catalogueWorld, draftProject, type CatalogueWorld } from '../projects/testing.js';
import { approvePrices, getPriceApproval, rejectPrices, submitPrices } from './index.js';

const err = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return e as { code: string; http: number; field?: string; message_zh: string; message_en: string; details?: Record<string, unknown> };
  }
  throw new Error('expected a refusal');
};

/** The whole chain of causes' messages (drizzle wraps the driver's error). */
const messages = (e: unknown): string => (e ? `${(e as Error).message} ${messages((e as { cause?: unknown }).cause)}` : '');

describe.each(TEST_DB_KINDS)('第十二条 prices on %s', (kind) => {
  let h: DbHandle;
  let w: CatalogueWorld;
  let seq = 0;
  beforeAll(async () => {
    h = await openTestDbOf(kind);
    w = await catalogueWorld(h);
  });
  afterAll(() => h.close());

  const fresh = (level: 'city' | 'district', n = 4) => draftProject(w, { code: `JN-P-${++seq}`, level, units: n });
  const flat = (unitIds: string[], coefficient = '1.00') => ({ basePricePerM2Fen: 800_000, floatRange: '0.05', coefficients: unitIds.map((unitId) => ({ unitId, coefficient })) });
  const unitRows = (projectId: string) => h.db.select().from(units).where(eq(units.projectId, projectId));
  const actions = async (id: string) => (await h.db.select().from(auditLog).where(eq(auditLog.targetId, id))).map((a) => a.action);

  it('city project: the implementer submits, city staff approve; every unit gets its price, coefficient and the approval id', async () => {
    const { project, unitIds } = await fresh('city');
    const coefficients = [{ unitId: unitIds[0]!, coefficient: '0.95' }, { unitId: unitIds[1]!, coefficient: '1.05' }, { unitId: unitIds[2]!, coefficient: 1.013 }, { unitId: unitIds[3]!, coefficient: '1' }];
    const a = await submitPrices(w.implCtx, { projectId: project.id, basePricePerM2Fen: 812_345, floatRange: '0.05', coefficients });
    expect(a).toMatchObject({ status: 'submitted', floatRange: '0.050000', approvalNo: null });
    expect(a.scheduleSha256).toMatch(/^[0-9a-f]{64}$/);
    // 812,345 fen × 90.00 m² × 0.95 = 69,455,497.5 fen → half up (params unit_price_rounding) 69,455,498.
    const view = await getPriceApproval(w.ctx('city'), { approvalId: a.id });
    expect(view.lines.map((l) => [l.number, l.coefficient, l.priceFen])).toEqual([
      ['101', '0.950000', 69_455_498], ['102', '1.050000', 76_766_603], ['201', '1.013000', 74_061_494], ['202', '1.000000', 73_111_050],
    ]);
    // Nothing is priced before the approval.
    expect((await unitRows(project.id)).every((u) => u.priceFen === null)).toBe(true);
    const lixia = await err(approvePrices(w.ctx('lixia'), { approvalId: a.id }));
    expect([lixia.http, lixia.message_zh]).toEqual([403, '市级项目的价格由市住房城乡建设部门审核（第十二条）。']);
    const ok = await approvePrices(w.ctx('city'), { approvalId: a.id, note: '同意' });
    expect(ok).toMatchObject({ status: 'approved', cityApprovedBy: w.actors.city.accountId, approvalNo: `济保价审〔2026〕${project.code}-1号` });
    expect((await approvePrices(w.ctx('city'), { approvalId: a.id })).approvalNo).toBe(ok.approvalNo);
    const priced = await unitRows(project.id);
    expect(priced.every((u) => u.priceApprovalId === a.id && u.status === 'draft')).toBe(true);
    expect(priced.find((u) => u.id === unitIds[0])).toMatchObject({ priceFen: 69_455_498, coefficient: '0.950000' });
    expect(await actions(a.id)).toEqual(['prices.submit', 'prices.approve']);
  });

  it('district project: the district of the project approves first, then the city confirms', async () => {
    const { project, unitIds } = await fresh('district');
    const a = await submitPrices(w.implCtx, { projectId: project.id, ...flat(unitIds) });
    expect((await err(approvePrices(w.ctx('licheng'), { approvalId: a.id }))).http).toBe(403);
    const first = await approvePrices(w.ctx('lixia'), { approvalId: a.id });
    expect(first).toMatchObject({ status: 'district_approved', districtApprovedBy: w.actors.lixia.accountId, approvalNo: null });
    expect((await unitRows(project.id)).every((u) => u.priceFen === null)).toBe(true);
    expect((await approvePrices(w.ctx('lixia'), { approvalId: a.id })).status).toBe('district_approved');
    const final = await approvePrices(w.ctx('city'), { approvalId: a.id });
    expect(final.status).toBe('approved');
    expect((await unitRows(project.id)).every((u) => u.priceFen === 72_000_000)).toBe(true);
    expect(await actions(a.id)).toEqual(['prices.submit', 'prices.district_approve', 'prices.approve']);
  });

  it('district project: the city approving first is refused (409) and nothing changes', async () => {
    const { project, unitIds } = await fresh('district');
    const a = await submitPrices(w.implCtx, { projectId: project.id, ...flat(unitIds) });
    const e = await err(approvePrices(w.ctx('city'), { approvalId: a.id }));
    expect([e.http, e.code]).toEqual([409, 'INVALID_STATE']);
    expect(e.message_zh).toContain('区县级项目须先经区县审批，再报市级审定');
    expect((await h.db.select().from(priceApprovals).where(eq(priceApprovals.id, a.id)))[0]!.status).toBe('submitted');
  });

  it('a coefficient outside 1 ± floatRange is refused naming the unit and coefficients[i].coefficient; nothing is written', async () => {
    const { project, unitIds } = await fresh('city');
    const input = flat(unitIds);
    input.coefficients[2]!.coefficient = '1.050001';
    const e = await err(submitPrices(w.implCtx, { projectId: project.id, ...input }));
    expect([e.http, e.code, e.field]).toEqual([400, 'PRICE_OUT_OF_RANGE', 'coefficients.2.coefficient']);
    expect(e.message_zh).toBe('1号楼 201 的调节系数 1.050001 超出浮动幅度 1 ± 0.05（第十二条）。');
    expect(await h.db.select().from(priceApprovals).where(eq(priceApprovals.projectId, project.id))).toHaveLength(0);
  });

  it('every unit must be covered, once; a unit of another project is refused', async () => {
    const { project, unitIds } = await fresh('city');
    const other = await fresh('city', 1);
    const short = await err(submitPrices(w.implCtx, { projectId: project.id, ...flat(unitIds.slice(1)) }));
    expect([short.code, short.field]).toEqual(['PRICES_INCOMPLETE', 'coefficients']);
    expect(short.message_zh).toContain('还有1套房源未填写调节系数（1号楼 101）');
    expect((await err(submitPrices(w.implCtx, { projectId: project.id, ...flat([...unitIds, unitIds[0]!]) }))).field).toBe('coefficients.4.unitId');
    expect((await err(submitPrices(w.implCtx, { projectId: project.id, ...flat([...unitIds, other.unitIds[0]!]) }))).field).toBe('coefficients.4.unitId');
    expect((await err(submitPrices(w.implCtx, { projectId: project.id, ...flat(unitIds), floatRange: '1.2' }))).field).toBe('floatRange');
  });

  it('one schedule is pending at a time: a retry returns it, another is refused until it is rejected; staff give a reason', async () => {
    const { project, unitIds } = await fresh('district');
    const a = await submitPrices(w.implCtx, { projectId: project.id, ...flat(unitIds) });
    expect((await submitPrices(w.implCtx, { projectId: project.id, ...flat(unitIds, '1.000') })).id).toBe(a.id);
    expect((await err(submitPrices(w.implCtx, { projectId: project.id, ...flat(unitIds, '1.01') }))).code).toBe('PRICE_PENDING');
    expect((await err(rejectPrices(w.ctx('lixia'), { approvalId: a.id, reason: '' }))).field).toBe('reason');
    const r = await rejectPrices(w.ctx('lixia'), { approvalId: a.id, reason: '基准价测算依据不足' });
    expect(r).toMatchObject({ status: 'rejected', rejectedReason: '基准价测算依据不足', rejectedBy: w.actors.lixia.accountId });
    expect((await err(approvePrices(w.ctx('lixia'), { approvalId: a.id }))).http).toBe(409);
    const b = await submitPrices(w.implCtx, { projectId: project.id, ...flat(unitIds, '1.01') });
    expect(b.id).not.toBe(a.id);
    expect(await actions(a.id)).toEqual(['prices.submit', 'prices.reject']);
  });

  it('the latest approved schedule wins; the earlier approval stays as history', async () => {
    const { project, unitIds } = await fresh('city', 2);
    const a = await submitPrices(w.implCtx, { projectId: project.id, ...flat(unitIds) });
    await approvePrices(w.ctx('city'), { approvalId: a.id });
    const b = await submitPrices(w.implCtx, { projectId: project.id, ...flat(unitIds, '1.02') });
    const final = await approvePrices(w.ctx('city'), { approvalId: b.id });
    expect(final.approvalNo).toBe(`济保价审〔2026〕${project.code}-2号`);
    expect((await unitRows(project.id)).map((u) => [u.priceApprovalId, u.priceFen])).toEqual([[b.id, 73_440_000], [b.id, 73_440_000]]);
    expect((await h.db.select().from(priceApprovals).where(eq(priceApprovals.id, a.id)))[0]!.status).toBe('approved');
  });

  it('units_priced_ck: the database itself refuses to offer a unit without an approved price', async () => {
    const { project, building } = await fresh('city', 0);
    const b2 = await addBuilding(w.implCtx, { projectId: project.id, name: '9号楼', floors: 9 });
    const u = await addUnit(w.implCtx, { projectId: project.id, buildingId: b2.id, floor: 1, number: '101', area: '60', layout: '一室', orientation: '南' });
    expect(building.id).not.toBe(b2.id);
    let refused: unknown;
    await h.db.update(units).set({ status: 'available', offeredOn: '2026-02-02' }).where(eq(units.id, u.id)).catch((e: unknown) => { refused = e; });
    expect(messages(refused)).toContain('units_priced_ck');
    // A price alone (without an approval) does not satisfy it either.
    refused = undefined;
    await h.db.update(units).set({ status: 'available', priceFen: 100 }).where(eq(units.id, u.id)).catch((e: unknown) => { refused = e; });
    expect(messages(refused)).toContain('units_priced_ck');
    expect((await h.db.select().from(units).where(eq(units.id, u.id)))[0]!.status).toBe('draft');
  });
});
