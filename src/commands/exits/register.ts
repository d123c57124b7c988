/**
 * Where the 第二十五条 facts of a unit come from (济政发〔2025〕3号 第二十、二十三、二十五条):
 * (一) 无购房贷款抵押外的违规贷款或抵押, 无租赁关系, 无法律纠纷; (二) 未改变房屋居住用途, 房屋结构无拆改.
 *
 * One small interface, one implementation. The platform knows what its own case register holds
 * (`unit_cases`, opened by reported events, 第二十、二十三条) and the purchase contract's loan.
 * That is what the source says, honestly: 平台案件登记 + 购房合同. A feed from the real 不动产登记
 * (mortgages, 查封) or the courts (诉讼) would be a second implementation of `UnitRegister`.
 *
 * Reading of 第二十三条: the purchase loan taken when the unit was bought (住房公积金贷款 or 个人商业性
 * 住房贷款) is the one mortgage allowed; it is shown in the evidence and does not fail the item.
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { BOUGHT_ORIGINS, CASE_KINDS, contracts, titles, unitCases } from '../../db/schema.js';
import type { TitleRow } from './store.js';

export type CaseKind = (typeof CASE_KINDS)[number];
export type OpenCase = { caseNo: string; kind: CaseKind; openedOn: string };
export type PurchaseLoan = { contractNo: string; loanType: string; loanFen: number; allowedBy: '第二十三条' };

/** What a register knows of a unit on the day it is asked. */
export type RegisterFacts = {
  source: { zh: string; en: string };
  reference: string;
  openCases: OpenCase[];
  purchaseLoan: PurchaseLoan | null;
};

/** A source of 第二十五条 facts. */
export interface UnitRegister {
  lookup(tx: Tx, unit: { unitId: string; title: TitleRow | undefined }): Promise<RegisterFacts>;
}

/** The purchase contract of the unit's latest sale (first sale, internal transfer or resale), if any. */
export async function purchaseContractOf(tx: Tx, unitId: string) {
  const [bought] = await tx.select().from(titles)
    .where(and(eq(titles.unitId, unitId), inArray(titles.origin, [...BOUGHT_ORIGINS])))
    .orderBy(desc(titles.issuedOn), desc(titles.recordedAt)).limit(1);
  if (!bought?.contractId) return { title: bought, contract: undefined };
  const [contract] = await tx.select().from(contracts).where(eq(contracts.id, bought.contractId));
  return { title: bought, contract };
}

/** The platform's own register: open cases in `unit_cases` and the purchase contract's loan. */
export const platformRegister: UnitRegister = {
  async lookup(tx, { unitId }) {
    const cases = await tx.select({ caseNo: unitCases.caseNo, kind: unitCases.kind, openedOn: unitCases.openedOn }).from(unitCases)
      .where(and(eq(unitCases.unitId, unitId), eq(unitCases.status, 'open'))).orderBy(unitCases.openedOn, unitCases.caseNo);
    const { contract } = await purchaseContractOf(tx, unitId);
    return {
      source: { zh: '平台案件登记 + 购房合同', en: 'the platform\'s case register + the purchase contract' },
      // What a reader can look up: the purchase contract consulted (the case register has no number of its own).
      reference: contract ? contract.contractNo : '平台案件登记',
      openCases: cases.map((c) => ({ ...c, kind: c.kind as CaseKind })),
      purchaseLoan: contract && contract.loanFen > 0
        ? { contractNo: contract.contractNo, loanType: contract.loanType, loanFen: contract.loanFen, allowedBy: '第二十三条' }
        : null,
    };
  },
};

/** The 第二十五条 items and the case kinds that fail each. */
export const ITEM_CASES = {
  no_extra_loans_or_mortgages: ['extra_mortgage'],
  no_lease: ['lease'],
  no_legal_dispute: ['legal_dispute'],
  use_unchanged: ['use_change'],
  structure_unaltered: ['structure_alteration'],
} as const satisfies Record<string, readonly CaseKind[]>;
export type CheckItem = keyof typeof ITEM_CASES;
export const DATA_ITEMS = ['no_extra_loans_or_mortgages', 'no_lease', 'no_legal_dispute'] as const;
export const INSPECTION_ITEMS = ['use_unchanged', 'structure_unaltered'] as const;
export const ITEM_ARTICLE: Record<CheckItem, string> = {
  no_extra_loans_or_mortgages: '第二十五条(一)', no_lease: '第二十五条(一)', no_legal_dispute: '第二十五条(一)',
  use_unchanged: '第二十五条(二)', structure_unaltered: '第二十五条(二)',
};
export const ITEM_ZH: Record<CheckItem, string> = {
  no_extra_loans_or_mortgages: '无购房贷款抵押外的违规贷款或抵押', no_lease: '无租赁关系', no_legal_dispute: '无法律纠纷',
  use_unchanged: '未改变房屋居住用途', structure_unaltered: '房屋结构无拆改',
};

/** The open cases that fail `item`. */
export const casesFailing = (facts: RegisterFacts, item: CheckItem): OpenCase[] =>
  facts.openCases.filter((c) => (ITEM_CASES[item] as readonly string[]).includes(c.kind));

/** The data-side evidence of an item. */
export function dataEvidence(facts: RegisterFacts, item: CheckItem, checkedAt: Date) {
  return {
    department: facts.source.zh, source: facts.source.en, reference: facts.reference, checkedAt: checkedAt.toISOString(),
    cases: casesFailing(facts, item).map((c) => c.caseNo),
    ...(item === 'no_extra_loans_or_mortgages' ? { purchaseLoan: facts.purchaseLoan } : {}),
  };
}
