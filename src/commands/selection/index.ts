/**
 * Selection (选房) and the rolling sale, 济政发〔2025〕3号 第十一、十六条: batches in rank order,
 * a family's choice of one unit, no-shows and refusals, the rolling sale, conversion of
 * long-unsold units. Names as in docs/CONTRACT.md.
 */
export { openNextBatch, type OpenedBatch } from './open-batch.js';
export { closeBatch, markCall, type MarkCallInput } from './close-batch.js';
export { selectUnit, refuseTurn } from './select.js';
export { releaseSelection, releaseUnsignedOnLeaving } from './release.js';
export { startRollingSale, rollingSelect } from './rolling.js';
export { convertUnit, TARGET_USES, TARGET_USE_ZH, type Conversion, type ConvertInput, type TargetUse } from './convert.js';
export { selectionBoard, mySelectionTurn, myLiveSelection, selectionView, type MyTurn, type SelectionBoard, type SelectionView } from './views.js';
export type { BatchRow, SelectionRow } from './store.js';
export type { Chosen } from './claim.js';
