/** How the buyback is sent over HTTP (第二十七至二十九条): dates as ISO strings, the PDF's address. */
import type { BookedStage, BuybackContractView } from '../../../commands/buybacks/index.js';

/** One buyback contract. */
export function presentBuybackContract(c: BuybackContractView) {
  return {
    ...c, generatedAt: c.generatedAt.toISOString(), signedAt: c.signedAt?.toISOString() ?? null,
    pdfUrl: `/api/buyback-contracts/${c.id}/contract.pdf`,
  };
}

/** A booked stage of payments. */
export function presentBookedStage(b: BookedStage) {
  return {
    contract: presentBuybackContract(b.contract), stage: b.stage, booked: b.booked,
    payments: b.payments.map((p) => ({
      id: p.id, stage: p.stage as 'first' | 'balance', payee: p.payee as 'lender' | 'family', amountFen: p.amountFen, paidOn: p.paidOn,
      reference: p.reference, recordedAt: p.recordedAt.toISOString(),
    })),
  };
}
