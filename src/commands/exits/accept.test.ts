import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { DbHandle } from '../../db/client.js';
import { TEST_DB_KINDS, openTestDbOf } from '../../db/testing.js';
import { exitApplications, notifications } from '../../db/schema.js';
import { buybackPrice } from '../../rules/housing/buyback-price.js';
import { ownedWorld, type OwnedWorld } from '../closed-loop/testing.js';
import { refusal } from '../contracts/testing.js';
import { closeCase, recordUnitEvent } from '../unit-events/index.js';
import { acceptExit, applyToExit, recordInspection, refreshDataChecks, refuseExit, revalueExit } from './index.js';

describe.each(TEST_DB_KINDS)('第二十五至二十七条 checks, acceptance and valuation on %s', (kind) => {
  let h: DbHandle;
  let w: OwnedWorld;
  const ex: string[] = [];
  beforeAll(async () => {
    h = await openTestDbOf(kind);
    w = await ownedWorld(h, { owners: 3, today: '2026-03-02' }); // signed 2026-03-02, titles 2026-03-20, building completed 2025-12-01
    w.clock.set('2028-03-20');
    for (let i = 0; i < 3; i++) ex.push((await applyToExit(w.ctxAs(w.families[i]!.actor), { unitId: w.owned[i]!.unitId, route: 'buyback' })).id);
  });
  afterAll(() => h.close());
  const inspect = (exitId: string, item: 'use_unchanged' | 'structure_unaltered', ok = true) =>
    recordInspection(w.staff, { exitId, item, ok, inspector: '李工', inspectedOn: '2028-03-20', reportNo: `核查-${item}` });
  const report = (i: number, kind: 'lease' | 'use_change') => recordUnitEvent(w.staff, {
    unitId: w.owned[i]!.unitId, kind, occurredOn: '2028-03-18', evidence: [{ kind: 'inspection', ref: `巡查-${kind}-${i}` }],
  });

  it('第二十五条(一): an open lease case fails no_lease with the case number; the purchase loan shows as allowed by 第二十三条', async () => {
    const ev = await report(1, 'lease');
    const checks = await refreshDataChecks(w.staff, { exitId: ex[1]! });
    const by = Object.fromEntries(checks.map((c) => [c.item, c]));
    expect(by.no_lease).toMatchObject({ ok: false, source: 'data_check', article: '第二十五条(一)', evidence: { department: '平台案件登记 + 购房合同', cases: [ev.case!.caseNo] } });
    expect(by.no_extra_loans_or_mortgages).toMatchObject({ ok: true, evidence: { cases: [], purchaseLoan: { loanType: 'provident_fund', loanFen: 61_200_000, allowedBy: '第二十三条' } } });
    expect(by.no_legal_dispute!.ok).toBe(true);
    expect(by.use_unchanged).toMatchObject({ ok: null, source: null, article: '第二十五条(二)' });
  });

  it('第二十六条: acceptance is refused while the inspections are missing, naming them; with both recorded it is accepted', async () => {
    await refreshDataChecks(w.staff, { exitId: ex[0]! });
    const e = await refusal(acceptExit(w.staff, { exitId: ex[0]! }));
    expect(e).toMatchObject({ http: 409, code: 'EXIT_CHECKS_INCOMPLETE', details: { missing: ['use_unchanged', 'structure_unaltered'], failing: [] } });
    expect(e.message_zh).toContain('未改变房屋居住用途');
    await inspect(ex[0]!, 'use_unchanged');
    expect((await refusal(acceptExit(w.staff, { exitId: ex[0]! }))).details).toEqual({ missing: ['structure_unaltered'], failing: [] });
    await inspect(ex[0]!, 'structure_unaltered');
    expect((await acceptExit(w.staff, { exitId: ex[0]! })).status).toBe('accepted');
  });

  it('第二十六、二十七条: due six months after acceptance; the price is rule housing.buyback-price on the contract price, signing day and completion; the family is told', async () => {
    const [row] = await h.db.select().from(exitApplications).where(eq(exitApplications.id, ex[0]!));
    expect(row).toMatchObject({ acceptedOn: '2028-03-20', dueOn: '2028-09-20', valuedOn: '2028-03-20', decidedBy: w.actors.lixia.accountId });
    const rule = buybackPrice({ originalPrice: 72_000_000, paidOn: '2026-03-02', builtOn: '2025-12-01' }, '2028-03-20');
    expect(row!.priceFen).toBe(rule.value.price);
    expect((row!.valuation as { value: unknown }).value).toEqual(rule.value);
    expect((row!.valuation as { sources: { P0: { ref: string } } }).sources.P0.ref).toBe((await h.db.query.contracts.findFirst())!.contractNo);
    const note = (await h.db.select().from(notifications).where(and(eq(notifications.template, 'exit_accepted'), eq(notifications.channel, 'in_app'))))[0]!;
    expect(note.body).toContain('2028-09-20');
    // A retry answers the accepted exit unchanged.
    expect((await acceptExit(w.staff, { exitId: ex[0]! })).dueOn).toBe('2028-09-20');
    // Price indexes while the K switch is off are refused, naming the field.
    expect(await refusal(revalueExit(w.staff, { exitId: ex[0]!, cpiAtPurchase: '100.0', cpiAtValuation: '103.2' }))).toMatchObject({ http: 400, field: 'cpiAtPurchase' });
    expect(await refusal(acceptExit(w.staff, { exitId: ex[2]!, cpiAtPurchase: 'abc' }))).toMatchObject({ http: 400, field: 'cpiAtPurchase' });
  });

  it('第二十五条(二): an open use_change case fails use_unchanged even after an inspection found it unchanged; once the lease is rectified, that item passes', async () => {
    await inspect(ex[1]!, 'use_unchanged');
    await inspect(ex[1]!, 'structure_unaltered');
    expect((await refusal(acceptExit(w.staff, { exitId: ex[1]! }))).details).toEqual({ missing: [], failing: ['no_lease'] });
    const lease = (await h.db.query.unitCases.findFirst())!;
    await closeCase(w.staff, { caseId: lease.id, status: 'rectified', resolution: '租赁合同已解除' });
    const uc = await report(1, 'use_change');
    const checks = await refreshDataChecks(w.staff, { exitId: ex[1]! });
    const use = checks.find((c) => c.item === 'use_unchanged')!;
    expect(use).toMatchObject({ ok: false, source: 'inspection', evidence: { inspectionOk: true, reportNo: '核查-use_unchanged', cases: [uc.case!.caseNo] } });
    expect(checks.find((c) => c.item === 'no_lease')!.ok).toBe(true);
    expect((await refusal(acceptExit(w.staff, { exitId: ex[1]! }))).details).toEqual({ missing: [], failing: ['use_unchanged'] });
  });

  it('refusal needs a reason (400 naming it), tells the family, and only staff of the district act; the auditor reads only', async () => {
    expect(await refusal(refuseExit(w.staff, { exitId: ex[1]!, reason: ' ' }))).toMatchObject({ http: 400, field: 'reason' });
    expect(await refusal(refuseExit(w.ctxAs(w.actors.licheng), { exitId: ex[1]!, reason: '房屋用途已改变' }))).toMatchObject({ http: 403 });
    expect(await refusal(acceptExit(w.auditor, { exitId: ex[1]! }))).toMatchObject({ http: 403 });
    expect(await refusal(recordInspection(w.staff, { exitId: ex[1]!, item: 'no_lease' as never, ok: true, inspector: '李工', inspectedOn: '2028-03-20', reportNo: 'x' }))).toMatchObject({ http: 400, field: 'item' });
    expect(await refusal(recordInspection(w.staff, { exitId: ex[1]!, item: 'use_unchanged', ok: true, inspector: '李工', inspectedOn: '2028-03-21', reportNo: 'x' }))).toMatchObject({ http: 400, field: 'inspectedOn' });
    const v = await refuseExit(w.city, { exitId: ex[1]!, reason: '房屋用途已改变，不符合第二十五条(二)' });
    expect(v).toMatchObject({ status: 'refused', decisionReason: '房屋用途已改变，不符合第二十五条(二)' });
    const note = (await h.db.select().from(notifications).where(and(eq(notifications.template, 'exit_refused'), eq(notifications.channel, 'in_app'))))[0]!;
    expect(note.accountId).toBe(w.families[1]!.actor.accountId);
    expect(await refusal(acceptExit(w.staff, { exitId: ex[1]! }))).toMatchObject({ http: 409, code: 'INVALID_STATE' });
  });
});
