import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluateRule, rules } from './registry.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DOCS = `${ROOT}docs/rules/`;
const EXAMPLE = /```sh\nnpx quancheng rules eval (\S+) --as-of (\S+) --input (\S+)\n```[\s\S]*?```json\n([\s\S]*?)\n```/g;

const docs = readdirSync(DOCS).filter((f) => f.endsWith('.md'));
const examples = docs.flatMap((doc) =>
  [...readFileSync(DOCS + doc, 'utf8').matchAll(EXAMPLE)].map((m) => ({ doc, rule: m[1]!, asOf: m[2]!, input: m[3]!, shown: m[4]! })),
);

describe('docs/rules: the worked examples print what the rules compute', () => {
  it('every rule has a page with two worked examples', () => {
    expect(docs.sort()).toEqual(Object.keys(rules).map((id) => `${id}.md`).sort());
    for (const id of Object.keys(rules)) expect(examples.filter((e) => e.rule === id)).toHaveLength(2);
  });

  it.each(examples.map((e) => [`${e.doc}: ${e.input} on ${e.asOf}`, e] as const))('%s', (_name, e) => {
    const out = evaluateRule(e.rule, JSON.parse(readFileSync(ROOT + e.input, 'utf8')), e.asOf);
    if (!out.ok) throw new Error(JSON.stringify(out.problems));
    const { value, trace, citations } = out.result;
    expect(JSON.parse(e.shown)).toEqual({ value, trace, citations });
  });
});
