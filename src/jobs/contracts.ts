/**
 * Daily lapse of unsigned contracts (济政发〔2025〕3号 第十一条 选房签约): past the signing period a
 * generated contract lapses, the selection is released and the unit is offered again; a unit
 * chosen but never drawn up into a contract is released on the same deadline. The work is
 * src/commands/contracts/lapse.ts; this is its scheduled entry point.
 */
import { lapseUnsignedContracts } from '../commands/contracts/index.js';
import type { JobDeps } from './deps.js';

/** Run the lapse on the clock's day; `{lapsed, released}` counts what changed. */
export function lapseContracts(deps: JobDeps): Promise<{ lapsed: number; released: number }> {
  return lapseUnsignedContracts(deps);
}
