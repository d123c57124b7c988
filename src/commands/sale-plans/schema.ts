/**
 * The sale plan (配售方案) as the implementer drafts it (济政发〔2025〕3号 第十、十一条), with the
 * lottery pools of QLOT-1 (lottery-qlot1.md section 1). The route and the command use this schema.
 */
import { z } from 'zod';
import { bilingual } from '../../rules/core/errors.js';
import { isoDate } from '../../rules/core/dates.js';

const int = (zh: string, min: number, max: number) => z.number()
  .int(bilingual(`${zh}须为整数`, 'must be a whole number'))
  .min(min, bilingual(`${zh}至少为${min}`, `must be at least ${min}`))
  .max(max, bilingual(`${zh}不超过${max}`, `must be at most ${max}`));

const SHARE = /^0\.\d{1,6}$/;

/**
 * One lottery pool. `share` is the pool's fraction of the units offered (fixed into an integer
 * quota when the list is frozen, QLOT-1 section 5); `quota` a number of ranks, or "all".
 */
export const PoolInput = z.object({
  label: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, bilingual('组别代码须为1–32位字母、数字、- 或 _（如 PRIO、GEN）', 'must be 1–32 letters, digits, - or _ (e.g. PRIO, GEN)')),
  share: z.union([z.number(), z.string()]).transform((v) => (typeof v === 'number' ? String(v) : v.trim()))
    .refine((s) => SHARE.test(s) && Number(s) > 0, bilingual('比例须为0到1之间的小数（如 0.30）', 'must be a fraction between 0 and 1 such as 0.30')).optional(),
  quota: z.union([int('名额', 1, 1_000_000), z.literal('all')]).optional(),
  /** 第六条: "priority" pools take only families with a priority flag; "all" takes every entrant. */
  eligibility: z.enum(['priority', 'all'], bilingual('资格须为 priority（优先家庭）或 all（全部家庭）', 'must be priority or all')),
});
export type PoolInput = z.infer<typeof PoolInput>;

const Pools = z.array(PoolInput).min(1, bilingual('至少设置一个摇号组别', 'at least one pool')).max(10, bilingual('摇号组别不超过10个', 'at most 10 pools'))
  .superRefine((pools, ctx) => {
    const seen = new Set<string>();
    let shares = 0;
    pools.forEach((p, i) => {
      const last = i === pools.length - 1;
      if (seen.has(p.label)) ctx.addIssue({ code: 'custom', path: [i, 'label'], ...bilingual('组别代码重复', 'labels must be unique') });
      seen.add(p.label);
      if ((p.share === undefined) === (p.quota === undefined)) ctx.addIssue({ code: 'custom', path: [i, 'share'], ...bilingual('每个组别须填写比例或名额之一', 'give either share or quota') });
      if (p.share !== undefined) shares += Number(p.share);
      if (last && (p.quota !== 'all' || p.eligibility !== 'all')) {
        // QLOT-1 section 1: the last pool is the general pool; every entrant falls through to it.
        ctx.addIssue({ code: 'custom', path: [i, p.quota !== 'all' ? 'quota' : 'eligibility'], ...bilingual('最后一个组别须为普通组：资格 all、名额 all', 'the last pool must be the general pool: eligibility all, quota all') });
      }
      if (!last && p.quota === 'all') ctx.addIssue({ code: 'custom', path: [i, 'quota'], ...bilingual('只有最后一个组别的名额可以为 all', 'only the last pool may take all') });
    });
    if (shares > 1) ctx.addIssue({ code: 'custom', path: [0, 'share'], ...bilingual('各组别比例之和不能超过1', 'the shares add up to more than 1') });
  });

// Kept as the ISO string (no transform), so that the route and the command parse the same input.
const instant = z.iso.datetime({ offset: true, error: '时间须为带时区的 ISO 8601 格式（如 2026-03-01T09:00:00+08:00） / must be an ISO 8601 date-time with offset' });

export const PlanInput = z.object({
  round: int('轮次', 1, 100),
  registrationOpensAt: instant,
  registrationClosesAt: instant,
  drawOn: isoDate,
  /** 第十一条 认购金, in fen. */
  depositFen: int('认购金', 1, 1_000_000_000),
  pools: Pools,
  batchSize: int('每批选房户数', 1, 1000),
  windowMinutes: int('每批选房时长（分钟）', 1, 24 * 60),
  contractDeadlineDays: int('签约期限（天）', 1, 90),
  documents: z.string().trim().max(2000, bilingual('所需材料不超过2000字', 'documents is at most 2000 characters')).optional(),
});
export type PlanInput = z.infer<typeof PlanInput>;
