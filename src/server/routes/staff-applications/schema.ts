/** Schemas of /api/staff/…: review queue, full records, decisions, results export. */
import { z } from 'zod';
import { ApplicationSummary } from '../my-applications/schema.js';

const district = z.string().regex(/^[0-9A-Z]{3,6}$/).optional().describe('district code; district staff: their own only');

export const QueueQuery = z.object({
  district,
  limit: z.coerce.number().int().min(1).max(200).optional(),
  after: z.string().max(200).optional().describe('cursor from the previous page'),
});

export const ListQuery = z.object({
  district,
  status: z.enum(['draft', 'submitted', 'returned', 'admitted', 'rejected', 'withdrawn', 'removed', 'lapsed', 'cancelled']).optional(),
  page: z.coerce.number().int().min(1).max(100_000).optional(),
  pageSize: z.coerce.number().int().min(1).max(200).optional(),
});

export const ExportQuery = z.object({ district });

export const ApproveBody = z.object({ note: z.string().max(1000).optional() });
export const ReasonBody = z.object({ reason: z.string().max(1000) });
export const RejectBody = z.object({
  reason: z.string().max(1000),
  scope: z.enum(['change', 'family']).optional().describe('for a change request: refuse the change only (default) or remove the family'),
});
export const CancelBody = z.object({
  reason: z.string().max(1000),
  evidence: z.array(z.object({
    description: z.string().max(1000),
    reference: z.string().max(200).optional(),
    department: z.enum(['property', 'civil_affairs', 'social_insurance', 'provident_fund', 'public_security', 'other']).optional(),
  })).max(20),
});
export const LookupBody = z.object({ idNumber: z.string().max(32) });

const Check = z.object({ department: z.string(), provider: z.string(), checkedAt: z.string(), result: z.unknown() });
const MemberFacts = z.object({
  idx: z.number(), relation: z.string(), birthDate: z.string(), sex: z.string(), hukouType: z.string(), hukouCity: z.string(),
});

export const QueueItem = z.object({
  id: z.string(), regCode: z.string(), districtCode: z.string(), districtName: z.string(), status: z.string(),
  kind: z.enum(['initial', 'change']), revision: z.number(), submittedAt: z.string().nullable(),
  maskedName: z.string().nullable(), maskedId: z.string().nullable(),
  verdict: z.unknown(), checks: z.array(Check), members: z.array(MemberFacts),
});
export const Queue = z.object({ items: z.array(QueueItem), next: z.string().nullable() });
export const StaffList = z.object({ items: z.array(ApplicationSummary), total: z.number(), page: z.number(), pageSize: z.number() });

export const Decision = z.object({
  id: z.string(), status: z.string(), regCode: z.string().optional(), noticeNo: z.string().nullable().optional(),
  admittedOn: z.string().nullable().optional(), kind: z.string().optional(),
}).loose();

export const LookupResult = z.object({
  found: z.boolean(),
  application: z.object({
    id: z.string(), regCode: z.string(), status: z.string(), districtCode: z.string(), districtName: z.string().nullable(), since: z.string(),
  }).nullable(),
});
