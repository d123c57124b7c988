/**
 * What a confirmed bank payment does to a registration (济政发〔2025〕3号 第十一条: 轮候家庭按项目认购登记
 * 并缴纳项目认购金，纳入该项目摇号排序库). Pure. The money is always booked as `paid` (it is in our
 * account); when it cannot count, it is refunded in the same transaction, so that a registration
 * never holds more than one 认购金 and nothing paid is ever left unexplained.
 *
 * Interpretation (第十一条 sets no deadline hour): a payment counts when the bank took it before the
 * window closed, by the bank's signed `paidAt`, even if the notice reaches us a little later — the
 * family paid in time — unless the lottery list was frozen meanwhile: the list is then fixed and
 * public (QLOT-1), so the money goes back.
 */
export type PaymentFacts = {
  registrationStatus: string;
  depositFen: number;
  amountFen: number;
  /** Already held for this registration before this payment (fen). */
  heldFen: number;
  paidAt: Date;
  closesAt: Date;
  opensAt: Date;
  listFrozen: boolean;
};

export type PaymentDecision =
  | { accept: true }
  | { accept: false; code: string; reason_zh: string; reason_en: string };

const refuse = (code: string, reason_zh: string, reason_en: string): PaymentDecision => ({ accept: false, code, reason_zh, reason_en });

/** Decide; the first reason that applies is the one the family reads. */
export function decidePayment(f: PaymentFacts): PaymentDecision {
  if (f.registrationStatus === 'withdrawn') return refuse('AFTER_WITHDRAWAL', '认购登记已撤回后到账的款项', 'the payment arrived after the registration was withdrawn');
  if (f.registrationStatus === 'closed' || f.registrationStatus === 'signed') {
    return refuse('REGISTRATION_CLOSED', '认购登记已结束（已在其他项目或本项目签约）后到账的款项', 'the payment arrived after the registration was closed');
  }
  if (f.registrationStatus === 'refunded') return refuse('SALE_ENDED', '项目配售已结束后到账的款项', 'the payment arrived after the sale ended');
  if (f.registrationStatus === 'registered' || f.heldFen > 0) return refuse('ALREADY_PAID', '重复缴纳的认购金', 'the deposit was already paid');
  if (f.amountFen !== f.depositFen) return refuse('AMOUNT_MISMATCH', `到账金额与应缴认购金不符`, `the amount differs from the deposit due`);
  if (f.paidAt.getTime() >= f.closesAt.getTime() || f.paidAt.getTime() < f.opensAt.getTime()) {
    return refuse('OUTSIDE_WINDOW', '认购登记期限外缴纳的款项', 'the payment was made outside the registration window');
  }
  if (f.listFrozen) return refuse('LIST_FROZEN', '摇号排序名单已锁定后到账的款项', 'the payment arrived after the lottery list was frozen');
  return { accept: true };
}
