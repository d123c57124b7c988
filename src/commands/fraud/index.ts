/** 第三十一条: decisions on qualifications obtained by deception (one transaction each). */
export { decideFraud, type DecideFraudInput } from './decide.js';
export { fraudView, type FraudView, type FraudRefund, type FraudAction } from './store.js';
