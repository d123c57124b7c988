/**
 * Schemas of the exit routes (济政发〔2025〕3号 第二十四至二十七条). Money is integer fen (fields end in
 * `Fen`), dates ISO `YYYY-MM-DD`. The commands check the same fields again and name them in 400s.
 */
import { z } from 'zod';
import { EXIT_ORIGINS, EXIT_ROUTES, EXIT_STATUSES } from '../../../db/schema.js';

export const IdParams = z.object({ id: z.uuid().describe('unit or exit application id') });
export const InspectionParams = z.object({
  id: z.uuid().describe('exit application id'),
  item: z.enum(['use_unchanged', 'structure_unaltered']).describe('第二十五条(二): use_unchanged 未改变房屋居住用途 · structure_unaltered 房屋结构无拆改'),
});

const flag = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');
export const BoardQuery = z.object({
  status: z.enum(EXIT_STATUSES).optional().describe('default: every open status'),
  overdue: flag.optional().describe('1: only those past their due date (第二十六条: 原则上半年内完成)'),
});

export const FileBody = z.object({
  route: z.enum(EXIT_ROUTES).describe('buyback 政府回购 · internal_transfer 轮候家庭内部流转 (第二十四条)'),
  origin: z.enum(['multi_unit', 'fraud']).describe('multi_unit: the extra unit of 第二十二条 · fraud: 第三十一条(三)'),
  obligationId: z.uuid().optional().describe('the 第二十二条 obligation this exit meets (default: the holder\'s open one)'),
});
export const ApplyBody = z.object({
  unitId: z.uuid().describe('the unit my family holds'),
  route: z.enum(EXIT_ROUTES).describe('buyback 政府回购 · internal_transfer 轮候家庭内部流转 (第二十四条)'),
});
export const InspectionBody = z.object({
  ok: z.boolean().describe('the inspection found the condition met'),
  inspector: z.string().min(1).max(100),
  inspectedOn: z.string().describe('YYYY-MM-DD, not after today'),
  reportNo: z.string().min(1).max(100),
  note: z.string().max(1000).optional(),
});
const cpi = z.string().regex(/^\d+(?:\.\d{1,6})?$/).nullable().optional();
export const AcceptBody = z.object({
  cpiAtPurchase: cpi.describe('price index at purchase; only while the method\'s price-level switch (K) is on'),
  cpiAtValuation: cpi.describe('price index at valuation; only while K is on'),
}).nullish();
export const RefuseBody = z.object({ reason: z.string().max(1000).describe('why, as the family will read it') });

const Reason = z.object({ code: z.string(), article: z.string() });
/** Rule housing.exit-eligibility's result with its trace, the day it was evaluated and the facts' source. */
export const Eligibility = z.object({
  value: z.object({ eligible: z.boolean(), earliestDate: z.string(), reasons: z.array(Reason) }),
  trace: z.array(z.record(z.string(), z.unknown())), citations: z.array(z.unknown()), asOf: z.string(), source: z.string(),
});

/** One exit application in short (without its eligibility). */
const ExitShort = z.object({
  id: z.string(), exitNo: z.string(), unitId: z.string(), unitLabel: z.string(), projectName: z.string(),
  project: z.object({ id: z.string(), code: z.string(), name: z.string(), level: z.string(), districtCode: z.string() }),
  certificateNo: z.string(), holderMaskedName: z.string().nullable(),
  route: z.enum(EXIT_ROUTES), origin: z.enum(EXIT_ORIGINS), status: z.enum(EXIT_STATUSES), obligationId: z.string().nullable(),
  submittedOn: z.string(), acceptedOn: z.string().nullable(), dueOn: z.string().nullable(),
  daysLeft: z.number().nullable().describe('days from today to dueOn; negative once overdue'), overdue: z.boolean(),
  decisionReason: z.string().nullable(), valuedOn: z.string().nullable(), priceFen: z.number().nullable(), completedOn: z.string().nullable(),
});
/** One exit application in short, with its eligibility in full. */
export const Exit = ExitShort.extend({ eligibility: Eligibility });
/** One row of the board (第二十六条): the eligibility's verdict only; the trace is in the detail. */
export const BoardRow = ExitShort.extend({
  eligibility: z.object({ eligible: z.boolean(), earliestDate: z.string() }).describe('rule housing.exit-eligibility\'s verdict (第二十四条); GET /api/exits/:id has the trace'),
});
export const ExitList = z.object({ items: z.array(Exit) });
export const BoardList = z.object({ items: z.array(BoardRow) });

export const Check = z.object({
  item: z.string(), label: z.string(), article: z.string(), ok: z.boolean().nullable(), source: z.enum(['data_check', 'inspection']).nullable(),
  evidence: z.record(z.string(), z.unknown()).nullable(), recordedAt: z.string().nullable(),
});
export const CheckList = z.object({ items: z.array(Check) });

const Line = z.object({ name: z.string(), label: z.string(), value: z.union([z.string(), z.number(), z.boolean()]), reference: z.string().nullable() });
export const ExitDetail = Exit.extend({
  checks: z.array(Check),
  valuation: z.object({
    valuedOn: z.string(), priceFen: z.number(), lines: z.array(Line), components: z.record(z.string(), z.unknown()),
    sources: z.record(z.string(), z.unknown()), trace: z.array(z.unknown()),
  }).nullable(),
  contract: z.record(z.string(), z.unknown()).nullable(),
  payments: z.array(z.record(z.string(), z.unknown())),
  vacating: z.array(z.record(z.string(), z.unknown())),
  transferOffer: z.record(z.string(), z.unknown()).nullable(),
  transfer: z.object({ titleId: z.string(), certificateNo: z.string(), issuedOn: z.string() }).nullable()
    .describe('第二十九条: the transfer to the government once registered (buyback only)'),
  vacatingExpected: z.array(z.string()).describe('第二十九条: the vacating items the checklist in force today expects (params housing.closed-loop.vacating_items); [] for an internal transfer'),
});
