/** Shapes contracts for the API: named fields only, dates as ISO strings, the PDF's path for the viewer. */
import type { ContractView } from '../../../commands/contracts/index.js';

/** One contract; `pdfBase` is the family's or the staff's download route. */
export function presentContract(c: ContractView, pdfBase = '/api/my/contracts') {
  return {
    id: c.id, contractNo: c.contractNo, status: c.status, selectionId: c.selectionId, project: c.project, unit: c.unit,
    priceFen: c.priceFen, loanType: c.loanType, downPaymentFen: c.downPaymentFen, loanFen: c.loanFen,
    depositCreditedFen: c.depositCreditedFen, maintenanceFundDueFen: c.maintenanceFundDueFen, minimumDownPaymentFen: c.minimumDownPaymentFen, deadlineOn: c.deadlineOn,
    generatedAt: c.generatedAt.toISOString(), signedAt: c.signedAt ? c.signedAt.toISOString() : null, pdfSha256: c.pdfSha256,
    pdfUrl: `${pdfBase}/${c.id}/contract.pdf`,
    ...(c.buyer ? { buyer: c.buyer } : {}),
  };
}
