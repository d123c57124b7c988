/** Schemas of /api/my/registrations and /api/my/sale/projects (第十一条). Money is integer fen. */
import { z } from 'zod';

export const IdParams = z.object({ id: z.uuid().describe('registration id') });
export const RegisterBody = z.object({ projectId: z.uuid().describe('the project to register for') });
export const WithdrawBody = z.object({ reason: z.string().max(500).optional() }).nullish();

const iso = z.string().nullable();

/** A registration as the family sees it, with the draw, turn, selection and contract when they exist. */
export const MyRegistration = z.object({
  id: z.string(), regNo: z.string(), status: z.string(), depositFen: z.number(),
  held: z.number().describe('认购金 held now, fen'), heldFen: z.number(), paidFen: z.number(), creditedFen: z.number(), refundedFen: z.number(),
  refundPendingFen: z.number().describe('refunds booked, not yet confirmed by the bank'),
  registeredAt: z.string(), paidAt: iso, closedAt: iso, closedReason: iso,
  project: z.object({ id: z.string(), code: z.string(), name: z.string(), status: z.string() }),
  plan: z.object({ id: z.string(), round: z.number(), noticeNo: iso, registrationOpensAt: z.string(), registrationClosesAt: z.string(), drawOn: z.string() }),
  pendingOrder: z.object({ orderNo: z.string(), amountFen: z.number() }).nullable(),
  rank: z.number().optional(), pool: z.string().optional(), drawId: z.string().optional(),
  turn: z.object({ batchId: z.string(), batchNo: z.number(), opensAt: z.string(), closesAt: z.string(), open: z.boolean(), outcome: z.string() }).optional(),
  selection: z.object({ id: z.string(), status: z.string(), unitId: z.string(), building: z.string(), number: z.string(), priceFen: z.number().nullable() }).optional(),
  contract: z.object({ id: z.string(), contractNo: z.string(), status: z.string(), deadlineOn: z.string(), signedAt: iso }).optional(),
});
export const MyRegistrationList = z.object({ items: z.array(MyRegistration) });

export const OpenProjectList = z.object({
  items: z.array(z.object({
    id: z.string(), code: z.string(), name: z.string(), districtCode: z.string(), level: z.string(), saleMode: z.string(), address: z.string(),
    plan: z.object({ id: z.string(), round: z.number(), noticeNo: iso, registrationOpensAt: z.string(), registrationClosesAt: z.string(), drawOn: z.string(), depositFen: z.number() }),
    registration: MyRegistration.nullable(),
  })),
});

/** The registration just made (or found again). */
export const Registered = z.object({
  id: z.string(), regNo: z.string(), status: z.string(), projectId: z.string(), planId: z.string(), depositFen: z.number(),
  held: z.number(), registeredAt: z.string(), paidAt: iso,
});
export const PaymentStarted = z.object({ orderNo: z.string(), payUrl: z.string(), amountFen: z.number() });
export const Withdrawn = z.object({ id: z.string(), regNo: z.string(), status: z.literal('withdrawn'), refundedFen: z.number() });
