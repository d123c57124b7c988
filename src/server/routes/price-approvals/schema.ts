/** Schemas of the price routes (第十二条). The body is the command's own schema. */
import { z } from 'zod';
import { PricesInput } from '../../../commands/pricing/index.js';

export const IdParams = z.object({ id: z.uuid().describe('price approval id (project id for POST /api/projects/:id/prices)') });
export const PricesBody = PricesInput;
export const ApproveBody = z.object({ note: z.string().max(1000).optional() }).nullish();
export const RejectBody = z.object({ reason: z.string().max(1000) });

const iso = z.string().nullable();
export const Approval = z.object({
  id: z.string(), projectId: z.string(), status: z.string(), basePricePerM2Fen: z.number(), floatRange: z.string(), scheduleSha256: z.string(),
  submittedAt: z.string(), districtApprovedAt: iso, cityApprovedAt: iso, rejectedReason: iso, approvalNo: iso,
  lines: z.array(z.object({
    unitId: z.string(), building: z.string().optional(), number: z.string().optional(), floor: z.number().optional(), area: z.string().optional(),
    coefficient: z.string(), priceFen: z.number(),
  })),
});
