/**
 * `quancheng rules list` and `quancheng rules eval <rule-id> --as-of YYYY-MM-DD --input <file|->`:
 * the pure rules, open to auditors and tests. Bad input exits 2 with the field named in
 * Chinese and English on stderr.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { type Citation, formatCitation } from '../../rules/core/citation.js';
import { isIsoDate, todayInShanghai } from '../../rules/core/dates.js';
import { type InputProblem, evaluateRule, rules } from '../../rules/registry.js';
import { fieldLabelEn, fieldLabelZh } from '../../server/field-labels.js';

/** "济政发〔2025〕3号 第五条、第六条" — citations grouped by document. */
export function formatCitations(citations: Citation[]): string {
  const byDoc = new Map<string, string[]>();
  for (const c of citations) byDoc.set(c.doc, [...(byDoc.get(c.doc) ?? []), formatCitation(c).slice(c.doc.length + 1)]);
  return [...byDoc].map(([doc, arts]) => `${doc} ${arts.join('、')}`).join('；');
}

/** One stderr line per problem: the field in Chinese and English, then the message in both. */
export function formatProblem(p: InputProblem): string {
  return `${fieldLabelZh(p.field)}：${p.message_zh} / ${fieldLabelEn(p.field)}: ${p.message_en}`;
}

class InputFailure extends Error {
  constructor(readonly problem: InputProblem) {
    super(problem.message_en);
  }
}

function readInput(source: string): unknown {
  let text: string;
  try {
    text = readFileSync(source === '-' ? 0 : source, 'utf8');
  } catch (e) {
    throw new InputFailure({ field: 'input', code: 'unreadable', message_zh: `无法读取 ${source}`, message_en: `cannot read ${source}: ${(e as Error).message}` });
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InputFailure({ field: 'input', code: 'invalid_json', message_zh: '不是合法的 JSON', message_en: `not valid JSON (${(e as Error).message})` });
  }
}

function fail(problems: InputProblem[]): void {
  for (const p of problems) process.stderr.write(`${formatProblem(p)}\n`);
  process.exitCode = 2;
}

/** Registers `rules list` and `rules eval`. */
export function registerRules(program: Command): void {
  const cmd = program.command('rules').description('规则 Rules: list them, evaluate one on an input');

  cmd
    .command('list')
    .description('列出全部规则及其依据 List every rule with its citation')
    .action(() => {
      for (const r of Object.values(rules)) process.stdout.write(`${r.id}\t${formatCitations(r.citations)}\t${r.title}\n`);
    });

  cmd
    .command('eval <ruleId>')
    .description('以 JSON 输入评估规则 Evaluate a rule on a JSON input; prints {value, trace, citations}')
    .option('--as-of <date>', '评估日期 YYYY-MM-DD (default: today in Asia/Shanghai)')
    .requiredOption('--input <file|->', 'JSON 输入文件，"-" 为标准输入 / JSON input file, "-" for stdin')
    .action((ruleId: string, o: { asOf?: string; input: string }) => {
      const asOf = o.asOf ?? todayInShanghai(new Date());
      if (!isIsoDate(asOf)) return fail([{ field: 'asOf', code: 'invalid_date', message_zh: '须为有效的 YYYY-MM-DD 日期', message_en: 'must be a calendar date YYYY-MM-DD' }]);
      let input: unknown;
      try {
        input = readInput(o.input);
      } catch (e) {
        if (e instanceof InputFailure) return fail([e.problem]);
        throw e;
      }
      const out = evaluateRule(ruleId, input, asOf);
      if (!out.ok) return fail(out.problems);
      const { value, trace, citations } = out.result;
      process.stdout.write(`${JSON.stringify({ value, trace, citations }, null, 2)}\n`);
    });
}
