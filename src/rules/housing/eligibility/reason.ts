/**
 * Reasons: what the family and the clerk read, one per condition, obligation or priority,
 * each with its article. Every reason is also a step of the trace.
 */
import type { ParamUse, Tracer } from '../../core/trace.js';

/**
 * condition: must pass; category: at least one of the 第五条 categories must pass;
 * obligation: a duty that comes with admission (第十五条); priority: a 第六条 flag.
 */
export type ReasonKind = 'condition' | 'category' | 'obligation' | 'priority';

export type Reason = {
  code: string;
  article: string;
  passed: boolean;
  kind: ReasonKind;
  message_zh: string;
  message_en: string;
};

/** Records the test in the trace and returns the reason. */
export function reason(
  t: Tracer,
  r: Reason & { value: unknown; params?: ParamUse[] },
): Reason {
  const { value, params, ...out } = r;
  t.step(out.article, out.code, value, out.passed, params ?? []);
  return out;
}
