/**
 * The two functions of other modules a contract needs (docs/CONTRACT.md "Cross-module
 * functions"): closeOtherRegistrations (money, 第十一条: the family's other registrations close
 * and their held 认购金 is refunded) and releaseSelection (selection: the unit is offered again).
 * Re-exported here so the contract commands name one place for them.
 */
export { closeOtherRegistrations } from '../registrations/index.js';
export { releaseSelection } from '../selection/index.js';
