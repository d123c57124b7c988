/** Department data checks: interface, simulated provider, merge into the declared facts, storage. */
export * from './types.js';
export { SimulatedProvider, type SimPerson } from './simulated.js';
export { mergeChecks, type CheckableFacts, type Override } from './merge.js';
export { storeChecks, storeChecksMany, type CheckedFor } from './store.js';
