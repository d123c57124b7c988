/**
 * Schemas of delivery, title registration and maintenance-fund routes (第十八、十九条). Money is
 * integer fen (fields ending in `Fen`), dates YYYY-MM-DD; checks beyond the shape are the
 * commands', naming the same fields.
 */
import { z } from 'zod';
import { isoDate } from '../../../rules/core/dates.js';

export const IdParams = z.object({ id: z.uuid().describe('contract or unit id') });
const fen = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

export const DeliveryBody = z.object({ deliveredOn: isoDate.describe('交房日期: not after today, not before signing') });
export const Delivery = z.object({ contractId: z.string(), contractNo: z.string(), unitId: z.string(), deliveredOn: z.string(), deliveredBy: z.string().nullable() });

export const TitleBody = z.object({
  contractId: z.uuid().describe('the signed, delivered purchase contract of this unit'),
  certificateNo: z.string().min(1).max(100).describe('不动产权证书号'),
  issuedOn: isoDate.describe('发证日期: not after today, not before delivery'),
});
export const Title = z.object({
  id: z.string(), unitId: z.string(), certificateNo: z.string(),
  nature: z.string().describe('房屋性质: always 配售型保障性住房 (第十八条)'), landNature: z.string().describe('土地性质: always 划拨 (第十八条)'),
  origin: z.string(), holderKind: z.string(), holderApplicationId: z.string().nullable(), holderMaskedName: z.string().nullable(), holderMaskedId: z.string().nullable(),
  contractId: z.string().nullable(), eventId: z.string().nullable(), exitId: z.string().nullable(),
  issuedOn: z.string(), supersededOn: z.string().nullable(), supersededBy: z.string().nullable(), recordedAt: z.string(),
});

export const FundAccountBody = z.object({
  accountNo: z.string().min(1).max(64).describe('维修资金分户账号'), bank: z.string().min(1).max(100), openedOn: isoDate,
  initialDepositFen: fen.optional().describe('首次缴存 in fen'), reference: z.string().min(1).max(100).optional().describe('defaults to the purchase contract number'),
});
export const FundEntryBody = z.object({
  kind: z.literal('deposit').describe('refunds are booked by the buyback (第二十九条), not here'),
  amountFen: fen, occurredOn: isoDate, reference: z.string().min(1).max(100).describe('a retry with the same reference posts nothing'), memo: z.string().min(1).max(200),
});
export const FundBalance = z.object({
  accountId: z.string(), accountNo: z.string(), bank: z.string(), depositsFen: z.number(), refundsFen: z.number(), balanceFen: z.number(),
  posted: z.boolean().optional().describe('false when the reference had been posted before'),
});
