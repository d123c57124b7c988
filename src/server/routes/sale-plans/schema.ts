/** Schemas of the sale plan routes (配售方案, 第十条). The body is the command's own schema. */
import { z } from 'zod';
import { PlanInput } from '../../../commands/sale-plans/index.js';

export const IdParams = z.object({ id: z.uuid().describe('sale plan id (project id for POST /api/projects/:id/plans)') });
export const PlanBody = PlanInput;
export const ApproveBody = z.object({ note: z.string().max(1000).optional() }).nullish();
export const RejectBody = z.object({ reason: z.string().max(1000) });

const iso = z.string().nullable();
export const Plan = z.object({
  id: z.string(), projectId: z.string(), round: z.number(), status: z.string(),
  registrationOpensAt: z.string(), registrationClosesAt: z.string(), drawOn: z.string(), depositFen: z.number(),
  pools: z.array(z.object({ label: z.string(), share: z.string().optional(), quota: z.union([z.number(), z.literal('all')]).optional(), eligibility: z.string() })),
  batchSize: z.number(), windowMinutes: z.number(), contractDeadlineDays: z.number(), documents: iso,
  submittedAt: iso, approvedAt: iso, rejectedReason: iso, noticeNo: iso, publishedAt: iso, createdAt: z.string(),
  noticePdf: z.string(),
  offered: z.number().optional().describe('publish: units offered by this call'),
});
