/**
 * The sale plan's lottery pools (QLOT-1 section 1): ordered, each a label and a quota, the last
 * with quota "all". A middle pool may also take "all": the spec allows it (it then leaves no
 * one eligible for it to later pools).
 */
import { refuse } from './problem.js';

/** A positive number of ranks, or every eligible entrant still unplaced. */
export type Quota = number | 'all';

/** One pool of the plan, in section 5's JSON shape. */
export interface Pool {
  label: string;
  quota: Quota;
}

/** `^[A-Za-z0-9_-]{1,32}$` (section 1). */
export const LABEL_RE = /^[A-Za-z0-9_-]{1,32}$/;

/** Checks an unknown value is a valid pool plan and returns it (copied); throws LotteryInputError. */
export function parsePools(value: unknown): Pool[] {
  if (!Array.isArray(value) || value.length === 0) {
    refuse('pools', 'pools_not_list', '摇号池须为非空数组 [{"label","quota"}]', 'pools must be a non-empty array [{"label","quota"}]');
  }
  const seen = new Set<string>();
  const pools = value.map((p: unknown, i): Pool => {
    const n = i + 1;
    if (typeof p !== 'object' || p === null) refuse('pools', 'pool_not_object', `第 ${n} 个池须为 {"label","quota"}`, `pool ${n} must be {"label","quota"}`);
    const { label, quota } = p as Record<string, unknown>;
    if (typeof label !== 'string' || !LABEL_RE.test(label)) {
      refuse('pools', 'pool_label_invalid', `第 ${n} 个池的标签 ${JSON.stringify(label)} 须匹配 ^[A-Za-z0-9_-]{1,32}$`, `pool ${n}: label ${JSON.stringify(label)} must match ^[A-Za-z0-9_-]{1,32}$`);
    }
    if (seen.has(label)) refuse('pools', 'pool_label_repeated', `池标签 ${label} 重复`, `pool label ${label} appears twice`);
    seen.add(label);
    if (quota !== 'all' && !(typeof quota === 'number' && Number.isSafeInteger(quota) && quota > 0)) {
      refuse('pools', 'pool_quota_invalid', `池 ${label} 的名额须为正整数或 "all"`, `pool ${label}: quota must be a positive integer or "all"`);
    }
    return { label, quota };
  });
  const last = pools[pools.length - 1];
  if (last.quota !== 'all') {
    refuse('pools', 'last_pool_not_all', `最后一个池（${last.label}）的名额须为 "all"（普通池）`, `the last pool (${last.label}) must have quota "all" (it is the general pool)`);
  }
  return pools;
}
