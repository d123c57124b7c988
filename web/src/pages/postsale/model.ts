/**
 * Pure models of the closed-loop console (济政发〔2025〕3号 第十八至三十一条): labels, the
 * days-left tag of the exit board (第二十六条), the 第二十九条 payment table, the 第二十五条
 * checklist's missing items, and who may act. No I/O; the server decides again.
 */
import type { Account } from '../../api/types';
import type { BuybackContract, BuybackPayment, ExitCheck, ExitDetail, Valuation, VacatingRow } from '../../api/postsale';

type Labels = Record<string, { label: string; color: string }>;

export const EXIT_STATUS: Labels = {
  submitted: { label: '已提交', color: 'processing' },
  accepted: { label: '已受理', color: 'blue' },
  refused: { label: '不予受理', color: 'error' },
  withdrawn: { label: '已撤回', color: 'default' },
  contracted: { label: '已签回购合同', color: 'cyan' },
  offered: { label: '内部流转中', color: 'purple' },
  matched: { label: '已匹配受让家庭', color: 'geekblue' },
  completed: { label: '已完成', color: 'success' },
};
export const EXIT_ROUTE: Record<string, string> = { buyback: '政府回购', internal_transfer: '内部流转' };
export const EXIT_ORIGIN: Record<string, string> = { family: '家庭申请', multi_unit: '多套房退出（第二十二条）', fraud: '骗取资格处理（第三十一条）' };
export const CASE_STATUS: Labels = {
  open: { label: '处理中', color: 'error' },
  rectified: { label: '已整改', color: 'success' },
  closed: { label: '已结案', color: 'default' },
};
export const OBLIGATION_STATUS: Labels = {
  open: { label: '待退出', color: 'warning' },
  met: { label: '已申请退出', color: 'success' },
  withdrawn: { label: '已恢复一套', color: 'default' },
};
export const RESALE_STATUS: Labels = {
  renovating: { label: '整修中', color: 'processing' },
  approved: { label: '已批准再配售', color: 'success' },
  sold: { label: '已售出', color: 'default' },
};
/** Event kinds and the article each rests on (第二十、二十二、二十三、二十五条). */
export const EVENT_KIND: Record<string, { label: string; article: string; clause?: string }> = {
  inheritance: { label: '继承', article: '第二十二条' },
  divorce_division: { label: '离婚析产', article: '第二十二条' },
  lease: { label: '出租', article: '第二十条' },
  use_change: { label: '改变居住用途', article: '第二十条' },
  extra_mortgage: { label: '其他类型抵押', article: '第二十三条' },
  // No article of its own forbids alteration or disputes; 第二十五条 makes them bar an exit.
  structure_alteration: { label: '房屋结构拆改', article: '第二十五条', clause: '（二）' },
  legal_dispute: { label: '法律纠纷', article: '第二十五条', clause: '（一）' },
};
/** Events that make a new holder (第二十二条). */
export const TRANSFER_EVENTS = ['inheritance', 'divorce_division'];
export const TITLE_ORIGIN: Record<string, string> = {
  first_sale: '首次配售', internal_transfer: '内部流转', resale: '再配售', inheritance: '继承', divorce_division: '离婚析产', buyback: '政府回购',
};
/** 第二十五条 items with the clause each rests on. */
export const CHECK_ITEM: Record<string, { label: string; clause: string }> = {
  no_extra_loans_or_mortgages: { label: '无额外贷款或抵押', clause: '（一）' },
  no_lease: { label: '未出租', clause: '（一）' },
  no_legal_dispute: { label: '无法律纠纷', clause: '（一）' },
  use_unchanged: { label: '未改变房屋用途', clause: '（二）' },
  structure_unaltered: { label: '未擅自改变房屋结构', clause: '（二）' },
};
/** Items a site inspection may record (the others come from the data checks). */
export const INSPECTION_ITEMS = ['use_unchanged', 'structure_unaltered'];
export const CHECK_SOURCE: Record<string, string> = { data_check: '数据核查', inspection: '现场核查' };
/** 第二十九条 vacating items in words; which items are expected comes from the server (params housing.closed-loop.vacating_items). */
export const VACATING_ITEM: Record<string, string> = {
  utilities: '水电费结清', heating: '暖气费结清', gas: '燃气费结清', property_fees: '物业费结清', hukou_moved: '户口迁出',
};

