/**
 * After the sale (第十八、十九、二十一条): delivery, title registration, the maintenance fund, the
 * unit's dossier and its archive export. Commands run one transaction each; the `tx` helpers
 * (supersedeTitle, postFundEntry, fundBalance) run in their caller's.
 */
export { recordDelivery, type Delivery } from './delivery.js';
export { registerTitle } from './register.js';
export { registerFirstTitle, supersedeTitle, currentTitle, titleHistory, titleView, type NewTitle, type TitleRow, type TitleView } from './title.js';
export { holderColumns, holderInFull, titleHolderAad, type HolderInput } from './holder.js';
export {
  openFundAccount, postFundEntry, fundBalance, fundEntries, recordFundDeposit,
  type FundBalance, type FundEntryInput, type OpenFundAccountInput,
} from './fund.js';
export { assertUnitAccess, loadUnitScope } from './access.js';
export { unitRecord, exitSummaries, type UnitRecord, type ExitSummary } from './record.js';
export { listOwnedUnits, type OwnedUnit } from './owned.js';
export { unitArchive, archiveDocument, ARCHIVE_AUTHORITY } from './archive.js';
export { earliestExitOn, loadDossier, type Dossier } from './dossier.js';
