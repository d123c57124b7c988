/**
 * Typed calls of closed-loop management after the sale (济政发〔2025〕3号 第十八至三十一条;
 * docs/CONTRACT.md "HTTP API") for the staff console. Money is integer fen (fields ending in
 * `Fen`), dates ISO strings. Lists come as `{items}`.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, newIdempotencyKey, post, qs } from './client';
import type { BuybackComponents, ExitCommon, ParamRead } from './closed-loop';

export type { ParamRead };

/** A rule's reason: a code and the article it rests on (rules housing.exit-eligibility …). */
export interface RuleReason { code: string; article: string; message?: string; message_zh?: string }

/** One evidence item of an event, a check or a vacating item. */
export interface Evidence { kind?: string; ref: string; note?: string | null; sha256?: string | null }

/** An exit application in short (lists, the unit dossier). */
export interface ExitSummary {
  id: string;
  exitNo: string;
  route: 'buyback' | 'internal_transfer';
  origin: 'family' | 'multi_unit' | 'fraud';
  status: string;
  submittedOn: string;
  acceptedOn: string | null;
  dueOn: string | null;
  priceFen: number | null;
  completedOn: string | null;
}

/** One row of GET /api/post-sale/units: an owned unit in the reader's scope. */
export interface PostSaleUnit {
  unitId: string;
  /** "1号楼1203室". */
  unitLabel: string;
  projectId: string;
  projectCode: string;
  projectName: string;
  building: string;
  number: string;
  titleId: string;
  certificateNo: string;
  holderKind: string;
  holderMaskedName: string | null;
  holderRegCode: string | null;
  issuedOn: string;
  earliestExitOn: string | null;
  fundBalanceFen: number | null;
  openCases: number;
  openExit: { id: string; exitNo: string; status: string; route: string } | null;
}

/** 第十八条: a title registration. */
export interface Title {
  id: string;
  certificateNo: string;
  unitId: string;
  holderKind: 'family' | 'person' | 'government';
  holderApplicationId: string | null;
  holderMaskedName: string | null;
  holderMaskedId: string | null;
  nature: string;
  landNature: string;
  origin: string;
  contractId: string | null;
  eventId: string | null;
  exitId: string | null;
  issuedOn: string;
  supersededOn: string | null;
  supersededBy: string | null;
  recordedAt: string;
}

/** 第十九条: a maintenance-fund movement. */
export interface FundEntry { id: number | string; kind: 'deposit' | 'refund'; amountFen: number; occurredOn: string; reference: string; memo: string }

/** 第十九条: the unit's maintenance-fund account with its balance. */
export interface FundAccount { id: string; accountNo: string; bank: string; openedOn: string; depositsFen: number; refundsFen: number; balanceFen: number; entries: FundEntry[] }

/** An event on a unit with its evidence (第二十、二十二、二十三条). */
export interface UnitEvent { id: string; kind: string; occurredOn: string; evidence: Evidence[]; note: string | null; newTitleId: string | null; caseNo: string | null }

/** A case as the dossier lists it (第二十、二十三条). */
export interface UnitCase {
  id: string;
  caseNo: string;
  unitId: string;
  kind: string;
  status: 'open' | 'rectified' | 'closed';
  openedOn: string;
  closedOn?: string | null;
  resolution?: string | null;
}

/** A case as GET /api/cases lists it: with the unit's label and the articles of its kind. */
export interface CaseView extends UnitCase { unit: string; projectId: string; article: string; eventId: string }

/** GET /api/units/:id/record: the unit dossier. */
export interface UnitRecord {
  unit: { id: string; building: string; floor: number; number: string; area: string; layout: string; orientation: string; status: string };
  project: { id: string; code: string; name: string; districtCode: string; level: string; address: string };
  building: { id: string; name: string; completedOn: string | null };
  contract: {
    id: string; contractNo: string; status: string; priceFen: number; loanType: string; downPaymentFen: number; loanFen: number;
    signedAt: string | null; deliveredOn: string | null; maintenanceFundDueFen: number | null;
    buyer: { regCode: string; maskedName: string | null } | null;
  } | null;
  /** Staff and the auditor also read the holder's name (an audited read); the implementer does not. */
  title: (Title & { holderName?: string | null }) | null;
  titleHistory: Title[];
  earliestExitOn: string | null;
  fund: FundAccount | null;
  events: UnitEvent[];
  cases: UnitCase[];
  exits: ExitSummary[];
}

/** A rule's trace step and citation, as every rule returns them (src/rules/core/trace.ts). */
export interface TraceStep { rule: string; article: string; test: string; value: unknown; passed?: boolean }
/** What every rule returns. */
export interface RuleResult<T> { value: T; trace: TraceStep[]; citations: { article: string; docId?: string }[] }

/** Rule housing.exit-eligibility's result as stored on the exit (第二十四、二十五条). */
export type Eligibility = RuleResult<{ eligible: boolean; earliestDate: string; reasons: RuleReason[] }> & { asOf: string; source: string };

