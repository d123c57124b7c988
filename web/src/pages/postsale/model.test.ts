import { describe, expect, it } from 'vitest';
import type { BuybackContract, BuybackPayment, ExitCheck, Valuation, VacatingRow } from '../../api/postsale';
import { formatFen } from '../../components/unitGrid';
import {
  acceptBlocker, balanceBlocker, belowFloorMessage, boardSummary, byUrgency, ceilingMessage, checkEvidenceText, completeBlocker,
  daysLeftTag, eventBody, missingChecks, paymentTable, postsaleAbilities, resaleFloor, selectedMenuKey, vacatingChecklist, valuationRows, type BuybackProgress,
} from './model';

describe('staff menu: the page selects the longest matching key', () => {
  const keys = ['/staff/projects', '/staff/postsale', '/staff/postsale/exits', '/staff/postsale/obligations', '/staff/postsale/cases', '/staff/postsale/resale'];
  it('第二十二条 deadlines select 多套房退出期限 alone; a unit dossier 已售房源; an exit the board; a look-alike path nothing', () => {
    expect(selectedMenuKey('/staff/postsale/obligations', keys)).toBe('/staff/postsale/obligations');
    expect(selectedMenuKey('/staff/postsale/obligations/', keys)).toBe('/staff/postsale/obligations');
    expect(selectedMenuKey('/staff/postsale/units/u1', keys)).toBe('/staff/postsale');
    expect(selectedMenuKey('/staff/postsale', keys)).toBe('/staff/postsale');
    expect(selectedMenuKey('/staff/postsale/exits/e1', keys)).toBe('/staff/postsale/exits');
    expect(selectedMenuKey('/staff/projectsX', keys)).toBeUndefined();
  });
});

const LABEL: Record<string, string> = { use_unchanged: '未改变房屋居住用途', structure_unaltered: '房屋结构无拆改' };
const check = (item: string, ok: boolean): ExitCheck => ({ item, label: LABEL[item] ?? item, ok, source: 'data_check', evidence: {}, article: '第二十五条', recordedAt: '2028-03-25T02:00:00Z' });
const ALL_OK = ['no_extra_loans_or_mortgages', 'no_lease', 'no_legal_dispute', 'use_unchanged', 'structure_unaltered'].map((i) => check(i, true));

const contract = (loanUnpaid: number): BuybackContract => ({
  id: 'c', contractNo: 'HG2026000001', exitId: 'e', status: 'signed', priceFen: 70_000_000, outstandingLoanFen: loanUnpaid, lender: loanUnpaid ? '公积金中心' : null,
  schedule: loanUnpaid
    ? { first: 7_000_000, balance: 63_000_000, firstToLender: 7_000_000, firstToFamily: 0, balanceToLender: loanUnpaid - 7_000_000, balanceToFamily: 70_000_000 - loanUnpaid, loanUnpaid: 0, firstShare: '0.10', asOf: '2028-04-01' }
    : { first: 7_000_000, balance: 63_000_000, firstToLender: 0, firstToFamily: 7_000_000, balanceToLender: 0, balanceToFamily: 63_000_000, loanUnpaid: 0, firstShare: '0.10', asOf: '2028-04-01' },
  vacateByOn: '2028-09-01', modelVersion: 'v1', generatedAt: '2028-04-01T00:00:00Z', signedAt: '2028-04-02T00:00:00Z', pdfSha256: null,
});
const paid = (stage: 'first' | 'balance', payee: 'lender' | 'family', amountFen: number): BuybackPayment => ({ id: `${stage}-${payee}`, stage, payee, amountFen, paidOn: '2028-04-03', reference: 'P1', recordedAt: '2028-04-03T02:00:00Z' });
const ITEMS = ['utilities', 'heating', 'gas', 'property_fees', 'hukou_moved'];
const vac = (item: string): VacatingRow => ({ exitId: 'e', item, doneOn: '2028-05-01', evidence: { ref: `${item}-1` }, recordedAt: '2028-05-01T02:00:00Z' });
const vacating = (complete: boolean) => (complete ? ITEMS : ITEMS.slice(1)).map(vac);

