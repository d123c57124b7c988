/**
 * The two functions of other modules a contract needs (docs/CONTRACT.md "Cross-module
 * functions"): closeOtherRegistrations (money, 第十一条: the family's other registrations close
 * and their held 认购金 is refunded) and releaseSelection (selection: the unit is offered again).
 * refundHeld returns what a signed registration holds beyond the credited amount.
 * Re-exported here so the contract commands name one place for them.
 */
export { closeOtherRegistrations, refundHeld } from '../registrations/index.js';
export { releaseSelection } from '../selection/index.js';
