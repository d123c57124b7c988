/** Schemas of the staff selection routes (docs/CONTRACT.md "HTTP API of the sale"; 第十一、十六条). */
import { z } from 'zod';
import { TARGET_USES } from '../../../commands/selection/index.js';

export const DrawParams = z.object({ id: z.uuid().describe('draw id') });
export const BatchParams = z.object({ id: z.uuid().describe('selection batch id') });
export const ProjectParams = z.object({ id: z.uuid().describe('project id') });
export const UnitParams = z.object({ id: z.uuid().describe('unit id') });

export const OpenBody = z.object({
  batchNo: z.number().int().positive().optional().describe('the number of the batch to open; a retry with the same number returns that batch'),
}).nullish().describe('optional; a POST without a body arrives as null');
export const MarkBody = z.object({
  batchId: z.uuid(), registrationId: z.uuid(),
  outcome: z.enum(['no_show', 'refused']).describe('no_show 未到场 · refused 放弃 (after choosing: the unit goes back)'),
  note: z.string().max(500).optional(),
});
export const ConversionBody = z.object({
  targetUse: z.enum(TARGET_USES).describe('public_rental 公共租赁住房 · affordable_rental 保障性租赁住房 · talent_apartment 人才公寓 · other 其他'),
  decisionNo: z.string().max(100).describe('the government decision (同级政府批准文号)'),
  reason: z.string().max(1000),
});

const ts = z.string().describe('ISO 8601');
export const Batch = z.object({
  id: z.string(), drawId: z.string(), projectId: z.string(), batchNo: z.number(), fromRank: z.number(), toRank: z.number(),
  opensAt: ts, closesAt: ts, status: z.string(), closedAt: ts.nullable(),
});
export const Opened = Batch.extend({ called: z.number().describe('families called'), closedBatchNo: z.number().nullable().describe('the batch closed to open this one') });
export const Closed = Batch.extend({ noShows: z.number() });
export const Marked = z.object({ batchId: z.string(), registrationId: z.string(), outcome: z.string(), changed: z.boolean() });

const Call = z.object({
  registrationId: z.string(), regNo: z.string(), rank: z.number(), pool: z.string().nullable(), maskedName: z.string().nullable(),
  outcome: z.enum(['waiting', 'selected', 'refused', 'no_show']), at: ts.nullable(), note: z.string().nullable(),
  unit: z.object({ id: z.string(), buildingName: z.string(), number: z.string() }).nullable(), unitLabel: z.string().nullable(),
  selectionStatus: z.string().nullable().describe('locked · signed · released'),
});
export const Board = z.object({
  project: z.object({ id: z.string(), code: z.string(), name: z.string(), status: z.string(), level: z.string(), districtCode: z.string() }),
  projectStatus: z.string(), drawId: z.string().nullable(),
  draw: z.object({ id: z.string(), round: z.number(), attempt: z.number(), status: z.string(), entrantCount: z.number() }).nullable(),
  units: z.record(z.string(), z.number()).describe('units by status'), unitsLeft: z.number(),
  remaining: z.number().describe('ranked families not yet called who could still buy'), openBatchId: z.string().nullable(),
  ranks: z.object({ total: z.number(), calledThrough: z.number() }),
  batches: z.array(Batch.omit({ drawId: true, projectId: true }).extend({ calls: z.array(Call) })),
  rolling: z.array(z.object({ id: z.string(), maskedName: z.string().nullable(), unit: z.string(), status: z.string(), lockedAt: ts })),
});
export const Rolling = z.object({ id: z.string(), code: z.string(), name: z.string(), status: z.string() });
export const Converted = z.object({
  id: z.string(), unitId: z.string(), projectId: z.string(), targetUse: z.string(), decisionNo: z.string(), reason: z.string(),
  unsoldDays: z.number(), decidedBy: z.string(), decidedAt: ts,
});
