/**
 * Exits from the scheme (济政发〔2025〕3号 第二十四至二十七条): applications by the family or filed by staff,
 * the 第二十五条 checks, acceptance with the due date (第二十六条) and the valuation (第二十七条), the board,
 * the family's home page, and the published buyback method. Each command runs one transaction.
 */
export { applyToExit, fileExit, withdrawExit, type ApplyExitInput, type FileExitInput } from './apply.js';
export { refreshDataChecks, recordInspection, checksOf, type CheckView, type InspectionInput } from './checks.js';
export { acceptExit, refuseExit, revalueExit } from './accept.js';
export { exitBoard, exitDetail, boardOrder, type ExitDetail, type BoardQuery } from './board.js';
export { myHome, myExits, type MyHome, type HomeUnit, type HomeObligation } from './my-home.js';
export { publishedMethod, calculateBuyback, FORMULA, PUBLICATION } from './method.js';
export { platformRegister, type UnitRegister, type RegisterFacts } from './register.js';
export { exitBoardRows, exitView, exitViews, type BoardEligibility, type ExitBoardRow, type ExitView, type ExitRoute, type ExitOrigin } from './view.js';
export type { Eligibility } from './eligibility.js';
export type { Valuation, CpiInput } from './valuation.js';
