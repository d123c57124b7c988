import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createStaff } from '../../../commands/accounts/create-staff.js';
import { createSession } from '../../../commands/accounts/session.js';
import { TEST_DB_KINDS } from '../../../db/testing.js';
import { auditLog, units } from '../../../db/schema.js';
import { unitsSheetOf } from '../../../documents/units-xlsx.js';
import { extractText, hasPdftotext } from '../../../documents/pdf-inspect.js';
import { family, staff } from '../../test-fixtures.js';
import { Agent, buildTestApp, type TestApp } from '../../testing.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * An implementer (项目实施主体) account with a session. The session is opened directly: the
 * login route's response schema (src/server/routes/auth/schema.ts) does not list the role yet.
 */
async function implementer(t: TestApp, username: string): Promise<Agent> {
  const acc = await createStaff({ db: t.handle.db }, { username, password: 'anju2025x', displayName: '济南安居置业有限公司', role: 'implementer' });
  const a = new Agent(t.app);
  a.cookie = (await createSession({ db: t.handle.db, clock: t.clock }, acc.id)).token;
  return a;
}

describe.each(TEST_DB_KINDS)('catalogue → prices → sale notice over HTTP on %s', (kind) => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof staff>>;
  let impl: Agent;
  let other: Agent;
  let projectId: string;
  let approvalId: string;
  let planId: string;

  beforeAll(async () => {
    t = await buildTestApp(kind);
    t.clock.current = new Date('2026-02-02T02:00:00Z');
    s = await staff(t);
    impl = await implementer(t, 'anju');
    other = await implementer(t, 'chengjian');
  });
  afterAll(async () => { await t?.close(); });

  const upload = (a: Agent, bytes: Buffer, headers: Record<string, string> = {}) =>
    a.req({ method: 'POST', url: `/api/projects/${projectId}/units/import`, payload: bytes, headers: { 'content-type': XLSX, ...headers } });

  it('第十条 step 1: the implementer creates a district project; bad input names the field; staff and families may not', async () => {
    const body = { code: 'JN-2026-001', name: '泉城安居·历下苑', level: 'district', districtCode: '370102', saleMode: 'completed', address: '济南市历下区经十路 1 号', deliveryOn: '2026-12-31' };
    const bad = await impl.post('/api/projects', { ...body, code: 'JN 2026' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'VALIDATION', details: { field: 'code' } });
    expect(bad.json().message_zh).toContain('项目编号只能由字母、数字');
    expect((await impl.post('/api/projects', { ...body, districtCode: '999999' })).json().details.field).toBe('districtCode');
    expect((await s.city.post('/api/projects', body)).statusCode).toBe(403);
    expect((await (await family(t, 'fam_proj')).get('/api/projects')).statusCode).toBe(403);
    expect((await new Agent(t.app).get('/api/projects')).statusCode).toBe(401);
    const res = await impl.post('/api/projects', body, { 'idempotency-key': 'create-jn-2026-001' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ code: 'JN-2026-001', status: 'draft', districtName: '历下区', level: 'district' });
    projectId = res.json().id;
    const again = await impl.post('/api/projects', body, { 'idempotency-key': 'create-jn-2026-001' });
    expect(again.headers['idempotent-replayed']).toBe('true');
  });

  it('step 2: a building by form, the template, then the units by xlsx; a bad sheet lists every bad row and imports nothing', async () => {
    const b = await impl.post(`/api/projects/${projectId}/buildings`, { name: '1号楼', floors: 18, completedOn: '2025-12-01' });
    expect(b.statusCode).toBe(201);
    const u = await impl.post(`/api/projects/${projectId}/units`, { buildingId: b.json().id, floor: 1, number: '101', area: '89.57', layout: '两室一厅', orientation: '南北' });
    expect(u.statusCode).toBe(201);
    expect(u.json()).toMatchObject({ status: 'draft', area: '89.57', priceFen: null });
    const badUnit = await impl.post(`/api/projects/${projectId}/units`, { buildingId: b.json().id, floor: 1, number: '102', area: 'abc', layout: '两室', orientation: '南' });
    expect([badUnit.statusCode, badUnit.json().details.field]).toEqual([400, 'area']);

    const tpl = await impl.get(`/api/projects/${projectId}/units/template.xlsx`);
    expect(tpl.statusCode).toBe(200);
    expect(tpl.headers['content-type']).toBe(XLSX);
    expect(tpl.headers['content-disposition']).toContain("filename*=UTF-8''%E6%88%BF");

    const bad = await upload(impl, await unitsSheetOf([
      { building: '1号楼', floor: 1, number: '102', area: 89.57, layout: '两室一厅', orientation: '南北' },
      { building: '1号楼', floor: 19, number: '1901', area: 89.57, layout: '两室一厅', orientation: '南北' },
      { building: '1号楼', floor: 1, number: '101', area: 89.57, layout: '两室一厅', orientation: '南北' },
    ]));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('IMPORT_INVALID');
    expect(bad.json().details.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([[3, 'floor'], [4, 'number']]);
    expect((await t.handle.db.select().from(units).where(eq(units.projectId, projectId)))).toHaveLength(1);

    const sheet = await unitsSheetOf([
      { building: '1号楼', floor: 1, number: '102', area: 89.57, layout: '两室一厅', orientation: '南北' },
      { building: '2号楼', floor: 1, number: '101', area: 120, layout: '三室两厅', orientation: '南' },
    ]);
    expect((await upload(other, sheet)).statusCode).toBe(404);
    expect((await upload(s.lixia, sheet)).statusCode).toBe(403);
    const ok = await upload(impl, sheet);
    expect([ok.statusCode, ok.json()]).toEqual([200, { created: 2, buildingsCreated: ['2号楼'] }]);
    const json = await impl.req({ method: 'POST', url: `/api/projects/${projectId}/units/import`, payload: { rows: [] } });
    expect(json.statusCode).toBe(415);

    const grid = await s.lixia.get(`/api/projects/${projectId}/grid`);
    expect(grid.json().map((g: { name: string; units: unknown[] }) => [g.name, g.units.length])).toEqual([['1号楼', 2], ['2号楼', 1]]);
    expect((await s.shizhong.get(`/api/projects/${projectId}/grid`)).statusCode).toBe(403);
  });

  it('第十二条: prices out of range are refused naming the unit; the district approves, then the city; units carry the price', async () => {
    const grid = (await impl.get(`/api/projects/${projectId}/grid`)).json() as Array<{ units: Array<{ id: string; number: string }> }>;
    const ids = grid.flatMap((g) => g.units.map((u) => u.id));
    const body = { basePricePerM2Fen: 800_000, floatRange: '0.05', coefficients: ids.map((unitId) => ({ unitId, coefficient: '1.02' })) };
    const out = await impl.post(`/api/projects/${projectId}/prices`, { ...body, coefficients: body.coefficients.map((c, i) => (i === 1 ? { ...c, coefficient: '1.2' } : c)) });
    expect(out.statusCode).toBe(400);
    expect(out.json()).toMatchObject({ code: 'PRICE_OUT_OF_RANGE', details: { field: 'coefficients.1.coefficient', unit: '1号楼 102' } });
    expect(out.json().message_zh).toContain('1号楼 102 的调节系数 1.2 超出浮动幅度');
    const bad = await impl.post(`/api/projects/${projectId}/prices`, { ...body, basePricePerM2Fen: -5 });
    expect([bad.statusCode, bad.json().details.field]).toEqual([400, 'basePricePerM2Fen']);
    expect((await s.lixia.post(`/api/projects/${projectId}/prices`, body)).statusCode).toBe(403);

    const sub = await impl.post(`/api/projects/${projectId}/prices`, body);
    expect(sub.statusCode).toBe(201);
    approvalId = sub.json().id;
    expect(sub.json().lines).toHaveLength(3);
    expect((await impl.post(`/api/price-approvals/${approvalId}/approve`, {})).statusCode).toBe(403);
    const cityFirst = await s.city.post(`/api/price-approvals/${approvalId}/approve`, {});
    expect([cityFirst.statusCode, cityFirst.json().code]).toEqual([409, 'INVALID_STATE']);
    expect((await s.shizhong.post(`/api/price-approvals/${approvalId}/approve`, {})).statusCode).toBe(403);
    const d1 = await s.lixia.post(`/api/price-approvals/${approvalId}/approve`);
    expect(d1.json().status, d1.body).toBe('district_approved');
    const final = await s.city.post(`/api/price-approvals/${approvalId}/approve`, { note: '同意' });
    expect(final.json()).toMatchObject({ status: 'approved', approvalNo: '济保价审〔2026〕JN-2026-001-1号' });
    const view = await s.auditor.get(`/api/price-approvals/${approvalId}`);
    expect(view.json().lines[0]).toMatchObject({ building: '1号楼', number: '101', coefficient: '1.020000', priceFen: 73_089_120 });
    const detail = (await s.auditor.get(`/api/projects/${projectId}`)).json();
    expect(detail.counts).toMatchObject({ draft: 3, total: 3 });
    expect(detail.priceApprovals[0]).toMatchObject({ id: approvalId, status: 'approved' });
  });

  it('配售方案: drafted, submitted, approved by the district, published as 配售通告 with its PDF; the catalogue is then closed', async () => {
    const plan = {
      round: 1, registrationOpensAt: '2026-03-01T09:00:00+08:00', registrationClosesAt: '2026-03-10T17:00:00+08:00', drawOn: '2026-03-12',
      depositFen: 2_000_000, batchSize: 20, windowMinutes: 30, contractDeadlineDays: 7,
      pools: [{ label: 'PRIO', share: '0.30', eligibility: 'priority' }, { label: 'GEN', quota: 'all', eligibility: 'all' }],
    };
    const bad = await impl.post(`/api/projects/${projectId}/plans`, { ...plan, pools: [plan.pools[0], { label: 'GEN', quota: 10, eligibility: 'all' }] });
    expect([bad.statusCode, bad.json().details.field]).toEqual([400, 'pools.1.quota']);
    expect(bad.json().message_zh).toContain('最后一个组别须为普通组');
    const made = await impl.post(`/api/projects/${projectId}/plans`, plan);
    expect(made.statusCode).toBe(201);
    planId = made.json().id;
    expect((await new Agent(t.app).get(`/api/sale-plans/${planId}`)).statusCode).toBe(401);
    expect((await impl.post(`/api/sale-plans/${planId}/submit`)).json().status).toBe('submitted');
    expect((await s.city.post(`/api/sale-plans/${planId}/approve`)).statusCode).toBe(403);
    expect((await s.lixia.post(`/api/sale-plans/${planId}/approve`, { note: '同意' })).json().status).toBe('approved');
    expect((await s.auditor.post(`/api/sale-plans/${planId}/publish`)).statusCode).toBe(403);
    const draftPdf = await impl.get(`/api/sale-plans/${planId}/notice.pdf`);
    expect(draftPdf.statusCode).toBe(200);
    const pub = await impl.post(`/api/sale-plans/${planId}/publish`, undefined, { 'idempotency-key': 'publish-1' });
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).toMatchObject({ status: 'published', offered: 3, noticePdf: `/api/sale-plans/${planId}/notice.pdf` });
    expect(pub.json().noticeNo).toMatch(/^配售通告〔2026〕\d+号$/);
    expect((await t.handle.db.select().from(units).where(eq(units.projectId, projectId))).every((u) => u.status === 'available' && u.offeredOn === '2026-02-02')).toBe(true);

    const pdf = await new Agent(t.app).get(`/api/sale-plans/${planId}/notice.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    if (hasPdftotext()) expect(extractText(pdf.rawPayload)).toContain(pub.json().noticeNo);
    expect((await new Agent(t.app).get(`/api/sale-plans/${planId}`)).json().status).toBe('published');

    const late = await impl.post(`/api/projects/${projectId}/buildings`, { name: '3号楼', floors: 6 });
    expect([late.statusCode, late.json().code]).toEqual([409, 'CATALOGUE_CLOSED']);
    const actions = (await t.handle.db.select().from(auditLog).where(eq(auditLog.targetId, planId))).map((a) => a.action);
    expect(actions).toEqual(['plan.create', 'plan.submit', 'plan.approve', 'plan.publish']);
  });

  it('lists keep each reader to its scope', async () => {
    const codes = async (a: Agent) => (await a.get('/api/projects')).json().items.map((p: { code: string }) => p.code);
    expect(await codes(impl)).toEqual(['JN-2026-001']);
    expect(await codes(other)).toEqual([]);
    expect(await codes(s.lixia)).toEqual(['JN-2026-001']);
    expect(await codes(s.shizhong)).toEqual([]);
    expect(await codes(s.city)).toEqual(['JN-2026-001']);
    expect((await s.lixia.get('/api/projects')).json().items[0].counts).toMatchObject({ available: 3, total: 3 });
  });

  it('the OpenAPI document lists the catalogue routes', async () => {
    const doc = (await new Agent(t.app).get('/api/openapi.json')).json();
    for (const p of ['/api/projects', '/api/projects/{id}/units/import', '/api/projects/{id}/prices', '/api/price-approvals/{id}/approve', '/api/sale-plans/{id}/publish', '/api/sale-plans/{id}/notice.pdf']) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
  });
});
