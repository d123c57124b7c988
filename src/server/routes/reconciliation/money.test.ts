/**
 * 第十一、十七条 over HTTP: the finance office's reconciliation (JSON and xlsx), the end of a sale,
 * and the fund ledger, with who may do what.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DB_KINDS } from '../../../db/testing.js';
import type { Agent } from '../../testing.js';
import { saleApp } from '../my-registrations/testing.js';

describe.each(TEST_DB_KINDS)('reconciliation, end of sale and funds over HTTP on %s', (kind) => {
  let s: Awaited<ReturnType<typeof saleApp>>;
  let impl: Agent; let lixia: Agent; let auditor: Agent; let licheng: Agent; let fam: Agent;
  beforeAll(async () => {
    s = await saleApp(kind);
    [impl, lixia, auditor, licheng, fam] = await Promise.all([
      s.as(s.w.implementer.accountId), s.as(s.w.actors.lixia.accountId), s.as(s.w.actors.auditor.accountId), s.as(s.w.actors.licheng.accountId),
      s.as(s.w.families[0]!.actor.accountId),
    ]);
    // Two families pay; one of them twice.
    for (const [i, times] of [[0, 2], [1, 1]] as const) {
      const f = await s.as(s.w.families[i]!.actor.accountId);
      const reg = (await f.post('/api/my/registrations', { projectId: s.w.project.id })).json();
      const { orderNo } = (await f.post(`/api/my/registrations/${reg.id}/pay`)).json();
      await f.post(`/api/sim-bank/orders/${orderNo}/pay?times=${times}`);
    }
  });
  afterAll(() => s?.t.close());
  const base = () => `/api/projects/${s.w.project.id}`;

  it('the reconciliation balances to the fen and downloads as a workbook for the finance office', async () => {
    const res = await impl.get(`${base()}/reconciliation`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ paid: 6_000_000, credited: 0, refunded: 2_000_000, held: 4_000_000, heldByRegistrations: 4_000_000, balanced: true });
    expect(res.json().rows).toHaveLength(2);

    const x = await auditor.get(`${base()}/reconciliation?format=xlsx`);
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
    expect(x.headers['content-disposition']).toContain(encodeURIComponent('认购金对账-JN-2026-001'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as never);
    const sum = wb.getWorksheet('汇总')!;
    expect(sum.getRow(3).values).toEqual([undefined, '已缴纳 paid', 60_000]);
    expect(sum.getRow(3).getCell(2).numFmt).toBe('"¥"#,##0.00');
    const rows = wb.getWorksheet('明细')!;
    expect(rows.rowCount).toBe(3);
    expect(rows.getRow(2).getCell(2).value).toBe('已缴认购金');
    expect(rows.getRow(2).getCell(10).value).toBe('相符');
  });

  it('who may read: implementer, staff of the district, auditor; another district 403; a family 403', async () => {
    expect((await lixia.get(`${base()}/reconciliation`)).statusCode).toBe(200);
    expect((await licheng.get(`${base()}/reconciliation`)).statusCode).toBe(403);
    expect((await fam.get(`${base()}/reconciliation`)).statusCode).toBe(403);
    expect((await s.t.app.inject({ method: 'GET', url: `${base()}/reconciliation` })).statusCode).toBe(401);
  });

  it('funds (第十七条): the implementer records, bad money is refused naming the field, staff read but do not write', async () => {
    const entry = { source: 'fiscal_subsidy', direction: 'in', amountFen: 100_000_000, occurredOn: '2026-02-15', memo: '市级财政补助资金', reference: 'CZ-2026-01' };
    const ok = await impl.post(`${base()}/funds`, entry);
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ source: 'fiscal_subsidy', direction: 'in', amountFen: 100_000_000 });
    for (const [bad, field] of [[{ amountFen: 1.5 }, 'amountFen'], [{ amountFen: -1 }, 'amountFen'], [{ occurredOn: '2026-13-01' }, 'occurredOn'], [{ source: 'gift' }, 'source']] as const) {
      const r = await impl.post(`${base()}/funds`, { ...entry, reference: 'X', ...bad });
      expect([r.statusCode, r.json().details.field], JSON.stringify(bad)).toEqual([400, field]);
    }
    expect((await lixia.post(`${base()}/funds`, { ...entry, reference: 'L-1' })).statusCode).toBe(403);
    const list = await auditor.get(`${base()}/funds`);
    expect(list.statusCode).toBe(200);
    expect(list.json().totals).toMatchObject({ in: 100_000_000, out: 0, balance: 100_000_000, bySource: { fiscal_subsidy: { in: 100_000_000, out: 0, balance: 100_000_000 } } });
    expect((await fam.get(`${base()}/funds`)).statusCode).toBe(403);
  });

  it('ending the sale: the auditor may not; the district refunds every unsigned 认购金 and the books still balance', async () => {
    expect((await auditor.post(`${base()}/end-sale`)).statusCode).toBe(403);
    const end = await lixia.post(`${base()}/end-sale`);
    expect(end.statusCode).toBe(200);
    expect(end.json()).toMatchObject({ status: 'ended', refunded: 2, refundedFen: 4_000_000, alreadyEnded: false });
    const rec = (await impl.get(`${base()}/reconciliation`)).json();
    expect(rec).toMatchObject({ paid: 6_000_000, refunded: 6_000_000, held: 0, heldByRegistrations: 0, balanced: true, projectStatus: 'ended' });
    const mine = (await fam.get('/api/my/registrations')).json().items;
    expect(mine[0]).toMatchObject({ status: 'refunded', held: 0 });
  });
});
