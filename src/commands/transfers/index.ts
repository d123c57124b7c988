/** Internal transfer to a waiting family (济政发〔2025〕3号 第二十四条). Each command runs one transaction. */
export { openTransferOffer, TransferOfferSchema } from './open.js';
export { expressInterest, myTransferOffers, type MyTransferOffer } from './interest.js';
export { matchTransfer } from './match.js';
export { registerTransfer } from './register.js';
export { listTransferOffers } from './list.js';
export type { TransferOfferRow } from './store.js';
