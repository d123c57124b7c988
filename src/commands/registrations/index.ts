/** Registrations and 认购金 (济政发〔2025〕3号 第十一条), the end of a sale and its reconciliation. Each command runs one transaction. */
export { registerForProject } from './register.js';
export { startPayment, type PaymentStart } from './payment.js';
export { handlePaymentCallback, refundNoForTxn, type CallbackOutcome } from './callback.js';
export { decidePayment, type PaymentDecision, type PaymentFacts } from './decide-payment.js';
export { withdrawRegistration } from './withdraw.js';
export { listMyRegistrations, listOpenSaleProjects, type MyRegistration, type OpenSaleProject } from './list.js';
export { closeOtherRegistrations, refundHeld } from './refunds.js';
export { endSale, type EndSaleResult } from './end-sale.js';
export { reconcile, type Reconciliation, type ReconciliationRow } from './reconcile.js';
export { LIVE_REGISTRATION, type Registration } from './store.js';
