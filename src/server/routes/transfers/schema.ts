/** Schemas of the internal-transfer routes (第二十四条). Money is integer fen; the commands check the same bodies again. */
import { z } from 'zod';
import { TRANSFER_OFFER_STATUSES } from '../../../db/schema.js';
import { TransferOfferSchema } from '../../../commands/transfers/index.js';

export const IdParams = z.object({ id: z.uuid().describe('exit or transfer offer id') });
export const OfferBody = TransferOfferSchema;
export const RegisterBody = z.object({
  certificateNo: z.string().trim().min(1, '请填写不动产权证书号 / certificateNo is required').max(100),
  issuedOn: z.string().describe('YYYY-MM-DD'),
});
export const ListQuery = z.object({ status: z.enum(TRANSFER_OFFER_STATUSES).optional() });

/** An offer as staff see it (the valuation behind the ceiling is in the exit's detail and the audit log). */
export const TransferOffer = z.object({
  id: z.string(), exitId: z.string(), unitId: z.string(), status: z.enum(TRANSFER_OFFER_STATUSES),
  ceilingFen: z.number().describe('rule housing.buyback-price on opensOn (第二十四、二十七条)'), priceFen: z.number(),
  opensOn: z.string(), closesOn: z.string(), buyerApplicationId: z.string().nullable(), matchedOn: z.string().nullable(), registeredOn: z.string().nullable(),
});
export const Matched = TransferOffer.extend({
  skipped: z.array(z.object({ applicationId: z.string(), reason: z.string() })).describe('interested families passed over, in waiting order, with why'),
});
export const Registered = TransferOffer.extend({ titleId: z.string() });
export const TransferOfferItem = TransferOffer.extend({
  exitNo: z.string(),
  project: z.object({ id: z.string(), name: z.string(), level: z.string(), districtCode: z.string() }),
  unit: z.object({ id: z.string(), building: z.string(), number: z.string() }),
  interests: z.array(z.object({
    applicationId: z.string(), regCode: z.string(), maskedName: z.string().nullable(), admittedOn: z.string().nullable(), outcome: z.string(), expressedAt: z.string(),
  })),
});
export const TransferOfferList = z.object({ items: z.array(TransferOfferItem) });
