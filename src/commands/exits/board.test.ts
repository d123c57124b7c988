import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DbHandle } from '../../db/client.js';
import { projects } from '../../db/schema.js';
import { TEST_DB_KINDS, openTestDbOf } from '../../db/testing.js';
import { buybackPrice } from '../../rules/housing/buyback-price.js';
import { ownedWorld, type OwnedWorld } from '../closed-loop/testing.js';
import { refusal } from '../contracts/testing.js';
import {
  acceptExit, applyToExit, calculateBuyback, exitBoard, exitDetail, myExits, myHome, publishedMethod, recordInspection, refreshDataChecks,
} from './index.js';

describe.each(TEST_DB_KINDS)('第二十六条 the exit board, the family\'s home and the published method on %s', (kind) => {
  let h: DbHandle;
  let w: OwnedWorld;
  const ex: string[] = [];
  beforeAll(async () => {
    h = await openTestDbOf(kind);
    w = await ownedWorld(h, { owners: 3, today: '2026-03-02' });
    const ready = async (i: number, on: string) => {
      w.clock.set(on);
      const e = await applyToExit(w.ctxAs(w.families[i]!.actor), { unitId: w.owned[i]!.unitId, route: 'buyback' });
      await refreshDataChecks(w.staff, { exitId: e.id });
      for (const item of ['use_unchanged', 'structure_unaltered'] as const) {
        await recordInspection(w.staff, { exitId: e.id, item, ok: true, inspector: '李工', inspectedOn: on, reportNo: `核查-${i}-${item}` });
      }
      return e.id;
    };
    ex.push(await ready(0, '2028-03-20'));
    await acceptExit(w.staff, { exitId: ex[0]! }); // due 2028-09-20
    ex.push(await ready(1, '2028-04-10'));
    await acceptExit(w.staff, { exitId: ex[1]! }); // due 2028-10-10
    ex.push(await ready(2, '2028-04-11')); // submitted only
    w.clock.set('2028-09-25');
  });
  afterAll(() => h.close());
  const fam = (i: number) => w.ctxAs(w.families[i]!.actor);

  it('第二十六条: overdue first with negative days left, then by due date, then those not yet accepted; the overdue filter keeps the late one', async () => {
    const board = await exitBoard(w.staff);
    expect(board.map((b) => [b.id, b.dueOn, b.daysLeft, b.overdue])).toEqual([
      [ex[0], '2028-09-20', -5, true], [ex[1], '2028-10-10', 15, false], [ex[2], null, null, false],
    ]);
    expect(board[0]).toMatchObject({ holderMaskedName: '业*', route: 'buyback', origin: 'family', unitLabel: '泉城安居·历下苑 1号楼101室' });
    expect((await exitBoard(w.staff, { overdue: true })).map((b) => b.id)).toEqual([ex[0]]);
    expect((await exitBoard(w.staff, { status: 'submitted' })).map((b) => b.id)).toEqual([ex[2]]);
    expect(await refusal(exitBoard(w.staff, { status: 'lost' as never }))).toMatchObject({ http: 400, field: 'status' });
  });

  it('第二十四、二十六条: a board row carries the eligibility\'s verdict and earliest day only; the detail keeps the trace', async () => {
    const [row] = await exitBoard(w.staff, { overdue: true });
    const d = await exitDetail(w.staff, ex[0]!);
    expect(row!.eligibility).toEqual({ eligible: d.eligibility.value.eligible, earliestDate: d.eligibility.value.earliestDate });
    expect(row!.eligibility).toMatchObject({ eligible: true });
    expect(Object.keys(row!)).not.toContain('valuation');
  });

  it('scope: another district sees nothing, the city and the auditor see all, a family is refused', async () => {
    expect(await exitBoard(w.ctxAs(w.actors.licheng))).toEqual([]);
    expect(await exitBoard(w.city)).toHaveLength(3);
    expect(await exitBoard(w.auditor)).toHaveLength(3);
    expect(await refusal(exitBoard(fam(0)))).toMatchObject({ http: 403 });
    expect(await refusal(exitDetail(w.ctxAs(w.actors.licheng), ex[0]!))).toMatchObject({ http: 403 });
  });

  it('第十二、二十六条: a city-level project in their district is the city\'s: district staff see none of its exits on the board nor in detail', async () => {
    await h.db.update(projects).set({ level: 'city' }).where(eq(projects.id, w.project.id));
    try {
      expect(await exitBoard(w.staff)).toEqual([]);
      expect(await refusal(exitDetail(w.staff, ex[0]!))).toMatchObject({ http: 403 });
      expect(await exitBoard(w.city)).toHaveLength(3);
      expect((await exitDetail(w.city, ex[0]!)).id).toBe(ex[0]);
    } finally {
      await h.db.update(projects).set({ level: 'district' }).where(eq(projects.id, w.project.id));
    }
  });

  it('detail: the eligibility trace, five checks with evidence, article and source, and the valuation with every component and parameter', async () => {
    const d = await exitDetail(w.auditor, ex[0]!);
    expect(d.eligibility.trace.length).toBeGreaterThan(0);
    expect(d.checks.map((c) => [c.item, c.ok, c.source, c.article])).toEqual([
      ['no_extra_loans_or_mortgages', true, 'data_check', '第二十五条(一)'], ['no_lease', true, 'data_check', '第二十五条(一)'],
      ['no_legal_dispute', true, 'data_check', '第二十五条(一)'], ['use_unchanged', true, 'inspection', '第二十五条(二)'],
      ['structure_unaltered', true, 'inspection', '第二十五条(二)'],
    ]);
    const rule = buybackPrice({ originalPrice: 72_000_000, paidOn: '2026-03-02', builtOn: '2025-12-01' }, '2028-03-20');
    expect(d.valuation).toMatchObject({ valuedOn: '2028-03-20', value: rule.value, sources: { paidOn: { kind: 'contract_signed' }, builtOn: { building: '1号楼' } } });
    expect(Object.keys(d.valuation!.value.components.params)).toContain('housing.buyback.depreciation_rate_per_year');
    expect(d).toMatchObject({ contract: null, payments: [], vacating: [], transferOffer: null });
  });

  it('my home: the unit held, its title, holding since, the earliest exit date, the preview as of today, the exits; another family sees only its own', async () => {
    w.clock.set('2028-03-19');
    const home = await myHome(fam(0));
    expect(home.today).toBe('2028-03-19');
    expect(home.units).toHaveLength(1);
    const u = home.units[0]!;
    expect(u).toMatchObject({ holdingSince: '2026-03-20', earliestExitOn: '2028-03-20', title: { certificateNo: w.owned[0]!.certificateNo, nature: '配售型保障性住房', landNature: '划拨' } });
    expect(u.eligibility.buyback.value).toEqual({ eligible: false, earliestDate: '2028-03-20', reasons: [{ code: 'HOLDING_PERIOD', article: '第二十四条' }] });
    expect(u.maintenanceFund).toMatchObject({ balanceFen: 1_080_000 });
    expect(u.exits.map((e) => e.id)).toEqual([ex[0]]);
    expect(home.obligations).toEqual([]);
    expect((await myExits(fam(1))).map((e) => e.id)).toEqual([ex[1]]);
    expect(await refusal(myHome(w.staff))).toMatchObject({ http: 403 });
    w.clock.set('2028-09-25');
  });

  it('第二十七条: the published method lists every parameter with value, reference and the note that the bureau is yet to publish it; the example is the rule\'s', async () => {
    const m = publishedMethod('2028-09-25');
    expect(m.formula.text).toBe('P0 × (1 − d × A + r × H) × K');
    const d = m.parameters.find((p) => p.name === 'housing.buyback.depreciation_rate_per_year')!;
    expect(d).toMatchObject({ value: '0.01', reference: '济政发〔2025〕3号 第二十七条' });
    expect(d.note).toContain('待市住房城乡建设部门会同市财政、审计等部门确定并公布');
    expect(m.parameters.map((p) => p.name)).toContain('housing.closed-loop.buyback_due_months');
    const { input } = m.example;
    expect(m.example.result.value).toEqual(buybackPrice({ originalPrice: input.originalPriceFen, paidOn: input.paidOn, builtOn: input.builtOn }, '2028-09-25').value);
  });

  it('第二十七条: the calculator answers the rule and names the field it cannot take', () => {
    const r = calculateBuyback({ originalPriceFen: 72_000_000, paidOn: '2026-03-02', builtOn: '2025-12-01', valuationOn: '2028-03-20' });
    expect(r.value.price).toBe(buybackPrice({ originalPrice: 72_000_000, paidOn: '2026-03-02', builtOn: '2025-12-01' }, '2028-03-20').value.price);
    const bad = (input: unknown) => { try { calculateBuyback(input); } catch (e) { return e as { http: number; field: string }; } throw new Error('expected a refusal'); };
    expect(bad({ originalPriceFen: -1, paidOn: '2026-03-02', builtOn: '2025-12-01', valuationOn: '2028-03-20' })).toMatchObject({ http: 400, field: 'originalPriceFen' });
    expect(bad({ originalPriceFen: 1, paidOn: '2026-02-30', builtOn: '2025-12-01', valuationOn: '2028-03-20' })).toMatchObject({ http: 400, field: 'paidOn' });
    expect(bad({ originalPriceFen: 1, paidOn: '2029-01-01', builtOn: '2025-12-01', valuationOn: '2028-03-20' })).toMatchObject({ http: 400, field: 'paidOn' });
  });
});
