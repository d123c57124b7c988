/**
 * The data a buyback contract PDF prints (src/documents/buyback-contract.ts renders it), 济政发〔2025〕3号
 * 第二十七、二十八、二十九条: the parties, the unit and its title, every input, parameter and component of
 * the valuation (housing.buyback-price, stored on the exit at acceptance), the schedule
 * (housing.buyback-payments, stored on the contract) and the vacating checklist.
 *
 * Readings: 甲方 is the housing department of the project's level (第二十四、二十六条: 市、区县住房城乡
 * 建设部门组织实施), named as on the 配售通告. 乙方 is the holder of the title the exit was applied for,
 * printed with the full name (the parties' copy) and a masked ID number. Only recorded terms are
 * printed — never payments or items done — so a signed contract re-renders to the same bytes.
 */
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { applications, buildings, maintenanceFundAccounts, projects, titles, units } from '../../db/schema.js';
import { districtName } from '../../db/reference/districts.js';
import type { BuybackContractData, ValuationLine } from '../../documents/buyback-contract.js';
import { rmbFigures } from '../../documents/contract-money.js';
import { maskId } from '../../rules/core/mask.js';
import { todayInShanghai } from '../../rules/core/dates.js';
import type { CommandContext } from '../context.js';
import type { ExitRow } from '../exits/store.js';
import { issuerOf } from '../sale-plans/read.js';
import { holderInFull } from '../titles/index.js';
import { vacatingChecklist, type BuybackContractRow, type Schedule } from './store.js';

/** What the exit keeps of rule housing.buyback-price (the RuleResult, possibly with its input). */
type Components = {
  formula?: string; P0?: number; valuationOn?: string; builtOn?: string; paidOn?: string; A?: number; d?: string;
  H?: { days: number; denominator: number; value: string }; r?: string; K?: string; factor?: string; rounding?: string;
  priceLevel?: { applied: boolean; cpiAtPurchase: string | null; cpiAtValuation: string | null };
  params?: Record<string, { value: unknown; version: string; reference: string }>;
};

const PARAM_LABEL: Record<string, string> = {
  'housing.buyback.depreciation_rate_per_year': '年折旧率 d',
  'housing.buyback.interest_rate_tiers': '同期存款利率分档（年:利率）',
  'housing.buyback.days_per_year': '年计息天数',
  'housing.buyback.price_level_adjustment': '物价水平调整',
  'housing.buyback.price_rounding': '取整方式',
};
const ROUNDING: Record<string, string> = { half_up: '四舍五入到分', half_even: '银行家舍入到分', down: '舍去到分', up: '进位到分' };

/** Components of a stored valuation, wherever the RuleResult put them. */
export function valuationComponents(valuation: unknown): Components {
  const v = (valuation ?? {}) as { value?: { components?: Components }; components?: Components; result?: { value?: { components?: Components } } };
  return v.value?.components ?? v.components ?? v.result?.value?.components ?? {};
}

/** The printed lines of the valuation: every input, parameter and computed component (第二十七条). */
export function valuationLines(valuation: unknown): ValuationLine[] {
  const c = valuationComponents(valuation);
  const lines: ValuationLine[] = [];
  const add = (kind: ValuationLine['kind'], label: string, value: unknown, reference?: string) => {
    if (value !== undefined && value !== null) lines.push({ kind, label, value: String(value), ...(reference ? { reference } : {}) });
  };
  add('input', '原购房价款 P0', c.P0 === undefined ? undefined : rmbFigures(c.P0), '购房合同');
  add('input', '购房款支付日', c.paidOn);
  add('input', '房屋竣工日', c.builtOn);
  add('input', '评估日', c.valuationOn);
  if (c.priceLevel?.applied) {
    add('input', '购房时物价指数', c.priceLevel.cpiAtPurchase);
    add('input', '评估时物价指数', c.priceLevel.cpiAtValuation);
  }
  for (const [name, p] of Object.entries(c.params ?? {})) {
    const value = Array.isArray(p.value) ? p.value.join('，') : typeof p.value === 'boolean' ? (p.value ? '是' : '否')
      : name.endsWith('rounding') ? ROUNDING[String(p.value)] ?? String(p.value) : String(p.value);
    add('parameter', PARAM_LABEL[name] ?? name, value, `${p.reference}（${p.version}）`);
  }
  add('component', '计算公式', c.formula, '第二十七条');
  add('component', '房屋折旧年数 A', c.A);
  if (c.H) add('component', '持有年限 H', `${c.H.days}/${c.H.denominator} ≈ ${c.H.value}`);
  add('component', '适用存款利率 r', c.r);
  add('component', '物价水平系数 K', c.K);
  add('component', '综合系数 1 − d×A + r×H', c.factor);
  return lines;
}