/** The colour and words of a days-left tag: overdue red, a month or less orange, else green. */
export function daysLeftTag(days: number | null | undefined): { color: string; text: string } {
  if (days === null || days === undefined) return { color: 'default', text: '—' };
  if (days < 0) return { color: 'red', text: `逾期 ${-days} 天` };
  if (days === 0) return { color: 'orange', text: '今日到期' };
  if (days <= 30) return { color: 'orange', text: `剩 ${days} 天` };
  return { color: 'green', text: `剩 ${days} 天` };
}

/** Board order: overdue first (most overdue on top), then by days left; no due date last. */
export function byUrgency<T extends { daysLeft: number | null }>(rows: T[]): T[] {
  const key = (r: T) => (r.daysLeft === null ? Number.POSITIVE_INFINITY : r.daysLeft);
  return [...rows].sort((a, b) => key(a) - key(b));
}

/** The board's summary: open with a due date counted as overdue or due within 30 days. */
export function boardSummary(rows: { daysLeft: number | null }[]): { overdue: number; dueIn30: number; total: number } {
  let overdue = 0;
  let dueIn30 = 0;
  for (const r of rows) {
    if (r.daysLeft === null) continue;
    if (r.daysLeft < 0) overdue++;
    else if (r.daysLeft <= 30) dueIn30++;
  }
  return { overdue, dueIn30, total: rows.length };
}

/** One cell of the 第二十九条 table: the scheduled amount and, once booked, its payment. */
export interface PaymentCell { stage: 'first' | 'balance'; payee: 'lender' | 'family'; dueFen: number; paid: BuybackPayment | null }

/**
 * The 第二十九条 payment table: first payment and balance, each to the lender (the purchase loan
 * first) and to the family; a cell with nothing due is kept (0) so the table always has four cells.
 */
export function paymentTable(c: BuybackContract, payments: BuybackPayment[]): { stage: 'first' | 'balance'; totalFen: number; cells: PaymentCell[]; booked: boolean }[] {
  const s = c.schedule;
  const find = (stage: string, payee: string) => payments.find((p) => p.stage === stage && p.payee === payee) ?? null;
  return (['first', 'balance'] as const).map((stage) => {
    const cells: PaymentCell[] = (['lender', 'family'] as const).map((payee) => ({
      stage, payee,
      dueFen: stage === 'first' ? (payee === 'lender' ? s.firstToLender : s.firstToFamily) : (payee === 'lender' ? s.balanceToLender : s.balanceToFamily),
      paid: find(stage, payee),
    }));
    return { stage, totalFen: stage === 'first' ? s.first : s.balance, cells, booked: cells.every((x) => x.dueFen === 0 || x.paid !== null) };
  });
}

/** 第二十五条 items not (yet) ok: missing or failed; accept waits for none. */
export function missingChecks(checks: ExitCheck[]): string[] {
  return Object.keys(CHECK_ITEM).filter((item) => checks.find((c) => c.item === item)?.ok !== true);
}

/** Why "accept" is disabled, in words; null when it may be pressed. */
export function acceptBlocker(e: Pick<ExitDetail, 'status' | 'checks'>): string | null {
  if (e.status !== 'submitted') return '仅已提交的申请可受理';
  const missing = missingChecks(e.checks);
  if (missing.length === 0) return null;
  return `第二十五条核查未全部通过：${missing.map((i) => e.checks.find((c) => c.item === i)?.label ?? CHECK_ITEM[i]!.label).join('、')}`;
}

/** What the console offers the signed-in account (the server checks again). */
export interface PostsaleAbilities { write: boolean; delivery: boolean }

/** Staff write; the implementer records delivery only; the auditor reads. */
export function postsaleAbilities(me: Account | null | undefined): PostsaleAbilities {
  const staff = me?.role === 'district_staff' || me?.role === 'city_staff';
  return { write: staff, delivery: staff || me?.role === 'implementer' };
}

/** "2026-03-20" + n days (UTC calendar arithmetic; for form defaults only). */
export function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** 第三十条 floor of a resale offer: the server's when set, else buyback price + renovation cost. */
export function resaleFloor(o: { floorFen: number | null; buybackPriceFen: number; renovationCostFen: number | null }): number {
  return o.floorFen ?? o.buybackPriceFen + (o.renovationCostFen ?? 0);
}

