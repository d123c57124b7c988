/** Schemas of the resale routes (第三十条). Money is integer fen; the commands check the same bodies again. */
import { z } from 'zod';
import { RESALE_STATUSES } from '../../../db/schema.js';
import { ApproveResaleSchema, RenovationSchema, ResaleFundSchema } from '../../../commands/resale/index.js';

export const IdParams = z.object({ id: z.uuid().describe('unit or resale offer id') });
export const RenovationBody = RenovationSchema;
export const ApproveBody = ApproveResaleSchema;
export const FundBody = ResaleFundSchema;
export const TitleBody = z.object({
  certificateNo: z.string().trim().min(1, '请填写不动产权证书号 / certificateNo is required').max(100),
  issuedOn: z.string().describe('YYYY-MM-DD, not before delivery'),
});
export const ListQuery = z.object({ status: z.enum(RESALE_STATUSES).optional() });

/** A resale offer as staff see it. */
export const ResaleOffer = z.object({
  id: z.string(), unitId: z.string(), exitId: z.string(), status: z.enum(RESALE_STATUSES),
  buybackPriceFen: z.number(), renovationCostFen: z.number().nullable(), renovationCompletedOn: z.string().nullable(),
  renovationEvidence: z.unknown(), floorFen: z.number().nullable().describe('rule housing.resale-floor: buyback price + renovation cost'),
  priceFen: z.number().nullable(), maintenanceFundDueFen: z.number().describe('第三十条: what the buyer pays into the fund (refunded at buyback)'),
  approvedBy: z.string().nullable(), approvedAt: z.string().nullable(), contractId: z.string().nullable(),
});
export const ResaleOfferItem = ResaleOffer.extend({
  exitNo: z.string(), contractNo: z.string().nullable(), unitStatus: z.string(),
  titleIssuedOn: z.string().nullable().describe('第十八条: the resale buyer\'s title, once registered'),
  fundCollectedFen: z.number().nullable().describe('第三十条: the buyer\'s maintenance-fund deposit, once posted'),
  fundCollectedOn: z.string().nullable().describe('the day the deposit was paid'), fundReference: z.string().nullable().describe('its voucher'),
  project: z.object({ id: z.string(), name: z.string(), level: z.string(), districtCode: z.string(), status: z.string() }),
  unit: z.object({ id: z.string(), building: z.string(), number: z.string(), area: z.string() }),
});
export const ResaleOfferList = z.object({ items: z.array(ResaleOfferItem) });
export const Title = z.object({
  id: z.string(), unitId: z.string(), certificateNo: z.string(), nature: z.string(), landNature: z.string(), origin: z.string(),
  contractId: z.string().nullable(), issuedOn: z.string(),
});
export const FundPosted = z.object({
  offerId: z.string(), accountNo: z.string(), bank: z.string(), amountFen: z.number(), posted: z.boolean(),
  depositsFen: z.number(), refundsFen: z.number(), balanceFen: z.number(),
});
