/**
 * Shapes both the family's and the staff's closed-loop clients read (第二十四至二十七条): the exit
 * application's common fields and rule housing.buyback-price's components, as the server sends them.
 */

/** A parameter as a rule read it: value, version and the reference that published it. */
export interface ParamRead { value: unknown; version: string; reference: string }

/** Rule housing.buyback-price's components: price = P0 × (1 − d × A + r × H) × K; rates and factors exact decimal strings. */
export interface BuybackComponents {
  formula: string;
  P0: number;
  valuationOn: string;
  builtOn: string;
  paidOn: string;
  /** Full years from completion to the valuation date. */
  A: number;
  d: string;
  /** days / denominator; `value` rounded to 6 places for reading. */
  H: { days: number; denominator: number; value: string };
  r: string;
  K: string;
  priceLevel: { applied: boolean; cpiAtPurchase: string | null; cpiAtValuation: string | null };
  factor: string;
  rounding: string;
  params: Record<string, ParamRead>;
}

export type ExitRoute = 'buyback' | 'internal_transfer';
export type ExitStatus = 'submitted' | 'accepted' | 'refused' | 'withdrawn' | 'contracted' | 'offered' | 'matched' | 'completed';

/** The fields of an exit application every view carries (第二十六条: due, as a rule, six months after acceptance). */
export interface ExitCommon {
  id: string;
  exitNo: string;
  unitId: string;
  unitLabel: string;
  project: { id: string; code: string; name: string; level: string; districtCode: string };
  certificateNo: string;
  route: ExitRoute;
  origin: 'family' | 'multi_unit' | 'fraud';
  status: ExitStatus;
  obligationId: string | null;
  submittedOn: string;
  acceptedOn: string | null;
  dueOn: string | null;
  /** Whole days from the server's today to dueOn while under way; negative once overdue. */
  daysLeft: number | null;
  overdue: boolean;
  decisionReason: string | null;
  valuedOn: string | null;
  priceFen: number | null;
  completedOn: string | null;
}
