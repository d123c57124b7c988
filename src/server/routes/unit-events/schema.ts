/**
 * Schemas of unit events (济政发〔2025〕3号 第二十、二十二、二十三、二十五条). The body is checked again
 * by the command with its own schema (the command is the authority); this one documents it.
 */
import { z } from 'zod';
import { UNIT_EVENT_KINDS } from '../../../db/schema.js';

export const UnitParams = z.object({ id: z.uuid().describe('unit id') });

export const EvidenceItem = z.object({
  kind: z.enum(['document', 'data_check', 'inspection']).describe('document 文书 · data_check 部门数据核查 · inspection 现场核查'),
  ref: z.string().describe('文号、函号或巡查编号'),
  note: z.string().optional(),
});

export const EventBody = z.object({
  kind: z.enum(UNIT_EVENT_KINDS).describe('inheritance/divorce_division (第二十二条) · lease/use_change (第二十条) · extra_mortgage (第二十三条) · structure_alteration/legal_dispute (第二十五条)'),
  occurredOn: z.string().describe('the day of the change (YYYY-MM-DD), not in the future'),
  evidence: z.array(EvidenceItem).describe('at least one item'),
  note: z.string().optional(),
  newHolder: z.union([z.object({ regCode: z.string() }), z.object({ name: z.string(), idNumber: z.string() })]).optional()
    .describe('inheritance/divorce: a family of the scheme by registration code, or a person by name and ID number'),
  newTitle: z.object({ certificateNo: z.string(), issuedOn: z.string() }).optional()
    .describe('inheritance/divorce: the new title certificate registered for the new holder'),
});

const Holder = z.object({ kind: z.string(), applicationId: z.string().nullable(), regCode: z.string().nullable(), maskedName: z.string().nullable(), maskedId: z.string().nullable() });
export const CaseSummary = z.object({
  id: z.string(), caseNo: z.string(), kind: z.string(), status: z.string(), openedOn: z.string(), closedOn: z.string().nullable(), resolution: z.string().nullable(),
});
export const UnitEvent = z.object({
  id: z.string(), unitId: z.string(), kind: z.string(), article: z.string(), occurredOn: z.string(),
  evidence: z.array(EvidenceItem), note: z.string().nullable(), recordedAt: z.string(),
  newTitle: z.object({
    id: z.string(), certificateNo: z.string(), origin: z.string(), nature: z.string(), landNature: z.string(), issuedOn: z.string(),
    holder: Holder, resolvedToFamily: z.boolean(),
  }).nullable(),
  obligation: z.object({ id: z.string(), status: z.string(), unitsHeld: z.number(), changeOn: z.string(), deadlineOn: z.string() }).nullable(),
  case: CaseSummary.nullable(),
});
export const UnitEventList = z.object({ items: z.array(UnitEvent) });