describe('第二十六条 board: days left as a coloured tag, overdue first', () => {
  it('overdue is red with the days past; a month or less orange; more green; none grey', () => {
    expect(daysLeftTag(-3)).toEqual({ color: 'red', text: '逾期 3 天' });
    expect(daysLeftTag(0)).toEqual({ color: 'orange', text: '今日到期' });
    expect(daysLeftTag(30)).toEqual({ color: 'orange', text: '剩 30 天' });
    expect(daysLeftTag(31)).toEqual({ color: 'green', text: '剩 31 天' });
    expect(daysLeftTag(null)).toEqual({ color: 'default', text: '—' });
  });
  it('the most overdue on top, applications without a due date last; the summary counts overdue and due within 30 days', () => {
    const rows = [{ id: 'a', daysLeft: 40 }, { id: 'b', daysLeft: null }, { id: 'c', daysLeft: -10 }, { id: 'd', daysLeft: 5 }, { id: 'e', daysLeft: -1 }];
    expect(byUrgency(rows).map((r) => r.id)).toEqual(['c', 'e', 'd', 'a', 'b']);
    expect(boardSummary(rows)).toEqual({ overdue: 2, dueIn30: 1, total: 5 });
  });
});

describe('第二十五条 checklist: accept waits for all five items', () => {
  it('an item missing or failed blocks acceptance, naming it', () => {
    expect(missingChecks(ALL_OK)).toEqual([]);
    expect(acceptBlocker({ status: 'submitted', checks: ALL_OK })).toBeNull();
    const some = [...ALL_OK.slice(0, 3), check('use_unchanged', false), { ...check('structure_unaltered', true), ok: null, source: null, evidence: null, recordedAt: null }];
    expect(missingChecks(some)).toEqual(['use_unchanged', 'structure_unaltered']);
    expect(acceptBlocker({ status: 'submitted', checks: some })).toBe('第二十五条核查未全部通过：未改变房屋居住用途、房屋结构无拆改');
  });
  it('only a submitted application may be accepted', () => {
    expect(acceptBlocker({ status: 'accepted', checks: ALL_OK })).toBe('仅已提交的申请可受理');
  });
  it('evidence reads as the data source with its cases, or the inspection with its report', () => {
    expect(checkEvidenceText({ source: 'data_check', evidence: { department: '不动产登记中心', reference: 'BDC-1', cases: ['AJ2026000001'] } }))
      .toBe('不动产登记中心，编号 BDC-1，案件 AJ2026000001');
    expect(checkEvidenceText({ source: 'inspection', evidence: { inspector: '张三', inspectedOn: '2028-03-25', reportNo: 'XC-7' } }))
      .toBe('核查人 张三，2028-03-25，报告 XC-7');
  });
});

describe('第二十九条 vacating checklist', () => {
  it('five items; the one not recorded is missing, in the order of the article', () => {
    const v = vacatingChecklist([vac('gas'), vac('utilities')], ITEMS);
    expect(v.items.map((i) => [i.item, i.row?.evidence.ref ?? null])).toEqual([
      ['utilities', 'utilities-1'], ['heating', null], ['gas', 'gas-1'], ['property_fees', null], ['hukou_moved', null],
    ]);
    expect(v).toMatchObject({ complete: false, missing: ['heating', 'property_fees', 'hukou_moved'] });
    expect(vacatingChecklist(ITEMS.map(vac), ITEMS).complete).toBe(true);
  });
  it('第二十九条: the checklist is the one the server expects (the parameter in force), not a fixed five', () => {
    const four = ['utilities', 'gas', 'property_fees', 'hukou_moved'];
    expect(vacatingChecklist(four.map(vac), four)).toMatchObject({ complete: true, missing: [] });
    expect(vacatingChecklist(four.map(vac), [...four, 'heating']).missing).toEqual(['heating']);
  });
});