/** Rule housing.buyback-price's components (第二十七条). */
export type BuybackPriceComponents = BuybackComponents;
/** Where each input of the valuation came from. */
export interface ValuationSources {
  P0: { kind: 'contract' | 'transfer_offer'; ref: string; titleId: string };
  paidOn: { kind: 'contract_signed' | 'transfer_registered'; reading: string };
  builtOn: { kind: 'building_completed'; building: string };
}
/** A line of the valuation as the server reads it out: input, parameter or component with its reference. */
export interface ValuationLine { name: string; label: string; value: string | number | boolean; reference: string | null }
/** The 第二十七条 valuation of an exit (rule housing.buyback-price). */
export interface Valuation {
  valuedOn: string;
  priceFen: number;
  lines: ValuationLine[];
  components: BuybackPriceComponents;
  sources: ValuationSources;
  trace: TraceStep[];
}

/** 第二十五条: one item; ok, source and evidence are null while it has not been checked. */
export interface ExitCheck {
  item: string;
  label: string;
  article: string;
  ok: boolean | null;
  source: 'data_check' | 'inspection' | null;
  evidence: Record<string, unknown> | null;
  recordedAt: string | null;
}

/** 第二十九条 split of the price (rule housing.buyback-payments). */
export interface Schedule {
  first: number; balance: number; firstToLender: number; firstToFamily: number; balanceToLender: number; balanceToFamily: number;
  loanUnpaid: number; firstShare: string; asOf: string;
}

/** The buyback contract (第二十八条). */
export interface BuybackContract {
  id: string;
  contractNo: string;
  exitId: string;
  status: 'generated' | 'signed';
  priceFen: number;
  outstandingLoanFen: number;
  lender: string | null;
  schedule: Schedule;
  vacateByOn: string;
  modelVersion: string;
  generatedAt: string;
  signedAt: string | null;
  pdfSha256: string | null;
  /** Present on the buyback routes' answers; the exit detail carries the row without it. */
  pdfUrl?: string;
}

/** A booked buyback payment. */
export interface BuybackPayment { id: string; stage: 'first' | 'balance'; payee: 'lender' | 'family'; amountFen: number; paidOn: string; reference: string; recordedAt: string }

/** A vacating item recorded (第二十九条). */
export interface VacatingRow { exitId: string; item: string; doneOn: string; evidence: { ref: string; note?: string }; recordedAt: string }

/** 第二十四条 internal transfer offer. */
export interface TransferOffer {
  id: string;
  exitId: string;
  unitId: string;
  status: 'open' | 'matched' | 'failed' | 'completed';
  /** Rule housing.buyback-price on the opening day: the ceiling of the price. */
  ceilingFen: number;
  priceFen: number;
  opensOn: string;
  closesOn: string;
  buyerApplicationId: string | null;
  matchedOn: string | null;
  registeredOn: string | null;
}

/** An exit application as the board and the detail show it. */
export interface ExitView extends ExitCommon {
  projectName: string;
  titleId: string;
  holderMaskedName: string | null;
  eligibility: Eligibility;
}

/** One row of GET /api/exits (第二十六条): the eligibility's verdict only; the trace is in the detail. */
export type ExitBoardRow = Omit<ExitView, 'eligibility'> & { eligibility: { eligible: boolean; earliestDate: string } };

/** GET /api/exits/:id: the exit in full. */
export interface ExitDetail extends ExitView {
  checks: ExitCheck[];
  valuation: Valuation | null;
  contract: BuybackContract | null;
  payments: BuybackPayment[];
  /** The vacating items recorded so far. */
  vacating: VacatingRow[];
  transferOffer: TransferOffer | null;
  /** 第二十九条: the transfer to the government, once registered (buyback only). */
  transfer: { titleId: string; certificateNo: string; issuedOn: string } | null;
  /** 第二十九条: the vacating items the checklist in force expects (buyback only). */
  vacatingExpected: string[];
}

/** One check of the buyback reconciliation (第二十九、三十条). */
export interface ReconCheck { code: string; ok: boolean; expectedFen: number; actualFen: number; article: string }

/** GET /api/exits/:id/reconciliation: schedule against bookings, the maintenance fund, every check (fen). */
export interface ExitReconciliation {
  exitId: string;
  exitNo: string;
  contractNo: string;
  exitStatus: string;
  asOf: string;
  priceFen: number;
  outstandingLoanFen: number;
  lender: string | null;
  schedule: { first: number; balance: number; firstToLender: number; firstToFamily: number; balanceToLender: number; balanceToFamily: number };
  booked: { firstToLender: number; firstToFamily: number; balanceToLender: number; balanceToFamily: number; lender: number; family: number; total: number };
  /** balanceBeforeRefundFen: 结余 just before the buyback's refund; the fund_refunded check sets the refund against it. */
  fund: { accountNo: string; depositsFen: number; refundsFen: number; balanceFen: number; balanceBeforeRefundFen: number; refundedAtBuybackFen: number; resaleDueFen: number | null } | null;
  checks: ReconCheck[];
  settled: boolean;
  balanced: boolean;
}

