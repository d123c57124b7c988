/** Payment gateways for 认购金 (第十一条): the interface, the simulated bank, its key, and the app's gateway. */
export { SIGNATURE_HEADER, hmacHex, parseCallback, signatureMatches, type PaymentCallback, type PaymentGateway, type SignedCallback } from './gateway.js';
export { BankError, SimulatedBank, type BankMovement, type BankOrder } from './simulated-bank.js';
export { loadSimBankKey, randomSimBankKey } from './key.js';
export { gatewayOf } from './of-deps.js';
