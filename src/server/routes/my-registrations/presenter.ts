/** What the family is shown of its registrations. */
import type { MyRegistration as View } from '../../../commands/registrations/index.js';
import type { Registration } from '../../../commands/registrations/index.js';

/** A list item: `held` and `heldFen` carry the same amount (fen). */
export const presentMine = (r: View) => ({ ...r, heldFen: r.held });

/** A registration just made: nothing is held before the bank confirms a payment, unless no 认购金 is due. */
export const presentRegistered = (r: Registration) => ({
  id: r.id, regNo: r.regNo, status: r.status, projectId: r.projectId, planId: r.planId, depositFen: r.depositFen,
  held: 0, registeredAt: r.registeredAt.toISOString(), paidAt: r.paidAt?.toISOString() ?? null,
});