describe('第二十九条 payment table: first payment and balance × lender and family', () => {
  it('第二十九条: a loan larger than the first payment takes all of it; the family is paid from the balance', () => {
    const t = paymentTable(contract(30_000_000), [paid('first', 'lender', 7_000_000)]);
    expect(t[0]).toMatchObject({ stage: 'first', totalFen: 7_000_000, booked: true });
    expect(t[0]!.cells.map((c) => [c.payee, c.dueFen, c.paid?.amountFen ?? null])).toEqual([['lender', 7_000_000, 7_000_000], ['family', 0, null]]);
    expect(t[1]).toMatchObject({ stage: 'balance', totalFen: 63_000_000, booked: false });
    expect(t[1]!.cells.map((c) => c.dueFen)).toEqual([23_000_000, 40_000_000]);
    for (const row of t) expect(row.cells.reduce((s, c) => s + c.dueFen, 0)).toBe(row.totalFen);
  });
  it('第二十九条: the balance waits for the transfer registration, the vacating and the first payment; completion for the balance', () => {
    const c = contract(0);
    const b = (over: Partial<BuybackProgress>): BuybackProgress => ({ contract: c, payments: [], vacating: vacating(false), vacatingExpected: ITEMS, transferRegistered: false, ...over });
    expect(balanceBlocker(b({}))).toBe('待办理不动产转移登记、待完成腾退事项、待支付首期款');
    const ready = b({ transferRegistered: true, vacating: vacating(true), payments: [paid('first', 'family', 7_000_000)] });
    expect(balanceBlocker(ready)).toBeNull();
    expect(completeBlocker(ready)).toBe('待结清余款');
    ready.payments.push(paid('balance', 'family', 63_000_000));
    expect(completeBlocker(ready)).toBeNull();
  });
});

describe('第三十条 floor and 第二十四条 ceiling, refused before sending', () => {
  it('the floor is the server\'s when set, else buyback price + renovation cost; a price a fen below is refused', () => {
    expect(resaleFloor({ floorFen: null, buybackPriceFen: 70_000_000, renovationCostFen: 1_500_050 })).toBe(71_500_050);
    expect(resaleFloor({ floorFen: 71_000_000, buybackPriceFen: 70_000_000, renovationCostFen: 1_500_050 })).toBe(71_000_000);
    expect(belowFloorMessage(71_500_049, 71_500_050)).toBe('再配售价格不得低于回购价格与修缮成本之和 ¥715,000.50（第三十条）');
    expect(belowFloorMessage(71_500_050, 71_500_050)).toBeNull();
  });
  it('a transfer price above the ceiling is refused; at the ceiling it passes', () => {
    expect(ceilingMessage(70_000_001, 70_000_000)).toBe('转让价格不得高于测算价格 ¥700,000.00（第二十七条）');
    expect(ceilingMessage(70_000_000, 70_000_000)).toBeNull();
  });
});

describe('第二十二条 event form: a new holder only for inheritance and divorce', () => {
  const base = { occurredOn: '2027-05-01', evidence: [{ kind: 'document', ref: ' 继承公证书 001 ', note: ' ' }] };
  it('inheritance by a person outside the scheme sends name and ID number', () => {
    expect(eventBody({ ...base, kind: 'inheritance', holderBy: 'person', name: ' 王五 ', idNumber: '370102199001011234', certificateNo: ' 鲁(2027)济南市不动产权第0000009号 ', issuedOn: '2027-06-01' })).toEqual({
      kind: 'inheritance', occurredOn: '2027-05-01', note: undefined, evidence: [{ kind: 'document', ref: '继承公证书 001' }],
      newHolder: { name: '王五', idNumber: '370102199001011234' }, newTitle: { certificateNo: '鲁(2027)济南市不动产权第0000009号', issuedOn: '2027-06-01' },
    });
  });
  it('divorce to a family of the scheme sends its registration code; a lease sends no holder', () => {
    expect(eventBody({ ...base, kind: 'divorce_division', holderBy: 'regCode', regCode: 'R2026000007', certificateNo: 'C', issuedOn: '2027-06-01' }).newHolder).toEqual({ regCode: 'R2026000007' });
    const lease = eventBody({ ...base, kind: 'lease', regCode: 'R1' });
    expect('newHolder' in lease || 'newTitle' in lease).toBe(false);
  });
});

