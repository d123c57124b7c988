/** Contracts of the sale (第十三、十四条; docs/CONTRACT.md "Cross-module functions"). Each command runs one transaction. */
export { generateContract, type GenerateContractInput, type LoanType } from './generate.js';
export { signContract } from './sign.js';
export { lapseUnsignedContracts, type LapseDeps } from './lapse.js';
export { contractPdf, type ContractPdf } from './pdf.js';
export { listMyContracts, listProjectContracts } from './lists.js';
export { signingDeadline } from './store.js';
export type { ContractView } from './view.js';
