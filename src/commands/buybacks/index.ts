/**
 * The buyback (济政发〔2025〕3号 第二十七至二十九条): contract from the model text and its PDF,
 * payments, vacating, transfer to the government, completion and reconciliation. Each command
 * runs one transaction; `buybackState` runs in its caller's (the exit detail).
 */
export { generateBuybackContract } from './generate.js';
export { signBuybackContract } from './sign.js';
export { buybackContractPdf, type BuybackContractPdf } from './pdf.js';
export { recordBuybackPayment, type BookedStage } from './payments.js';
export { recordVacatingItem, vacatingState, type VacatingState } from './vacating.js';
export { registerBuybackTransfer, type BuybackTransfer } from './transfer.js';
export { completeBuyback, type BuybackCompletion } from './complete.js';
export { buybackReconciliation, type BuybackReconciliation, type ReconciliationCheck } from './reconciliation.js';
export { buybackState, buybackContractView, type BuybackContractView, type BuybackPaymentView, type BuybackState } from './view.js';
export { valuationLines } from './document.js';
export { GenerateBuybackBody, PaymentBody, TransferBody, VacatingBody, VacatingItemSchema } from './inputs.js';
export type { GenerateBuybackInput, PaymentInput, TransferInput, VacatingInput } from './inputs.js';
export type { Schedule } from './store.js';