/** The client-side refusal of a resale price under the floor (the server refuses it too). */
export function belowFloorMessage(priceFen: number, floorFen: number): string | null {
  if (priceFen >= floorFen) return null;
  const yuan = `${Math.floor(floorFen / 100).toLocaleString('en-US')}.${String(floorFen % 100).padStart(2, '0')}`;
  return `再配售价格不得低于回购价格与修缮成本之和 ¥${yuan}（第三十条）`;
}

/** Rule housing.exit-eligibility's reason codes in words. */
export const ELIGIBILITY_REASON: Record<string, string> = {
  HOLDING_PERIOD: '取得不动产权证未满2年',
  EXTRA_LOAN_OR_MORTGAGE: '存在购房贷款抵押外的贷款或抵押',
  LEASED: '存在租赁关系',
  LEGAL_DISPUTE: '存在法律纠纷',
  USE_CHANGED: '改变了房屋居住用途',
  STRUCTURE_ALTERED: '房屋结构有拆改',
};

/** A 第二十五条 check's evidence in one line: the data source and reference, or the inspection. */
export function checkEvidenceText(c: { source: string | null; evidence: Record<string, unknown> | null }): string {
  const e = c.evidence ?? {};
  const s = (k: string) => (typeof e[k] === 'string' && e[k] ? String(e[k]) : null);
  if (c.source === 'inspection') {
    return [s('inspector') && `核查人 ${s('inspector')}`, s('inspectedOn'), s('reportNo') && `报告 ${s('reportNo')}`, s('note')].filter(Boolean).join('，');
  }
  const cases = Array.isArray(e.cases) && e.cases.length ? `案件 ${(e.cases as string[]).join('、')}` : null;
  return [s('department'), s('reference') && `编号 ${s('reference')}`, cases].filter(Boolean).join('，');
}

/** A line of the 第二十七条 valuation table. */
export interface ValuationRow { group: '输入' | '参数' | '分量' | '结果'; name: string; label: string; value: string; reference: string | null }

const PARAM_LABEL: Record<string, string> = {
  'housing.buyback.depreciation_rate_per_year': '年折旧率',
  'housing.buyback.interest_rate_tiers': '同期存款利率档次',
  'housing.buyback.days_per_year': '计息年天数',
  'housing.buyback.price_level_adjustment': '物价水平调整',
  'housing.buyback.price_rounding': '取整方式',
  'housing.measure.in_force': '政策施行',
};
// Switches and rounding modes of params/housing/buyback.yaml in words (no "false" or "half_up" on the page).
const PARAM_VALUE: Record<string, string> = { true: '启用', false: '未启用', half_up: '四舍五入' };
const INPUTS = new Set(['P0', 'paidOn', 'builtOn']);
const MONEY = new Set(['P0', 'price']);
const SOURCE_KIND: Record<string, string> = { contract: '购房合同', transfer_offer: '内部流转' };

/**
 * The server's valuation lines (inputs, components, price) with amounts in yuan, then every
 * parameter the rule read with its version and reference.
 */
export function valuationRows(v: Valuation, fmtFen: (fen: number) => string): ValuationRow[] {
  const rows: ValuationRow[] = v.lines.map((l) => ({
    group: l.name === 'price' ? '结果' : INPUTS.has(l.name) ? '输入' : '分量',
    name: l.name,
    label: l.label.replace('（分）', ''),
    value: MONEY.has(l.name) ? fmtFen(Number(l.value)) : String(l.value),
    reference: l.name === 'P0' ? `${SOURCE_KIND[v.sources.P0.kind] ?? v.sources.P0.kind} ${v.sources.P0.ref}` : l.reference,
  }));
  const params: ValuationRow[] = Object.entries(v.components.params).filter(([name]) => name !== 'housing.measure.in_force').map(([name, p]) => ({
    group: '参数', name, label: PARAM_LABEL[name] ?? name,
    value: `${Array.isArray(p.value) ? p.value.join('；') : PARAM_VALUE[String(p.value)] ?? String(p.value)}（版本 ${p.version}）`, reference: p.reference,
  }));
  const price = rows.filter((r) => r.group === '结果');
  return [...rows.filter((r) => r.group === '输入'), ...params, ...rows.filter((r) => r.group === '分量'), ...price];
}

/** The 第二十九条 vacating checklist (`expected`, as the exit detail gives it) against the items recorded. */
export function vacatingChecklist(rows: VacatingRow[], expected: string[]): { items: { item: string; row: VacatingRow | null }[]; complete: boolean; missing: string[] } {
  const items = expected.map((item) => ({ item, row: rows.find((r) => r.item === item) ?? null }));
  const missing = items.filter((i) => !i.row).map((i) => i.item);
  return { items, complete: missing.length === 0, missing };
}

