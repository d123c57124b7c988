/** Schemas of the family's selection routes (docs/CONTRACT.md "HTTP API of the sale"; 第十一、十六条). */
import { z } from 'zod';
import { GridBuilding } from '../projects/schema.js';

export const TurnQuery = z.object({ projectId: z.uuid().optional().describe('the project whose turn to show; default: the open turn closing first') });
export const UnitBody = z.object({ unitId: z.uuid() });
export const RefuseBody = z.object({ registrationId: z.uuid(), note: z.string().max(500).optional() });

const ts = z.string().describe('ISO 8601');

/** A selection with its unit. */
export const Selection = z.object({
  id: z.string(), projectId: z.string(), unitId: z.string(), status: z.enum(['locked', 'signed', 'released']), kind: z.enum(['round', 'rolling', 'transfer']).describe('transfer: an internal transfer (第二十四条)'),
  lockedAt: ts, registrationId: z.string().nullable(), batchId: z.string().nullable(),
  unit: z.object({
    id: z.string(), buildingName: z.string(), floor: z.number(), number: z.string(), area: z.string(), layout: z.string(), orientation: z.string(),
    priceFen: z.number().nullable(),
  }),
});

/** GET /api/my/selection: null when the family has no turn in an open batch. */
export const Turn = z.object({
  projectId: z.string(), project: z.object({ id: z.string(), code: z.string(), name: z.string(), status: z.string() }), mode: z.literal('round'),
  registrationId: z.string(), rank: z.number(), outcome: z.enum(['waiting', 'selected', 'refused', 'no_show']),
  open: z.boolean().describe('the family may still choose: waiting and before closesAt'),
  batch: z.object({ id: z.string(), batchNo: z.number(), opensAt: ts, closesAt: ts }), closesAt: ts,
  selection: Selection.nullable().describe('the unit the family holds, if any (anywhere)'),
  grid: z.array(GridBuilding),
  otherTurns: z.array(z.object({ projectId: z.string(), projectName: z.string(), batchNo: z.number(), closesAt: ts, outcome: z.string() })),
}).nullable();

export const Refused = z.object({ registrationId: z.string(), batchId: z.string(), outcome: z.literal('refused'), changed: z.boolean() });
