/**
 * The trace every rule returns: each test it made, on which article, with which parameter versions.
 */
import { type ParamValue, param } from '../../params/load.js';
import type { Citation } from './citation.js';

export type { Citation } from './citation.js';

/** One test a rule made. `params` names the parameter versions it read. */
export type TraceStep = {
  rule: string;
  article: string;
  test: string;
  value: unknown;
  passed?: boolean;
  params?: Record<string, { value: unknown; version: string }>;
};

/** What every rule returns. */
export type RuleResult<T> = { value: T; trace: TraceStep[]; citations: Citation[] };

/** A parameter as a rule read it, kept so the trace can say which version decided. */
export type ParamUse<T extends ParamValue = ParamValue> = { name: string; value: T; version: string; reference: string };

/** Collects the steps of one evaluation. */
export class Tracer {
  readonly steps: TraceStep[] = [];

  constructor(readonly rule: string, readonly asOf: string) {}

  /** Reads a parameter on the evaluation date. */
  param<T extends ParamValue>(name: string): ParamUse<T> {
    return { name, ...param<T>(name, this.asOf) };
  }

  /** Records a test, with the parameter versions it read. */
  step(article: string, test: string, value: unknown, passed?: boolean, params: ParamUse[] = []): void {
    const s: TraceStep = { rule: this.rule, article, test, value };
    if (passed !== undefined) s.passed = passed;
    if (params.length) s.params = Object.fromEntries(params.map((p) => [p.name, { value: p.value, version: p.version }]));
    this.steps.push(s);
  }
}
