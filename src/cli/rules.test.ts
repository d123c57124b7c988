import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { todayInShanghai } from '../rules/core/dates.js';
import { family, idNumber, member } from '../rules/housing/eligibility/family.fixture.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin/quancheng.js');
const dir = mkdtempSync(join(tmpdir(), 'qc-cli-'));

function cli(args: string[], stdin?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, input: stdin, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
function file(name: string, content: unknown): string {
  const p = join(dir, name);
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
}

describe('quancheng rules (spawned)', () => {
  it('rules list prints every rule id with its citation', () => {
    const r = cli(['rules', 'list']);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines.map((l) => l.split('\t')[0])).toEqual([
      'housing.eligibility', 'housing.waitlist-status', 'housing.unit-price', 'housing.down-payment', 'housing.conversion',
      'housing.exit-eligibility', 'housing.buyback-price', 'housing.buyback-payments', 'housing.resale-floor', 'housing.multi-unit-deadline',
    ]);
    expect(lines[0]).toContain('济政发〔2025〕3号 第五条、第六条、第十五条');
    expect(lines[1]).toContain('济政发〔2025〕3号 第八条');
  });

  it('第六条 via the CLI: rules eval prints {value, trace, citations} for a file input', () => {
    const f = family();
    f.members.push(member('parent', '1965-05-20', { maritalStatus: 'widowed' }, '041'));
    const r = cli(['rules', 'eval', 'housing.eligibility', '--as-of', '2025-05-20', '--input', file('elderly.json', f)]);
    expect(r.code, r.err).toBe(0);
    const out = JSON.parse(r.out);
    expect(Object.keys(out)).toEqual(['value', 'trace', 'citations']);
    expect(out.value).toMatchObject({ eligible: true, category: 'wage_family', priority: ['elderly_member'] });
    expect(out.trace.length).toBeGreaterThan(5);
    expect(out.citations[0]).toMatchObject({ doc: '济政发〔2025〕3号', article: '第五条' });
  });

  it('第八条 via the CLI: input from stdin with "-"; the deadline day is must_confirm', () => {
    const r = cli(['rules', 'eval', 'housing.waitlist-status', '--as-of', '2027-04-10', '--input', '-'], JSON.stringify({ admittedOn: '2025-04-10', lastConfirmedOn: null, purchased: false }));
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out).value).toMatchObject({ status: 'must_confirm', deadline: '2027-04-10' });
  });

  it.each([
    ['housing.exit-eligibility', '2026-02-28', { titleIssuedOn: '2024-02-29', route: 'buyback', extraLoansOrMortgages: false, leased: false, legalDispute: false, useChanged: false, structureAltered: false }, { eligible: true, earliestDate: '2026-02-28', reasons: [] }],
    ['housing.buyback-price', '2026-06-01', { originalPrice: 100000000, paidOn: '2025-06-01', builtOn: '2024-06-01' }, { price: 99500000 }],
    ['housing.buyback-payments', '2026-06-01', { price: 100000000, outstandingLoan: 120000000 }, { first: 10000000, balance: 90000000, firstToLender: 10000000, firstToFamily: 0, balanceToLender: 90000000, balanceToFamily: 0, loanUnpaid: 20000000 }],
    ['housing.resale-floor', '2026-06-01', { buybackPrice: 99500000, renovationCost: 3850050 }, { minimum: 103350050 }],
    ['housing.multi-unit-deadline', '2026-01-02', { changeOn: '2025-12-01' }, { deadline: '2026-01-30' }],
  ] as const)('第二十二至三十条 via the CLI: rules eval %s prints the output keys of the issue', (id, asOf, input, value) => {
    const r = cli(['rules', 'eval', id, '--as-of', asOf, '--input', '-'], JSON.stringify(input));
    expect(r.code, r.err).toBe(0);
    const out = JSON.parse(r.out);
    expect(Object.keys(out)).toEqual(['value', 'trace', 'citations']);
    expect(out.value).toMatchObject(value);
  });

  it('第二十七条 via the CLI: a payment date after the valuation date exits 2 naming paidOn', () => {
    const r = cli(['rules', 'eval', 'housing.buyback-price', '--as-of', '2026-06-01', '--input', '-'], JSON.stringify({ originalPrice: 1, paidOn: '2026-06-02', builtOn: '2024-06-01' }));
    expect(r.code).toBe(2);
    expect(r.err).toContain('paidOn: cannot be after the valuation date 2026-06-01');
  });

  it('--as-of defaults to today in Asia/Shanghai', () => {
    const before = todayInShanghai(new Date());
    const r = cli(['rules', 'eval', 'housing.waitlist-status', '--input', '-'], JSON.stringify({ admittedOn: '2025-04-10', lastConfirmedOn: null, purchased: true }));
    const after = todayInShanghai(new Date());
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out).trace[0]).toMatchObject({ test: 'measure in force on asOf' });
    expect([before, after]).toContain(JSON.parse(r.out).trace[0].value);
  });

  it('a wrong ID checksum exits 2 naming members.0.idNumber in Chinese and English', () => {
    const f = family();
    f.members[0]!.idNumber = `${idNumber('1990-03-15', '011').slice(0, 17)}${idNumber('1990-03-15', '011').endsWith('0') ? '1' : '0'}`;
    const r = cli(['rules', 'eval', 'housing.eligibility', '--as-of', '2025-06-01', '--input', file('bad-id.json', f)]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('家庭成员第1人的身份证号：身份证号校验码错误');
    expect(r.err).toContain('members[0].idNumber: the check digit of the ID number is wrong');
  });

  it('a missing field exits 2 naming it', () => {
    const { housing: _h, ...noHousing } = family();
    const r = cli(['rules', 'eval', 'housing.eligibility', '--as-of', '2025-06-01', '--input', file('no-housing.json', noHousing)]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('住房情况：缺少此项 / housing: is required');
  });

  it('malformed JSON, an unknown rule, a bad --as-of and a missing file exit 2', () => {
    const bad = cli(['rules', 'eval', 'housing.eligibility', '--input', '-'], '{"members": [');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('输入：不是合法的 JSON / input: not valid JSON');
    const unknown = cli(['rules', 'eval', 'housing.nothing', '--input', file('f.json', family())]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('ruleId: no rule housing.nothing');
    const date = cli(['rules', 'eval', 'housing.eligibility', '--as-of', '2025-02-29', '--input', file('g.json', family())]);
    expect(date.code).toBe(2);
    expect(date.err).toContain('评估日期');
    expect(cli(['rules', 'eval', 'housing.eligibility', '--input', join(dir, 'absent.json')]).code).toBe(2);
  });

  it('第三十四条: --as-of before 2025-03-31 exits 2 naming the evaluation date', () => {
    const r = cli(['rules', 'eval', 'housing.eligibility', '--as-of', '2025-03-30', '--input', file('h.json', family())]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^评估日期：评估日期 2025-03-30 早于/);
  });
});

describe('quancheng (spawned)', () => {
  it('--help lists the rules command and exits 0; an unknown command exits 2', () => {
    const help = cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^ {2}rules /m);
    expect(cli(['no-such-command']).code).toBe(2);
  });
});