/** Everything the PDF prints for this contract in its current state. */
export async function buybackDocumentData(tx: Tx, ctx: CommandContext, c: BuybackContractRow, exit: ExitRow): Promise<BuybackContractData> {
  const [unit] = await tx.select().from(units).where(eq(units.id, exit.unitId));
  const [building] = await tx.select().from(buildings).where(eq(buildings.id, unit!.buildingId));
  const [project] = await tx.select().from(projects).where(eq(projects.id, exit.projectId));
  const [title] = await tx.select().from(titles).where(eq(titles.id, exit.titleId));
  const [fund] = await tx.select().from(maintenanceFundAccounts).where(eq(maintenanceFundAccounts.unitId, exit.unitId));
  const [app] = exit.applicationId ? await tx.select().from(applications).where(eq(applications.id, exit.applicationId)) : [];
  const person = await holderInFull(tx, ctx, title!);
  const schedule = c.schedule as Schedule;
  const generatedOn = todayInShanghai(c.generatedAt);
  return {
    contractNo: c.contractNo,
    modelVersion: c.modelVersion,
    status: c.status as BuybackContractData['status'],
    generatedOn,
    signedOn: c.signedAt ? todayInShanghai(c.signedAt) : null,
    exitNo: exit.exitNo,
    dueOn: exit.dueOn!,
    vacateByOn: c.vacateByOn,
    buyer: { name: issuerOf(project!) },
    seller: {
      name: person?.name ?? title!.holderMaskedName ?? app?.maskedApplicantName ?? '—',
      maskedId: person ? maskId(person.idNumber) : title!.holderMaskedId ?? app?.maskedApplicantId ?? '—',
      regCode: app?.regCode ?? null,
    },
    project: { code: project!.code, name: project!.name, address: project!.address, districtName: districtName(project!.districtCode) ?? project!.districtCode },
    unit: { building: building!.name, floor: unit!.floor, number: unit!.number, area: unit!.area, layout: unit!.layout, orientation: unit!.orientation },
    title: { certificateNo: title!.certificateNo, issuedOn: title!.issuedOn },
    fundAccount: fund ? { accountNo: fund.accountNo, bank: fund.bank } : null,
    valuation: { valuedOn: exit.valuedOn ?? generatedOn, priceFen: c.priceFen, lines: valuationLines(exit.valuation) },
    schedule: {
      firstShare: `${(Number(schedule.firstShare) * 100).toFixed(2).replace(/\.?0+$/, '')}%`,
      first: schedule.first, balance: schedule.balance, firstToLender: schedule.firstToLender, firstToFamily: schedule.firstToFamily,
      balanceToLender: schedule.balanceToLender, balanceToFamily: schedule.balanceToFamily, loanUnpaid: schedule.loanUnpaid,
    },
    loan: { outstandingFen: c.outstandingLoanFen, lender: c.lender },
    // The checklist of the day the contract was drawn up: what the family undertook.
    vacatingItems: vacatingChecklist(generatedOn),
  };
}
