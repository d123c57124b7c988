/**
 * Public rank rows: registration number, pool, rank, and the family only as masked when its
 * application was submitted, masked again here (src/server/routes/public/presenter.ts) so that
 * no row leaves with a full name or ID number even if a stored mask were wrong.
 */
import type { DrawView, PublicRank } from '../../../commands/draws/index.js';
import { safeMaskedId, safeMaskedName } from '../public/presenter.js';

/** One row of GET /api/public/draws/:drawId/ranks. */
export function presentRank(r: PublicRank) {
  return { rank: r.rank, entrantId: r.entrantId, pool: r.pool, maskedName: safeMaskedName(r.maskedName), maskedId: safeMaskedId(r.maskedId), district: r.district ?? '' };
}

/** GET /api/public/draws/:drawId: the public values of a draw (no account ids). */
export function presentDrawSummary(d: DrawView) {
  const base = `/api/public/draws/${d.id}`;
  return {
    id: d.id, round: d.round, attempt: d.attempt, status: d.status, pools: d.pools.map(({ label, quota }) => ({ label, quota })),
    listDigest: d.listDigest, commitment: d.commitment, entrantCount: d.entrantCount, frozenAt: d.frozenAt, beacon: d.beacon, seed: d.seed,
    serverSecret: d.serverSecret, drawnAt: d.drawnAt, voidReason: d.voidReason, voidedAt: d.voidedAt,
    projectCode: d.projectCode, projectName: d.projectName, noticeNo: d.noticeNo,
    files: { entrantsTsv: `${base}/entrants.tsv`, lotteryJson: d.seed ? `${base}/lottery.json` : null },
  };
}
