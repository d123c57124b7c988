/** Public draw data for the lottery pages (GET /api/public/draws/…; no sign-in). */
import { useQuery } from '@tanstack/react-query';
import { get, qs } from '../../api/client';

/** GET /api/public/draws/:drawId */
export interface PublicDrawSummary {
  id: string;
  round: number;
  attempt: number;
  status: 'frozen' | 'drawn' | 'void' | string;
  pools: { label: string; quota: number | 'all' }[];
  listDigest: string;
  commitment: string;
  entrantCount: number;
  frozenAt: string;
  beacon: string | null;
  seed: string | null;
  serverSecret: string | null;
  drawnAt: string | null;
  voidReason: string | null;
  voidedAt: string | null;
  projectCode: string;
  projectName: string;
  noticeNo: string | null;
  files: { entrantsTsv: string; lotteryJson: string | null };
}

/** One row of GET /api/public/draws/:drawId/ranks (masked by the server). */
export interface PublicRankRow { rank: number; entrantId: string; pool: string; maskedName: string; maskedId: string; district: string }

/** The draw's public values. */
export function usePublicDraw(drawId: string) {
  return useQuery({ queryKey: ['public-draw', drawId], enabled: drawId !== '', queryFn: () => get<PublicDrawSummary>(`/api/public/draws/${encodeURIComponent(drawId)}`) });
}

/** One page of ranks, or the rank of one registration number. */
export function usePublicRanks(drawId: string, page: number, pageSize: number, q: string) {
  return useQuery({
    queryKey: ['public-ranks', drawId, page, pageSize, q],
    queryFn: () => get<{ items: PublicRankRow[]; total: number; page: number; pageSize: number; status: string }>(
      `/api/public/draws/${encodeURIComponent(drawId)}/ranks${qs({ page, pageSize, q })}`),
    placeholderData: (prev) => prev,
  });
}

/** Draw status in words. */
export const DRAW_STATUS: Record<string, { text: string; color: string }> = {
  frozen: { text: '名单已冻结，待摇号', color: 'blue' },
  drawn: { text: '已摇号', color: 'green' },
  void: { text: '已作废', color: 'red' },
};

/** "PRIO 2 名 · GEN 其余全部" */
export function poolsText(pools: PublicDrawSummary['pools']): string {
  return pools.map((p) => `${p.label} ${p.quota === 'all' ? '其余全部' : `${p.quota} 名`}`).join(' · ');
}
