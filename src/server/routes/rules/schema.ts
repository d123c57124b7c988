/** Schemas of /api/rules: the rules evaluator open to auditors, tests and the public. */
import { z } from 'zod';

const isCalendarDate = (s: string) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

export const Citation = z.object({
  doc: z.string(), docId: z.string(), article: z.string(), articleNo: z.number(), clause: z.string().optional(),
});

export const RuleInfo = z.object({
  id: z.string(), title: z.string(), citations: z.array(Citation), params: z.array(z.string()),
  inputSchema: z.unknown().describe('JSON Schema of the input'),
});

export const EvalParams = z.object({ ruleId: z.string().regex(/^[a-z0-9.-]{1,64}$/) });

export const EvalBody = z.object({
  asOf: z.string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD / date must be YYYY-MM-DD')
    .refine(isCalendarDate, '不是有效日期 / not a calendar date')
    .optional()
    .describe('evaluation date (Asia/Shanghai), default today'),
  input: z.unknown().describe("the rule's input (see GET /api/rules → inputSchema)"),
});

export const TraceStep = z.object({
  rule: z.string(), article: z.string(), test: z.string(), value: z.unknown(), passed: z.boolean().optional(),
  params: z.record(z.string(), z.object({ value: z.unknown(), version: z.string() })).optional(),
});

export const EvalResult = z.object({ value: z.unknown(), trace: z.array(TraceStep), citations: z.array(Citation) });
