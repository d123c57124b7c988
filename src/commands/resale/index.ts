/** Resale of a bought-back unit (济政发〔2025〕3号 第三十条). Each command runs one transaction. */
export { recordRenovation, RenovationSchema, type RenovationInput } from './renovation.js';
export { approveResale, ApproveResaleSchema } from './approve.js';
export { registerResaleTitle } from './title.js';
export { collectResaleFund, ResaleFundSchema } from './fund.js';
export { listResaleOffers, type ResaleOfferListItem } from './list.js';
export type { ResaleOfferRow } from './store.js';
export { markResaleSold } from './sold.js';
