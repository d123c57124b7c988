/** Pricing use cases (济政发〔2025〕3号 第十二条; docs/CONTRACT.md "Cross-module functions"). */
export { submitPrices } from './submit.js';
export { approvePrices, rejectPrices } from './approve.js';
export { getPriceApproval, type PriceApprovalView } from './get.js';
export { PricesInput } from './schema.js';
export type { PriceApproval, ScheduleLine } from './store.js';
