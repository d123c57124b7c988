/**
 * What every rule of 济政发〔2025〕3号 shares: the in-force check and the citations.
 */
import { ParamNotInForceError } from '../../params/load.js';
import { type Citation, cite } from '../core/citation.js';
import { isIsoDate } from '../core/dates.js';
import { RuleInputError } from '../core/errors.js';
import type { Tracer } from '../core/trace.js';

export const MEASURE = 'jizhengfa-2025-3';

/** 济政发〔2025〕3号, article `no`. */
export const art = (no: number, clause?: string): Citation => cite(MEASURE, no, clause);

/**
 * Refuses an evaluation date that is malformed or before the measure is in force
 * (第三十四条, parameter housing.measure.in_force), so no rule reads a parameter before it starts.
 */
export function requireInForce(t: Tracer): void {
  if (!isIsoDate(t.asOf)) throw new RuleInputError('asOf', '评估日期须为有效的 YYYY-MM-DD', 'asOf must be a calendar date YYYY-MM-DD');
  try {
    const p = t.param<boolean>('housing.measure.in_force');
    t.step('第三十四条', 'measure in force on asOf', t.asOf, p.value, [p]);
  } catch (e) {
    if (!(e instanceof ParamNotInForceError)) throw e;
    throw new RuleInputError(
      'asOf',
      `评估日期 ${t.asOf} 早于《济南市保障性住房配售和封闭管理办法》施行日期 ${e.firstDate}（第三十四条）`,
      `asOf ${t.asOf} is before the measure is in force (${e.firstDate}, 第三十四条)`,
    );
  }
}
