import { useQueries } from '@tanstack/react-query';
import { get, qs } from '../../../api/client';
import { normalizePage } from '../../../api/normalize';

/**
 * Counts of applications for each filter, read from the `total` of GET /api/staff/applications
 * with pageSize=1 (the server counts; no list is loaded into the browser).
 */
export function useCounts(filters: { key: string; status?: string; district?: string }[]) {
  const results = useQueries({
    queries: filters.map((f) => ({
      queryKey: ['staff', 'count', f.status ?? '', f.district ?? ''],
      queryFn: async () => normalizePage(await get(`/api/staff/applications${qs({ status: f.status, district: f.district, page: 1, pageSize: 1 })}`), 1, 1).total,
    })),
  });
  return {
    counts: filters.map((f, i) => [f.key, results[i]?.data ?? 0] as [string, number]),
    loading: results.some((r) => r.isLoading),
    error: results.find((r) => r.error)?.error ?? null,
  };
}
