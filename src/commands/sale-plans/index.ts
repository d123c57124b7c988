/** Sale plan use cases (配售方案, 第十条; docs/CONTRACT.md "Cross-module functions"). */
export { createPlan } from './create.js';
export { submitPlan, approvePlan, rejectPlan } from './review.js';
export { publishPlan } from './publish.js';
export { currentPlan, getPlan, saleNoticeData, issuerOf } from './read.js';
export { PlanInput, PoolInput } from './schema.js';
export type { SalePlan } from './store.js';
