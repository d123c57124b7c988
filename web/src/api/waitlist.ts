import { useQueries } from '@tanstack/react-query';
import { post } from './client';
import type { Application, WaitlistInfo } from './types';
import { todayShanghai } from '../lib/law';

/**
 * 第八条 status of admitted families. Uses the server's `waitlist` when a row carries it;
 * otherwise asks rule housing.waitlist-status through POST /api/rules/…/eval, so the UI never
 * computes the deadline itself. (Purchases do not exist yet in this release: purchased=false.)
 */
export function useWaitlistStatuses(rows: Application[]): Record<string, WaitlistInfo | undefined> {
  const asOf = todayShanghai();
  const need = rows.filter((a) => !a.waitlist && a.admittedOn && (a.status === 'admitted' || a.status === 'approved'));
  const results = useQueries({
    queries: need.map((a) => ({
      queryKey: ['waitlist-status', a.id, a.admittedOn, a.lastConfirmedOn, asOf],
      staleTime: 5 * 60_000,
      queryFn: async () => {
        const r = await post<{ value: WaitlistInfo }>('/api/rules/housing.waitlist-status/eval', {
          asOf, input: { admittedOn: a.admittedOn, lastConfirmedOn: a.lastConfirmedOn ?? null, purchased: false },
        });
        return r.value;
      },
    })),
  });
  const out: Record<string, WaitlistInfo | undefined> = {};
  for (const a of rows) if (a.waitlist) out[a.id] = a.waitlist;
  need.forEach((a, i) => (out[a.id] = results[i]?.data));
  for (const a of rows) if (a.status === 'lapsed') out[a.id] = { status: 'lapsed', deadline: a.confirmDeadline ?? undefined };
  return out;
}
