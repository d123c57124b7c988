/**
 * Test support for titles (第十八、十九条): an owned world (src/commands/closed-loop/testing.ts)
 * plus families who have signed but whose units are not yet delivered or registered.
 */
import type { DbHandle } from '../../db/client.js';
import { OWNED_PRICE_FEN, type OwnedWorld } from '../closed-loop/testing.js';
import { familyHolding, withApplicantName } from '../contracts/testing.js';
import { generateContract, signContract } from '../contracts/index.js';

/** Family `i` signs a contract for unit `i` on the clock's day (not delivered, no title). Returns the contract and the applicant's ID number. */
export async function signedNotDelivered(h: DbHandle, w: OwnedWorld, i: number, name = `买受人${i}`) {
  const idNumber = await withApplicantName(h, w, i, name);
  const { sel } = await familyHolding(h, w, i);
  const fam = w.ctxAs(w.families[i]!.actor);
  const c = await generateContract(fam, { selectionId: sel.id, loanType: 'provident_fund', downPaymentFen: OWNED_PRICE_FEN * 0.2 });
  await signContract(fam, { contractId: c.id });
  return { contractId: c.id, contractNo: c.contractNo, unitId: w.unitIds[i]!, idNumber };
}
