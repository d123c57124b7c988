/** Schemas of reconciliation, end of sale and funds (第十一、十七条). Money is integer fen. */
import { z } from 'zod';
import { FundEntrySchema } from '../../../commands/funds/index.js';
import { FUND_SOURCES } from '../../../db/schema.js';

export const ProjectParams = z.object({ id: z.uuid().describe('project id') });
export const ReconciliationQuery = z.object({ format: z.enum(['json', 'xlsx']).default('json') });

export const ReconciliationView = z.object({
  projectId: z.string(), code: z.string(), name: z.string(), projectStatus: z.string(), asOf: z.string(),
  paid: z.number(), credited: z.number(), refunded: z.number(), held: z.number(), heldByRegistrations: z.number(),
  refundsInFlight: z.object({ count: z.number(), amountFen: z.number() }), balanced: z.boolean(),
  rows: z.array(z.object({
    registrationId: z.string(), regNo: z.string(), status: z.string(), depositFen: z.number(), paid: z.number(), credited: z.number(),
    refunded: z.number(), held: z.number(), expectedHeld: z.number(), refundPending: z.number(), ok: z.boolean(),
  })),
});

export const SaleEnded = z.object({
  projectId: z.string(), status: z.literal('ended'), refunded: z.number(), refundedFen: z.number(), closedUnpaid: z.number(), alreadyEnded: z.boolean(),
});

/** The body is checked again by the command with the same schema (the command is the authority). */
export const FundBody = FundEntrySchema;
const Totals = z.object({ in: z.number(), out: z.number(), balance: z.number() });
const Entry = z.object({
  id: z.number(), source: z.enum(FUND_SOURCES), direction: z.enum(['in', 'out']), amountFen: z.number(), occurredOn: z.string(), memo: z.string(),
  reference: z.string(), recordedBy: z.string().nullable(), recordedAt: z.string(),
});
export const FundList = z.object({
  project: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  entries: z.array(Entry),
  totals: Totals.extend({ bySource: z.record(z.enum(FUND_SOURCES), Totals) }),
});
export const FundRecorded = Entry;
