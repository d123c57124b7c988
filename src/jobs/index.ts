/** Scheduled work: 第九条 re-check, 第八条 reminders and lapse, outbox dispatch. */
export { recheckHoldings, idRanges, type IdRange, type RecheckResult } from './recheck.js';
export { remindReconfirm, lapseUnconfirmed } from './reconfirm.js';
export { lapseContracts } from './contracts.js';
export { settleRefunds, type RefundRun } from './refunds.js';
export { watchMultiUnitDeadlines } from './multi-unit.js';
export { startJobs, bossDb, devAdapters, JOBS, type JobName, type Scheduler, type SchedulerOptions } from './scheduler.js';
export { systemContext, type JobDeps } from './deps.js';
