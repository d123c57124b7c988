/** The project's fund ledger (济政发〔2025〕3号 第十七条). */
export { postFund, type FundEntry, type FundSource } from './ledger.js';
export { recordFund, FundEntrySchema, type FundEntryInput, type FundEntryRow } from './record.js';
export { listFunds, type FundTotals, type FundView } from './list.js';