/** 第二十二条 multi-unit obligation. */
export interface Obligation {
  id: string;
  status: 'open' | 'met' | 'withdrawn';
  holder: { kind: 'family' | 'person'; applicationId: string | null; regCode: string | null; maskedName: string | null };
  unitsHeld: number;
  units: { unitId: string; label: string; certificateNo: string; origin: string }[];
  changeOn: string;
  deadlineOn: string;
  daysLeft: number;
  overdue: boolean;
  /** Reminder offsets (days before the deadline) already sent. */
  remindersSent: number[];
  event: { id: string; kind: string; unitId: string };
  met: { exitId: string; exitNo: string | null; on: string | null } | null;
}

/** 第三十条 resale offer. */
export interface ResaleOffer {
  id: string;
  unitId: string;
  exitId: string;
  exitNo: string;
  status: 'renovating' | 'approved' | 'sold';
  buybackPriceFen: number;
  renovationCostFen: number | null;
  renovationCompletedOn: string | null;
  renovationEvidence: unknown;
  /** Rule housing.resale-floor: buyback price + renovation cost; null until the renovation is recorded. */
  floorFen: number | null;
  priceFen: number | null;
  /** 第三十条: what the buyer pays into the fund (refunded at buyback). */
  maintenanceFundDueFen: number;
  approvedBy: string | null;
  approvedAt: string | null;
  contractId: string | null;
  contractNo: string | null;
  unitStatus: string;
  /** 第十八条: the resale buyer's title, once registered. */
  titleIssuedOn: string | null;
  /** 第三十条: the buyer's maintenance-fund deposit, once posted (amount, day paid, voucher). */
  fundCollectedFen: number | null;
  fundCollectedOn: string | null;
  fundReference: string | null;
  project: { id: string; name: string; level: string; districtCode: string; status: string };
  unit: { id: string; building: string; number: string; area: string };
}

// ---- paths ----

/** GET path of the owned-unit list; an empty search is left out. */
export const postSaleUnitsPath = (f: { projectId?: string; q?: string }) => `/api/post-sale/units${qs({ projectId: f.projectId, q: f.q?.trim() })}`;
/** GET path of the exit board (第二十六条): `overdue=1` only when asked. */
export const exitsPath = (f: { status?: string; overdue?: boolean }) => `/api/exits${qs({ status: f.status, overdue: f.overdue ? 1 : undefined })}`;
/** GET path of the multi-unit obligations (第二十二条). */
export const obligationsPath = (overdue: boolean) => `/api/multi-unit-obligations${qs({ overdue: overdue ? 1 : undefined })}`;

// ---- queries ----

const items = async <T>(path: string): Promise<T[]> => (await get<{ items: T[] }>(path)).items;

/** Owned units in scope (已售房源). */
export function usePostSaleUnits(f: { projectId?: string; q?: string }) {
  return useQuery({ queryKey: ['postsale', 'units', f], queryFn: () => items<PostSaleUnit>(postSaleUnitsPath(f)) });
}

/** The unit dossier (staff read, audited). */
export function useUnitRecord(id: string | undefined) {
  return useQuery({ queryKey: ['postsale', 'record', id], enabled: Boolean(id), queryFn: () => get<UnitRecord>(`/api/units/${id}/record`) });
}

/** The exit board (第二十六条). */
export function useExits(f: { status?: string; overdue?: boolean }) {
  return useQuery({ queryKey: ['postsale', 'exits', f], queryFn: () => items<ExitBoardRow>(exitsPath(f)) });
}

/** One exit application in full. */
export function useExit(id: string | undefined) {
  return useQuery({ queryKey: ['postsale', 'exit', id], enabled: Boolean(id), queryFn: () => get<ExitDetail>(`/api/exits/${id}`) });
}

/** The buyback reconciliation of one exit. */
export function useExitReconciliation(id: string | undefined, enabled: boolean) {
  return useQuery({ queryKey: ['postsale', 'exit-recon', id], enabled: Boolean(id) && enabled, queryFn: () => get<ExitReconciliation>(`/api/exits/${id}/reconciliation`) });
}

/** Cases (第二十、二十三条). */
export function useCases(status?: string) {
  return useQuery({ queryKey: ['postsale', 'cases', status], queryFn: () => items<CaseView>(`/api/cases${qs({ status })}`) });
}

/** Multi-unit obligations (第二十二条). */
export function useObligations(overdue: boolean) {
  return useQuery({ queryKey: ['postsale', 'obligations', overdue], queryFn: () => items<Obligation>(obligationsPath(overdue)) });
}

/** Resale offers (第三十条). */
export function useResaleOffers() {
  return useQuery({ queryKey: ['postsale', 'resale'], queryFn: () => items<ResaleOffer>('/api/resale-offers') });
}

/**
 * A POST of the closed-loop console with a fresh Idempotency-Key; on success every closed-loop
 * query is refetched (a payment changes the exit, the board and the reconciliation).
 */
export function usePostsalePost<R = unknown>() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ path, body }: { path: string; body?: unknown }) => post<R>(path, body ?? {}, { 'Idempotency-Key': newIdempotencyKey() }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['postsale'] }),
  });
}