describe('who may act: staff write, the implementer records delivery, the auditor reads', () => {
  it('by role', () => {
    expect(postsaleAbilities({ id: '1', username: 'a', role: 'auditor' })).toEqual({ write: false, delivery: false });
    expect(postsaleAbilities({ id: '1', username: 'i', role: 'implementer' })).toEqual({ write: false, delivery: true });
    expect(postsaleAbilities({ id: '1', username: 's', role: 'district_staff' })).toEqual({ write: true, delivery: true });
  });
});

describe('第二十七条 valuation table: every input, parameter and component with its reference', () => {
  it('inputs first with P0 in yuan and its contract, then the parameters with versions, the components, the price last', () => {
    const v: Valuation = {
      valuedOn: '2028-04-01', priceFen: 70_123_456, trace: [],
      sources: { P0: { kind: 'contract', ref: 'HT2026000001', titleId: 't' }, paidOn: { kind: 'contract_signed', reading: '签约日' }, builtOn: { kind: 'building_completed', building: '1号楼' } },
      lines: [
        { name: 'P0', label: '原购房价款（分）', value: 72_000_000, reference: 'contract HT2026000001' },
        { name: 'paidOn', label: '付款日', value: '2026-03-01', reference: '签约日' },
        { name: 'builtOn', label: '竣工日', value: '2025-12-01', reference: '1号楼' },
        { name: 'A', label: '竣工起满整年数', value: 2, reference: null },
        { name: 'd', label: '年折旧率', value: '0.02', reference: '平台缺省测算方式' },
        { name: 'price', label: '回购价格（分）', value: 70_123_456, reference: 'half_up' },
      ],
      components: {
        formula: 'P0 × (1 − d × A + r × H) × K', P0: 72_000_000, valuationOn: '2028-04-01', builtOn: '2025-12-01', paidOn: '2026-03-01',
        A: 2, d: '0.02', H: { days: 762, denominator: 365, value: '2.087671' }, r: '0.0150', K: '1', priceLevel: { applied: false, cpiAtPurchase: null, cpiAtValuation: null },
        factor: '0.99', rounding: 'half_up',
        params: {
          'housing.measure.in_force': { value: true, version: '2025-07-08', reference: '济政发〔2025〕3号' },
          'housing.buyback.depreciation_rate_per_year': { value: '0.02', version: '2025-07-08', reference: '平台缺省测算方式' },
        },
      },
    };
    const rows = valuationRows(v, formatFen);
    expect(rows.map((r) => [r.group, r.name])).toEqual([
      ['输入', 'P0'], ['输入', 'paidOn'], ['输入', 'builtOn'], ['参数', 'housing.buyback.depreciation_rate_per_year'], ['分量', 'A'], ['分量', 'd'], ['结果', 'price'],
    ]);
    expect(rows[0]).toMatchObject({ label: '原购房价款', value: '¥720,000.00', reference: '购房合同 HT2026000001' });
    expect(rows[3]).toMatchObject({ label: '年折旧率', value: '0.02（版本 2025-07-08）', reference: '平台缺省测算方式' });
    expect(rows.at(-1)).toMatchObject({ label: '回购价格', value: '¥701,234.56' });
  });
});
