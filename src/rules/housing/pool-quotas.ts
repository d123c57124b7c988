/**
 * Lottery pools of a sale plan made into QLOT-1 pools (济政发〔2025〕3号 第六条 优先摇号, 第十一条
 * 项目摇号排序库; ../shared/specs/lottery-qlot1.md section 1): whole-number quotas fixed when the
 * list is frozen, and which pools a family may enter. Pure.
 *
 * Interpretations (each a choice a bureau could make otherwise):
 * - a pool given as a share takes share × the units offered in the round, rounded by the parameter
 *   housing.lottery.pool_quota_rounding (default down: a priority pool never exceeds its share);
 * - a pool whose quota comes to 0 (a small round) is left out of the draw: its families simply
 *   compete in the later pools, which QLOT-1 requires anyway (every quota is positive);
 * - the last pool is the general pool (quota "all"): every entrant is in it and it ranks everyone
 *   still unplaced, whatever the plan wrote as its size — the homes, not the list, limit who chooses;
 * - eligibility "priority" means the family holds a 第六条 priority (the application's `priority`
 *   is non-empty); "all" means every registered family.
 */
import { type Rounding, mulRate } from '../core/money.js';

/** A pool as a sale plan writes it (sale_plans.pools). */
export interface PlanPool {
  label: string;
  share?: string;
  quota?: number | 'all';
  eligibility: 'priority' | 'all';
}

/** A pool of the draw: QLOT-1's {label, quota}, with the plan's eligibility kept alongside. */
export interface DrawPool {
  label: string;
  quota: number | 'all';
  eligibility: 'priority' | 'all';
}

/** The outcome: the pools drawn, in plan order, and those left out with the reason. */
export interface PoolQuotas {
  pools: DrawPool[];
  skipped: { label: string; reason_zh: string; reason_en: string }[];
}

/** Thrown for a plan whose pools QLOT-1 cannot draw; names the pool. */
export class PoolPlanError extends Error {
  constructor(readonly label: string, readonly message_zh: string, readonly message_en: string) {
    super(message_en);
    this.name = 'PoolPlanError';
  }
}

/** Fixes the quotas of the plan's pools for a round offering `unitsOffered` homes. */
export function poolQuotas(plan: readonly PlanPool[], unitsOffered: number, rounding: Rounding): PoolQuotas {
  if (plan.length === 0) throw new PoolPlanError('', '配售方案未设定摇号池', 'the sale plan defines no lottery pool');
  const last = plan[plan.length - 1];
  if (last.eligibility !== 'all') {
    throw new PoolPlanError(last.label, `最后一个摇号池（${last.label}）须面向全部登记家庭（普通池）`, `the last pool (${last.label}) must be open to every registered family (the general pool)`);
  }
  const pools: DrawPool[] = [];
  const skipped: PoolQuotas['skipped'] = [];
  plan.forEach((p, i) => {
    if (i === plan.length - 1) {
      pools.push({ label: p.label, quota: 'all', eligibility: 'all' });
      return;
    }
    let quota: number | 'all';
    if (p.quota !== undefined) quota = p.quota;
    else if (p.share !== undefined) quota = mulRate(unitsOffered, p.share, rounding);
    else throw new PoolPlanError(p.label, `摇号池 ${p.label} 未设定名额或比例`, `pool ${p.label} has neither a quota nor a share`);
    if (quota === 0) {
      skipped.push({
        label: p.label,
        reason_zh: `名额为 0（比例 ${p.share ?? '—'} × 房源 ${unitsOffered} 套取整），本轮不单独摇号，该池家庭参加后续池`,
        reason_en: `quota 0 (share ${p.share ?? '—'} × ${unitsOffered} units, rounded); not drawn this round, its families enter the later pools`,
      });
      return;
    }
    pools.push({ label: p.label, quota, eligibility: p.eligibility });
  });
  return { pools, skipped };
}

/** The labels, in plan order, of the pools a family may enter (QLOT-1 section 1). */
export function eligibleLabels(pools: readonly DrawPool[], hasPriority: boolean): string[] {
  return pools.filter((p) => p.eligibility === 'all' || hasPriority).map((p) => p.label);
}
