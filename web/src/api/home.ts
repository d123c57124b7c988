/**
 * The family's and the public's side of closed-loop management after the sale (docs/CONTRACT.md,
 * "# Closed-loop management after the sale", HTTP API: applicant and public): the unit a family
 * holds (第十八、十九、二十二条), its exit by government buyback or internal transfer (第二十四至
 * 二十七条), internal-transfer offers for waiting families (第二十四条), and the published buyback
 * price method with its calculator (第二十七条). Money is integer fen, dates ISO `YYYY-MM-DD`.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, newIdempotencyKey, post } from './client';
import type { Citation, TraceStep } from './types';

import type { BuybackComponents, ExitCommon, ExitRoute, ExitStatus } from './closed-loop';

export type { BuybackComponents, ExitRoute, ExitStatus };

/** One condition of rule housing.exit-eligibility, with the article it rests on. */
export interface EligibilityReason {
  code: 'HOLDING_PERIOD' | 'EXTRA_LOAN_OR_MORTGAGE' | 'LEASED' | 'LEGAL_DISPUTE' | 'USE_CHANGED' | 'STRUCTURE_ALTERED';
  article: string;
}

/**
 * Rule housing.exit-eligibility's result on `asOf`: eligible from `earliestDate` (the title's date +
 * the holding years) when no reason stands; `source` names where the 第二十五条 facts came from.
 */
export interface ExitEligibility {
  value: { eligible: boolean; earliestDate: string; reasons: EligibilityReason[] };
  trace: TraceStep[];
  citations: Citation[];
  asOf: string;
  source: string;
}

/** An exit application (第二十六条: due, as a rule, six months after acceptance). */
export interface MyExit extends ExitCommon {
  eligibility: ExitEligibility;
}

/** 第二十二条: a second unit by inheritance or divorce, to be given up within the deadline (open ones only). */
export interface MyObligation {
  id: string;
  changeOn: string;
  deadlineOn: string;
  /** Whole days from the server's today to the deadline; negative once overdue. */
  daysLeft: number;
  overdue: boolean;
  unitsHeld: number;
}

/** A unit the family holds, with its title, fund and exits. */
export interface HomeUnit {
  unit: { id: string; building: string; floor: number; number: string; area: string; layout: string };
  project: { id: string; code: string; name: string };
  title: { id: string; certificateNo: string; issuedOn: string; origin: string; nature: string; landNature: string };
  /** The date the family has held the unit since (the current title's registration). */
  holdingSince: string;
  /** 第二十四条: the title's date + 2 years, the first day an exit may be applied for. */
  earliestExitOn: string;
  /** The preview of rule housing.exit-eligibility, per route. */
  eligibility: Record<ExitRoute, ExitEligibility>;
  maintenanceFund: { balanceFen: number; accountNo: string; bank: string } | null;
  exits: MyExit[];
}

/** GET /api/my/home. */
export interface MyHome {
  /** The server's today: every countdown counts from it, not from the phone's clock. */
  today: string;
  units: HomeUnit[];
  obligations: MyObligation[];
}

/** An internal-transfer offer open today (第二十四条: price ≤ the buyback price on the opening day). */
export interface TransferOffer {
  id: string;
  status: string;
  priceFen: number;
  opensOn: string;
  closesOn: string;
  /** True once the family has asked for it (and is waiting for the match). */
  interested: boolean;
  project: { id: string; name: string; address: string; districtCode: string };
  unit: { id: string; building: string; floor: number; number: string; area: string; layout: string; orientation: string };
}

/** GET /api/my/transfer-offers: `eligible` is false for a family not on the waiting list or already holding a unit. */
export interface MyTransferOffers {
  eligible: boolean;
  items: TransferOffer[];
}