/** Where a buyback stands: contract, payments, vacating rows against the expected items, and whether the transfer to the government is registered. */
export interface BuybackProgress { contract: BuybackContract | null; payments: BuybackPayment[]; vacating: VacatingRow[]; vacatingExpected: string[]; transferRegistered: boolean }

/** Why the balance may not be booked yet (第二十九条: transfer registered and vacating done first); null when it may. */
export function balanceBlocker(b: BuybackProgress): string | null {
  const why: string[] = [];
  if (!b.transferRegistered) why.push('待办理不动产转移登记');
  if (!vacatingChecklist(b.vacating, b.vacatingExpected).complete) why.push('待完成腾退事项');
  if (!b.payments.some((p) => p.stage === 'first')) why.push('待支付首期款');
  return why.length ? why.join('、') : null;
}

/** Why the buyback may not be completed yet; null when it may. */
export function completeBlocker(b: BuybackProgress): string | null {
  const first = balanceBlocker(b);
  if (first) return first;
  const c = b.contract;
  if (!c) return '无回购合同';
  return paymentTable(c, b.payments).every((r) => r.booked) ? null : '待结清余款';
}

/** The client-side refusal of a transfer price above the ceiling (第二十四、二十七条; the server refuses it too). */
export function ceilingMessage(priceFen: number, ceilingFen: number | null): string | null {
  if (ceilingFen === null || priceFen <= ceilingFen) return null;
  const yuan = `${Math.floor(ceilingFen / 100).toLocaleString('en-US')}.${String(ceilingFen % 100).padStart(2, '0')}`;
  return `转让价格不得高于测算价格 ¥${yuan}（第二十七条）`;
}

/** The values of the "登记事件" form. */
export type EventValues = {
  kind: string; occurredOn: string; note?: string; holderBy?: 'regCode' | 'person';
  regCode?: string; name?: string; idNumber?: string; certificateNo?: string; issuedOn?: string;
  evidence: { kind: string; ref: string; note?: string }[];
};

/**
 * The request body of POST /api/units/:id/events from the form: a new holder only for inheritance
 * and divorce (第二十二条), by registration code (a family of the scheme) or name and ID number, with
 * the new title certificate registered for them (the nature is kept).
 */
export function eventBody(v: EventValues) {
  const newHolder = !TRANSFER_EVENTS.includes(v.kind) ? undefined
    : v.holderBy === 'person' ? { name: v.name!.trim(), idNumber: v.idNumber!.trim() } : { regCode: v.regCode!.trim() };
  const newTitle = newHolder ? { certificateNo: v.certificateNo!.trim(), issuedOn: v.issuedOn! } : undefined;
  return {
    kind: v.kind, occurredOn: v.occurredOn, note: v.note?.trim() || undefined,
    evidence: v.evidence.map((e) => ({ kind: e.kind, ref: e.ref.trim(), ...(e.note?.trim() ? { note: e.note.trim() } : {}) })),
    ...(newHolder ? { newHolder, newTitle } : {}),
  };
}

/**
 * The menu key of a page: the longest key that is the path or a parent of it, by whole segments
 * (/staff/postsale/obligations selects 多套房退出期限, not 已售房源; /staff/postsale/units/… 已售房源).
 */
export function selectedMenuKey(pathname: string, keys: string[]): string | undefined {
  const path = pathname.replace(/\/+$/, '');
  return keys.filter((k) => path === k || path.startsWith(`${k}/`)).sort((a, b) => b.length - a.length)[0];
}

/** The buyback reconciliation's checks in words (src/commands/buybacks/reconciliation.ts). */
export const RECON_CHECK: Record<string, string> = {
  price_is_first_plus_balance: '回购价格 = 首期 + 余款',
  schedule_clears_loan_first: '贷款优先清偿',
  first_booked_as_scheduled: '首期按计划支付',
  balance_booked_as_scheduled: '余款按计划支付',
  paid_in_full: '价款已付清',
  loan_cleared: '贷款已清偿',
  fund_refunded: '维修资金结余已全额退还（应为退还前结余 / 实为退还额）',
  resale_pays_in_the_refund: '再配售按退还数额缴存维修资金',
};
