import { describe, expect, it } from 'vitest';
import { LotteryInputError, canonicaliseList, canonicalList, parseCanonicalList, parsePools } from './index.js';

const POOLS = [{ label: 'PRIO', quota: 2 }, { label: 'GEN', quota: 'all' as const }];
const refused = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof LotteryInputError) return e.problem;
    throw e;
  }
  throw new Error('not refused');
};
const strict = (text: string) => refused(() => parseCanonicalList(Buffer.from(text), POOLS));

describe('QLOT-1 §2 the canonical list refuses what is not canonical, naming the line', () => {
  it('unsorted lines', () => {
    expect(strict('A-2\tGEN\nA-1\tGEN\n')).toMatchObject({ code: 'not_sorted', line: 2, message_en: 'line 2: not sorted by entrant_id bytes: A-1 comes after A-2 (line 1)' });
  });
  it('a duplicate entrant_id', () => {
    expect(strict('A-1\tGEN\nA-1\tPRIO,GEN\n')).toMatchObject({ code: 'duplicate', line: 2, message_zh: '第 2 行：entrant_id A-1 重复（与第 1 行相同）' });
  });
  it('an unknown label', () => {
    expect(strict('A-1\tGEN\nA-2\tVIP,GEN\n')).toMatchObject({ code: 'label_unknown', line: 2, message_en: 'line 2: unknown pool label "VIP" (the plan\'s pools: PRIO,GEN)' });
  });
  it('labels out of plan order', () => {
    expect(strict('A-1\tGEN,PRIO\n')).toMatchObject({ code: 'label_order', line: 1, message_en: "line 1: pool labels must follow the plan's order: PRIO comes before GEN" });
  });
  it('an entrant not in the last pool', () => {
    expect(strict('A-1\tGEN\nA-2\tPRIO\n')).toMatchObject({ code: 'last_pool_missing', line: 2, message_en: expect.stringContaining('not eligible for the last pool GEN') });
  });
  it('a repeated label, an empty label', () => {
    expect(strict('A-1\tGEN,GEN\n')).toMatchObject({ code: 'label_repeated' });
    expect(strict('A-1\tPRIO,,GEN\n')).toMatchObject({ code: 'label_empty' });
  });
  it('CRLF, no final LF, an empty line, no TAB, two TABs, a bad or long id, an empty list', () => {
    expect(strict('A-1\tGEN\r\n')).toMatchObject({ code: 'crlf', line: 1 });
    expect(strict('A-1\tGEN\nA-2\tGEN')).toMatchObject({ code: 'no_final_lf', line: 2 });
    expect(strict('A-1\tGEN\n\nA-2\tGEN\n')).toMatchObject({ code: 'no_tab', line: 2, message_en: 'line 2: an empty line' });
    expect(strict('A-1 GEN\n')).toMatchObject({ code: 'id_invalid', message_en: expect.stringContaining('a space') });
    expect(strict('A-1\tGEN\tX\n')).toMatchObject({ code: 'extra_tab' });
    expect(strict('张三\tGEN\n')).toMatchObject({ code: 'id_invalid', message_en: expect.stringContaining('non-ASCII byte') });
    expect(strict(`${'x'.repeat(65)}\tGEN\n`)).toMatchObject({ code: 'id_too_long' });
    expect(strict('')).toMatchObject({ code: 'list_empty' });
  });
  it('accepts the canonical form and keeps its bytes', () => {
    const list = parseCanonicalList(Buffer.from('A-1\tPRIO,GEN\nA-2\tGEN\n'), POOLS);
    expect(list.count).toBe(2);
    expect(list.labelSets).toEqual(['PRIO,GEN', 'GEN']);
  });
});

describe('QLOT-1 §1 the pool plan', () => {
  it('refuses a last pool that is not "all", a bad quota, a repeated or bad label, an empty plan', () => {
    expect(refused(() => parsePools([{ label: 'PRIO', quota: 2 }, { label: 'GEN', quota: 10 }]))).toMatchObject({ code: 'last_pool_not_all', field: 'pools' });
    expect(refused(() => parsePools([{ label: 'PRIO', quota: 0 }, { label: 'GEN', quota: 'all' }]))).toMatchObject({ code: 'pool_quota_invalid' });
    expect(refused(() => parsePools([{ label: 'PRIO', quota: 1.5 }, { label: 'GEN', quota: 'all' }]))).toMatchObject({ code: 'pool_quota_invalid' });
    expect(refused(() => parsePools([{ label: 'GEN', quota: 'all' }, { label: 'GEN', quota: 'all' }]))).toMatchObject({ code: 'pool_label_repeated' });
    expect(refused(() => parsePools([{ label: 'G EN', quota: 'all' }]))).toMatchObject({ code: 'pool_label_invalid' });
    expect(refused(() => parsePools([]))).toMatchObject({ code: 'pools_not_list' });
  });
});

describe('building the canonical list for a draw', () => {
  it('sorts lines by id bytes and labels into plan order, from records or a loose file (CRLF, BOM, blank lines)', () => {
    const want = 'A-1\tPRIO,GEN\nA-2\tGEN\nB\tGEN\na\tGEN\n';
    expect(canonicalList([{ entrant_id: 'a', pools: ['GEN'] }, { entrant_id: 'A-2', pools: ['GEN'] }, { entrant_id: 'B', pools: ['GEN'] }, { entrant_id: 'A-1', pools: ['GEN', 'PRIO'] }], POOLS).toString()).toBe(want);
    expect(canonicaliseList(Buffer.from('\ufeffa\tGEN\r\nA-2\tGEN\r\n\r\nB\tGEN\r\nA-1\tGEN,PRIO'), POOLS).bytes.toString()).toBe(want);
  });
  it('refuses duplicates, naming both lines of the file', () => {
    expect(refused(() => canonicaliseList(Buffer.from('B\tGEN\nA\tGEN\nB\tPRIO,GEN\n'), POOLS))).toMatchObject({ code: 'duplicate', message_en: 'entrant_id B appears twice (lines 1 and 3)' });
  });
  it('refuses an entrant missing the general pool and an unknown label, naming the line of the file', () => {
    expect(refused(() => canonicaliseList(Buffer.from('B\tGEN\nA\tPRIO\n'), POOLS))).toMatchObject({ code: 'last_pool_missing', line: 2 });
    expect(refused(() => canonicaliseList(Buffer.from('B\tGEN\nA\tGEN,OLD\n'), POOLS))).toMatchObject({ code: 'label_unknown', line: 2 });
    expect(refused(() => canonicalList([{ entrant_id: 'A', pools: ['PRIO,GEN'] }], POOLS))).toMatchObject({ code: 'labels_invalid' });
  });
});
