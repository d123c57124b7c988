/**
 * Unit events, cases and multi-unit obligations after the sale (济政发〔2025〕3号 第二十、二十二、
 * 二十三条). Commands run one transaction each; `listUnitEvents` and `markObligationMet` run in the
 * caller's.
 */
export { recordUnitEvent, type RecordUnitEventInput } from './record.js';
export { closeCase, listCases, type CaseView } from './cases.js';
export { listObligations, markObligationMet, type ObligationView } from './obligations.js';
export { listUnitEvents, unitEventView, type UnitEventView, type CaseSummary } from './views.js';
export { EvidenceSchema, type Evidence } from './store.js';
