import { Typography } from 'antd';
import type { PlanPool, PublicDraw } from '../../api/sale-public';
import { ArticleLink } from '../../components/ArticleLink';

/** "0.30" → "30%" without floating-point noise. */
export function sharePercent(share: string): string {
  const n = Number(share);
  if (!Number.isFinite(n)) return share;
  return `${parseFloat((n * 100).toFixed(4))}%`;
}

/** One pool's quota in words: a share of the units, a number of ranks, or the rest. */
export function quotaText(p: { share?: string; quota?: number | 'all' | string }): string {
  if (p.quota === 'all') return '其余全部名次';
  if (p.share !== undefined && p.share !== null) return `本轮配售房源的 ${sharePercent(String(p.share))}`;
  if (p.quota !== undefined) return `${p.quota} 个名次`;
  return '—';
}

/**
 * The lottery pools of the sale plan in words (QLOT-1 §1, §4): who may enter each and how
 * many ranks it gives. Priority pools are for the families of 第六条.
 */
export function PoolsExplained({ pools, fixed }: { pools: PlanPool[]; fixed?: PublicDraw['pools'] }) {
  if (pools.length === 0) return <Typography.Paragraph>本轮不分组，全部登记家庭统一摇号排序。</Typography.Paragraph>;
  const fixedOf = (label: string) => fixed?.find((f) => f.label === label)?.quota;
  return (
    <div data-testid="pools-explained">
      <ol style={{ paddingInlineStart: 20, margin: '0 0 8px' }}>
        {pools.map((p) => {
          const f = fixedOf(p.label);
          return (
            <li key={p.label} style={{ marginBottom: 6 }}>
              <strong>{p.label === pools[pools.length - 1]?.label && p.eligibility === 'all' ? '普通组' : p.eligibility === 'priority' ? '优先组' : '分组'}（{p.label}）</strong>：
              {quotaText(p)}
              {f !== undefined && f !== 'all' && <>（冻结名单时确定为 {f} 个名次）</>}。
              {p.eligibility === 'priority' ? (
                <>限享受优先摇号选房待遇的家庭参加：符合中低收入标准、生育二孩以上、家庭成员有60周岁以上老人的家庭以及高层次人才（<ArticleLink article="第六条" />）。</>
              ) : (
                <>进入本项目摇号排序库的全部家庭均可参加。</>
              )}
            </li>
          );
        })}
      </ol>
      <Typography.Paragraph style={{ color: 'rgba(0,0,0,0.7)', marginBottom: 0 }}>
        摇号时按上述顺序逐组排序：优先组名次排满后，未排入的优先家庭与其他家庭一起进入下一组重新排序。
        每个家庭最终只有一个名次，按名次先后分批选房（<ArticleLink article="第十一条" />）。
      </Typography.Paragraph>
    </div>
  );
}
