/** Schemas of the public sale routes (no sign-in; docs/CONTRACT.md "HTTP API of the sale"). */
import { z } from 'zod';
import { GridBuilding } from '../projects/schema.js';

export const CodeParams = z.object({ code: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).describe('project code, e.g. JN-2026-001') });
export const DrawParams = z.object({ drawId: z.uuid().describe('draw id') });
export const RanksQuery = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).optional(),
  pageSize: z.coerce.number().int().min(1).max(200).optional(),
  q: z.string().max(64).optional().describe('a registration number (entrant_id), exact'),
});

const Quota = z.union([z.number(), z.literal('all')]);

export const ProjectSummary = z.object({
  id: z.string(), code: z.string(), name: z.string(), districtCode: z.string(), district: z.string(), level: z.string(), saleMode: z.string(),
  status: z.string(), address: z.string(), round: z.number(), noticeNo: z.string().nullable(), registrationOpensAt: z.string(),
  registrationClosesAt: z.string(), drawOn: z.string(), depositFen: z.number(), unitsOffered: z.number(), unitsSold: z.number(),
});
export const ProjectList = z.object({ items: z.array(ProjectSummary) });

export const PublicDraw = z.object({
  id: z.string(), round: z.number(), attempt: z.number(), status: z.string(), pools: z.array(z.object({ label: z.string(), quota: Quota })),
  listDigest: z.string(), commitment: z.string(), entrantCount: z.number(), frozenAt: z.string(), beacon: z.string().nullable(),
  seed: z.string().nullable(), serverSecret: z.string().nullable(), drawnAt: z.string().nullable(), voidReason: z.string().nullable(),
  voidedAt: z.string().nullable(),
});

export const ProjectDetail = z.object({
  project: z.object({
    id: z.string(), code: z.string(), name: z.string(), districtCode: z.string(), district: z.string(), level: z.string(), saleMode: z.string(),
    status: z.string(), address: z.string(), deliveryOn: z.string().nullable(), propertyService: z.string().nullable(),
  }),
  plan: z.object({
    id: z.string(), round: z.number(), noticeNo: z.string().nullable(), publishedAt: z.string().nullable(), registrationOpensAt: z.string(),
    registrationClosesAt: z.string(), drawOn: z.string(), depositFen: z.number(), pools: z.array(z.unknown()), batchSize: z.number(),
    windowMinutes: z.number(), contractDeadlineDays: z.number(), documents: z.string().nullable(),
  }),
  grid: z.array(GridBuilding),
  draws: z.array(PublicDraw),
});

/** GET /api/public/draws/:drawId: one draw with its project, for the ranks and verify pages. */
export const DrawSummary = PublicDraw.extend({
  projectCode: z.string(), projectName: z.string(), noticeNo: z.string().nullable(),
  files: z.object({ entrantsTsv: z.string(), lotteryJson: z.string().nullable() }),
});

export const RankRow = z.object({
  rank: z.number(), entrantId: z.string(), pool: z.string(), maskedName: z.string(), maskedId: z.string(), district: z.string(),
});
export const RanksPage = z.object({
  drawId: z.string(), status: z.string(), items: z.array(RankRow), total: z.number(), page: z.number(), pageSize: z.number(),
});
