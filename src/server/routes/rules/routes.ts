/**
 * /api/rules: list the rules and evaluate one on any input and date, the same evaluator as
 * `quancheng rules eval`. Open to everyone: the rules are public law, and evaluating one
 * touches no personal data.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { evaluateRule, rules } from '../../../rules/registry.js';
import type { AppDeps } from '../../deps.js';
import { HttpError, notFound } from '../../errors.js';
import { fieldLabelEn, fieldLabelZh } from '../../field-labels.js';
import { guard } from '../../pipeline.js';
import { presentRule } from './presenter.js';
import { EvalBody, EvalParams, EvalResult, RuleInfo } from './schema.js';

/** Registers the rules routes. */
export function ruleRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/rules', {
    preValidation: guard('rules.read'),
    schema: { tags: ['rules'], summary: '全部规则 Every rule with its citations', response: { 200: z.array(RuleInfo) } },
  }, async () => Object.values(rules).map(presentRule));

  r.post('/api/rules/:ruleId/eval', {
    preValidation: guard('rules.eval'),
    schema: {
      tags: ['rules'], summary: '按条文评估规则 Evaluate a rule: value, trace, citations',
      params: EvalParams, body: EvalBody, response: { 200: EvalResult },
    },
  }, async (req) => {
    const { ruleId } = req.params;
    if (!Object.hasOwn(rules, ruleId)) throw notFound(`规则 ${ruleId} `, `rule ${ruleId}`);
    const asOf = req.body.asOf ?? deps.clock.today();
    const out = evaluateRule(ruleId, req.body.input, asOf);
    if (out.ok) return out.result as z.infer<typeof EvalResult>;
    const issues = out.problems.map((p) => {
      const field = ['input', p.field].filter(Boolean).join('.');
      return {
        field, field_zh: fieldLabelZh(field), code: p.code,
        message: `${fieldLabelEn(field)}: ${p.message_en}`, message_zh: `${fieldLabelZh(field)}：${p.message_zh}`,
      };
    });
    const first = issues[0]!;
    throw new HttpError(400, 'VALIDATION', first.message_zh, first.message, { field: first.field, field_zh: first.field_zh, in: 'body', issues });
  });
}
