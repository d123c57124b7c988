/**
 * Every rule of the platform, by id (docs/CONTRACT.md). Callers validate input with
 * `rule.input` (or {@link evaluateRule}) before `rule.evaluate`.
 */
import type { ZodType } from 'zod';
import type { Citation } from './core/citation.js';
import { RuleInputError } from './core/errors.js';
import type { RuleResult } from './core/trace.js';
import { eligibilityRule } from './housing/eligibility.js';
import { waitlistStatusRule } from './housing/waitlist-status.js';
import { downPaymentRule } from './housing/down-payment.js';
import { unitPriceRule } from './housing/unit-price.js';
import { conversionRule } from './housing/conversion.js';
import { exitEligibilityRule } from './housing/exit-eligibility.js';
import { buybackPriceRule } from './housing/buyback-price.js';
import { buybackPaymentsRule } from './housing/buyback-payments.js';
import { resaleFloorRule } from './housing/resale-floor.js';
import { multiUnitDeadlineRule } from './housing/multi-unit-deadline.js';

/** A pure rule: input schema, citations, the parameters it reads, and evaluate(input, asOf). */
export interface Rule<I, O> {
  id: string;
  title: string;
  citations: Citation[];
  input: ZodType<I>;
  params: string[];
  evaluate(input: I, asOf: string): RuleResult<O>;
}

export const rules: Record<string, Rule<any, any>> = {
  [eligibilityRule.id]: eligibilityRule,
  [waitlistStatusRule.id]: waitlistStatusRule,
  [unitPriceRule.id]: unitPriceRule,
  [downPaymentRule.id]: downPaymentRule,
  [conversionRule.id]: conversionRule,
  [exitEligibilityRule.id]: exitEligibilityRule,
  [buybackPriceRule.id]: buybackPriceRule,
  [buybackPaymentsRule.id]: buybackPaymentsRule,
  [resaleFloorRule.id]: resaleFloorRule,
  [multiUnitDeadlineRule.id]: multiUnitDeadlineRule,
};

/** One problem with an input, naming the field as a dotted path ("members.0.idNumber"). */
export type InputProblem = { field: string; code: string; message_zh: string; message_en: string };

export type EvaluateOutcome<O> =
  | { ok: true; result: RuleResult<O> }
  | { ok: false; status: 'unknown_rule' | 'invalid_input'; problems: InputProblem[] };

type Issue = { code: string; message: string; path: PropertyKey[]; values?: unknown[]; expected?: string; params?: Record<string, unknown> };

// zod does not report the input it rejected, so "missing" is read from the raw input itself.
function isMissing(raw: unknown, path: PropertyKey[]): boolean {
  let v: unknown = raw;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return true;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v === undefined;
}

function describe(issue: Issue, raw: unknown): [string, string] {
  const p = issue.params as { message_zh?: string; message_en?: string } | undefined;
  if (p?.message_zh && p.message_en) return [p.message_zh, p.message_en];
  // Built-in checks keep only the text of bilingual(): "zh / en".
  const split = /^(\p{Script=Han}.*?) \/ (.+)$/u.exec(issue.message);
  if (split) return [split[1]!, split[2]!];
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && isMissing(raw, issue.path)) return ['缺少此项', 'is required'];
  if (issue.code === 'invalid_value' && issue.values) {
    const list = issue.values.map(String).join(' | ');
    return [`取值无效，应为 ${list}`, `must be one of ${list}`];
  }
  if (issue.code === 'invalid_type') return [`类型不正确，应为 ${issue.expected}`, `must be of type ${issue.expected}`];
  return ['取值无效', issue.message];
}

/**
 * Validates raw input against the rule's schema and evaluates it.
 * Rule-level input errors (RuleInputError) come back as problems too; other errors propagate.
 */
export function evaluateRule(id: string, raw: unknown, asOf: string): EvaluateOutcome<unknown> {
  const rule = Object.hasOwn(rules, id) ? rules[id] : undefined;
  if (!rule) return { ok: false, status: 'unknown_rule', problems: [{ field: 'ruleId', code: 'unknown_rule', message_zh: `没有规则 ${id}`, message_en: `no rule ${id}` }] };
  const parsed = rule.input.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => {
      const [zh, en] = describe(i as Issue, raw);
      return { field: i.path.map(String).join('.'), code: i.code, message_zh: zh, message_en: en };
    });
    return { ok: false, status: 'invalid_input', problems };
  }
  try {
    return { ok: true, result: rule.evaluate(parsed.data, asOf) };
  } catch (e) {
    if (!(e instanceof RuleInputError)) throw e;
    return { ok: false, status: 'invalid_input', problems: [{ field: e.field, code: 'rule_input', message_zh: e.message_zh, message_en: e.message_en }] };
  }
}
