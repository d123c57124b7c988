/** Schemas of the staff draw routes (docs/CONTRACT.md "HTTP API of the sale"). */
import { z } from 'zod';

export const ProjectParams = z.object({ id: z.uuid().describe('project id') });
export const DrawParams = z.object({ id: z.uuid().describe('draw id') });
export const BeaconBody = z.object({
  beacon: z.string().max(1024).describe('the external beacon entered on draw day: 1–256 UTF-8 bytes, no line feed (QLOT-1 section 3)'),
});
export const VoidBody = z.object({ reason: z.string().max(1000).describe('why the draw is voided; published beside it') });

const Pool = z.object({ label: z.string(), quota: z.union([z.number(), z.literal('all')]), eligibility: z.enum(['priority', 'all']) });

/** POST /api/projects/:id/draws/freeze */
export const Frozen = z.object({
  id: z.string(), projectId: z.string(), round: z.number(), attempt: z.number(), status: z.string(),
  listDigest: z.string(), commitment: z.string(), entrantCount: z.number(), pools: z.array(Pool),
});
/** POST /api/draws/:id/draw */
export const Drawn = z.object({
  id: z.string(), status: z.literal('drawn'), beacon: z.string(), seed: z.string(),
  ranks: z.number().describe('ranks written (one per entrant)'), notified: z.number().describe('families sent their rank'),
});
/** POST /api/draws/:id/void */
export const Voided = z.object({ id: z.string(), status: z.literal('void'), voidReason: z.string(), attempt: z.number() });
/** GET /api/draws/:id */
export const DrawDetail = z.object({
  id: z.string(), projectId: z.string(), projectCode: z.string(), projectName: z.string(), planId: z.string(), noticeNo: z.string().nullable(),
  round: z.number(), attempt: z.number(), status: z.string(), pools: z.array(Pool), entrantCount: z.number(),
  listDigest: z.string(), commitment: z.string(), frozenAt: z.string(), beacon: z.string().nullable(), seed: z.string().nullable(),
  serverSecret: z.string().nullable(), drawnAt: z.string().nullable(), voidReason: z.string().nullable(), voidedAt: z.string().nullable(),
  rankCount: z.number(),
  files: z.object({ entrantsTsv: z.string(), lotteryJson: z.string().nullable() }),
});