/** A parameter of the published method as read on one day (params/housing/buyback.yaml, closed-loop.yaml). */
export interface BuybackParameter {
  name: string;
  /** Its symbol in the formula (d, r, H, K), or what else it sets (price, first, due). */
  symbol: string;
  description: { zh: string; en: string } | null;
  unit: string | null;
  value: string | number | boolean | string[] | number[];
  version: string;
  reference: string;
  /** "平台默认值，待市住房城乡建设部门…确定并公布 / platform default…" while the bureau's text is awaited. */
  note: string | null;
}

/** The calculator's request (POST /api/public/buyback-calculator). */
export interface BuybackInput {
  originalPriceFen: number;
  paidOn: string;
  builtOn: string;
  valuationOn: string;
  cpiAtPurchase?: string;
  cpiAtValuation?: string;
}

/** The registry's rule result for housing.buyback-price. */
export interface BuybackResult {
  value: { price: number; components: BuybackComponents };
  trace: TraceStep[];
  citations: Citation[];
}

/** GET /api/public/buyback-method: the method in force on `asOf`. */
export interface BuybackMethod {
  asOf: string;
  formula: { text: string; zh: string; en: string };
  /** Whose method it is: the platform's default until the bureau publishes one. */
  publication: { zh: string; en: string };
  parameters: BuybackParameter[];
  example: { input: BuybackInput; result: BuybackResult; explanation: { zh: string; en: string } };
}

/** The family's units, obligations and exits. */
export function useMyHome() {
  return useQuery({ queryKey: ['my', 'home'], queryFn: () => get<MyHome>('/api/my/home') });
}

/** Applies to leave by one route; one idempotency key per dialog, so a retried click applies once. */
export function useApplyExit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { unitId: string; route: ExitRoute; key?: string }) =>
      post<MyExit>('/api/my/exits', { unitId: v.unitId, route: v.route }, { 'Idempotency-Key': v.key ?? newIdempotencyKey() }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['my'] }),
  });
}

/** Withdraws an exit application before it is accepted. */
export function useWithdrawExit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (exitId: string) => post<MyExit>(`/api/my/exits/${encodeURIComponent(exitId)}/withdraw`, {}, { 'Idempotency-Key': newIdempotencyKey() }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['my'] }),
  });
}

/** Open internal-transfer offers the family may take. */
export function useMyTransferOffers(enabled = true) {
  return useQuery({ queryKey: ['my', 'transfer-offers'], enabled, queryFn: () => get<MyTransferOffers>('/api/my/transfer-offers') });
}

/** Asks for an offer ("我要申请"); the staff match the first eligible family in waiting order. */
export function useTransferInterest() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (offerId: string) =>
      post<unknown>(`/api/my/transfer-offers/${encodeURIComponent(offerId)}/interest`, {}, { 'Idempotency-Key': newIdempotencyKey() }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['my', 'transfer-offers'] }),
  });
}

/** The published buyback method (public). */
export function useBuybackMethod() {
  return useQuery({ queryKey: ['public', 'buyback-method'], queryFn: () => get<BuybackMethod>('/api/public/buyback-method') });
}

/** Evaluates rule housing.buyback-price for the calculator's inputs (public). */
export function useBuybackCalculator() {
  return useMutation({ mutationFn: (input: BuybackInput) => post<BuybackResult>('/api/public/buyback-calculator', input) });
}

/** The calculator's form as typed: amounts in yuan, CPI only when the K switch is on. */
export interface CalculatorForm {
  originalPriceFen: number;
  paidOn: string;
  builtOn: string;
  valuationOn: string;
  useCpi: boolean;
  cpiAtPurchase?: string;
  cpiAtValuation?: string;
}

/** The request body of a calculator form: CPI fields are sent only with the switch on (K = 1 otherwise). */
export function calculatorBody(f: CalculatorForm): BuybackInput {
  const body: BuybackInput = { originalPriceFen: f.originalPriceFen, paidOn: f.paidOn, builtOn: f.builtOn, valuationOn: f.valuationOn };
  if (f.useCpi) {
    body.cpiAtPurchase = f.cpiAtPurchase?.trim();
    body.cpiAtValuation = f.cpiAtValuation?.trim();
  }
  return body;
}
