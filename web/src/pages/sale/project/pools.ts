/**
 * The pools editor of a sale plan (配售方案) and what it sends: QLOT-1 pools in plan order, each a
 * share or a quota of the round's units, open to 第六条 priority families or to all; the last is
 * the general pool (quota "all", every family), which lottery-qlot1.md section 1 requires.
 */
import type { PlanPool } from '../../../api/sale';
import { fractionToPercent, percentToFraction } from '../format';

/** One row of the editor. `value` is a percentage for a share, a number of units for a quota. */
export interface PoolRow { label: string; kind: 'share' | 'quota' | 'all'; value?: string | number | null; eligibility: 'priority' | 'all' }

/** QLOT-1 section 1: a pool label goes into the published files as is. */
export const POOL_LABEL = /^[A-Za-z0-9_-]{1,32}$/;

/** The editor's first rows: a priority pool of 30 % and the general pool. */
export const DEFAULT_POOLS: PoolRow[] = [
  { label: 'PRIO', kind: 'share', value: '30', eligibility: 'priority' },
  { label: 'GEN', kind: 'all', eligibility: 'all' },
];

/** A problem with the rows, with the row index it concerns (-1 for the whole list). */
export interface PoolProblem { index: number; message: string }

/** Checks the rows as QLOT-1 and the pool rule (housing.pool-quotas) will; empty when fine. */
export function poolProblems(rows: PoolRow[]): PoolProblem[] {
  const out: PoolProblem[] = [];
  if (rows.length === 0) return [{ index: -1, message: '至少需要一个摇号池（普通池）' }];
  const seen = new Set<string>();
  let shares = 0;
  rows.forEach((r, i) => {
    const last = i === rows.length - 1;
    if (!POOL_LABEL.test(r.label ?? '')) out.push({ index: i, message: '标签只能由字母、数字、- 和 _ 组成（最多32位），如 PRIO、GEN' });
    else if (seen.has(r.label)) out.push({ index: i, message: `标签 ${r.label} 重复` });
    seen.add(r.label);
    if (last) {
      if (r.eligibility !== 'all') out.push({ index: i, message: '最后一个摇号池须面向全部登记家庭（普通池）' });
      return;
    }
    if (r.kind === 'all') out.push({ index: i, message: '只有最后一个摇号池（普通池）可取“其余全部”' });
    if (r.kind === 'share') {
      const f = percentToFraction(r.value ?? null);
      if (f === null || Number(f) <= 0 || Number(f) >= 1) out.push({ index: i, message: '比例须大于0%且小于100%' });
      else shares += Number(f);
    }
    if (r.kind === 'quota' && !(Number.isInteger(Number(r.value)) && Number(r.value) > 0)) out.push({ index: i, message: '名额须为正整数（套）' });
  });
  if (shares > 1 + 1e-9) out.push({ index: -1, message: '各优先池比例之和不能超过100%' });
  return out;
}

/** Rows → the API's pools: `share` as a decimal fraction, `quota` as a whole number, the last always "all". */
export function poolsToApi(rows: PoolRow[]): PlanPool[] {
  return rows.map((r, i) => {
    if (i === rows.length - 1) return { label: r.label, quota: 'all', eligibility: 'all' };
    if (r.kind === 'share') return { label: r.label, share: percentToFraction(r.value ?? null) ?? '0', eligibility: r.eligibility };
    return { label: r.label, quota: Number(r.value), eligibility: r.eligibility };
  });
}

/** A pool of a stored plan in words: "PRIO · 30% · 第六条优先家庭". */
export function poolText(p: PlanPool): string {
  const size = p.share !== undefined && p.share !== null ? fractionToPercent(p.share) : p.quota === 'all' ? '其余全部' : `${p.quota} 套`;
  return `${p.label} · ${size} · ${p.eligibility === 'priority' ? '优先家庭' : '全部登记家庭'}`;
}

/** A stored plan's pools back as editor rows (to revise a draft or rejected plan). */
export function poolsFromApi(pools: PlanPool[] | undefined): PoolRow[] {
  if (!pools?.length) return DEFAULT_POOLS;
  return pools.map((p, i) => {
    const eligibility = p.eligibility === 'priority' ? 'priority' : 'all';
    if (i === pools.length - 1 || p.quota === 'all') return { label: p.label, kind: 'all', eligibility };
    if (p.share !== undefined && p.share !== null) return { label: p.label, kind: 'share', value: fractionToPercent(p.share).replace('%', ''), eligibility };
    return { label: p.label, kind: 'quota', value: String(p.quota), eligibility };
  });
}
