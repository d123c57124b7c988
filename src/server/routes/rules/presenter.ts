/** Shapes rules for GET /api/rules. */
import { z } from 'zod';
import type { Rule } from '../../../rules/registry.js';

const schemaCache = new Map<string, unknown>();

/** JSON Schema of a rule's input (what the evaluator accepts), or null if zod cannot express it. */
function inputSchemaOf(rule: Rule<unknown, unknown>): unknown {
  if (!schemaCache.has(rule.id)) {
    let s: unknown = null;
    try {
      s = z.toJSONSchema(rule.input, { io: 'input', unrepresentable: 'any' });
    } catch {
      s = null;
    }
    schemaCache.set(rule.id, s);
  }
  return schemaCache.get(rule.id);
}

/** One rule as listed: id, title, citations, parameters read, input schema. */
export function presentRule(rule: Rule<unknown, unknown>) {
  return { id: rule.id, title: rule.title, citations: rule.citations, params: rule.params, inputSchema: inputSchemaOf(rule) };
}
