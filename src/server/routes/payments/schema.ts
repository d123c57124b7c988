/** Schemas of the gateway callback and the simulated bank. */
import { z } from 'zod';

export const GatewayParams = z.object({ gateway: z.string().regex(/^[a-z0-9_-]{1,32}$/) });
export const OrderParams = z.object({ orderNo: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });
export const TxnParams = z.object({ txnId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });
export const PayQuery = z.object({ times: z.coerce.number().int().min(1).max(5).default(1).describe('pay this many times (tests, demo of a double payment)') });

export const CallbackAnswer = z.object({ outcome: z.string(), registrationId: z.string().optional(), reason: z.string().optional() });

export const BankOrder = z.object({
  bank: z.string(), orderNo: z.string(), amountFen: z.number(), subject: z.string(), createdAt: z.string(), status: z.enum(['open', 'paid']),
  payments: z.array(z.object({ txnId: z.string(), amountFen: z.number(), paidAt: z.string() })),
  returnUrl: z.string(),
});
export const BankPaid = z.object({
  orderNo: z.string(),
  deliveries: z.array(z.object({ txnId: z.string(), httpStatus: z.number(), outcome: z.string().nullable() })),
  returnUrl: z.string(),
});
