import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, newIdempotencyKey, post, qs, unwrapList } from './client';
import { normalizeApplication, normalizePage } from './normalize';
import type { Application, AuditRow, AuditVerify, Page } from './types';

/**
 * Review queue: submitted first applications and change requests awaiting a decision, with
 * checks and verdict (district staff: own district; city staff: all or one district).
 */
export function useReviewQueue(filter: { district?: string; enabled?: boolean }) {
  return useQuery({
    queryKey: ['staff', 'queue', filter.district],
    enabled: filter.enabled ?? true,
    queryFn: async () =>
      unwrapList<unknown>(await get(`/api/staff/review-queue${qs({ district: filter.district, limit: 200 })}`), 'applications').map(normalizeApplication),
  });
}

/** Applications by status and district (masked summaries), paginated: the 轮候库 and other lists. */
export function useStaffApplications(filter: { status?: string; district?: string; page?: number; pageSize?: number; enabled?: boolean }) {
  const { enabled = true, ...q } = filter;
  return useQuery({
    queryKey: ['staff', 'list', q],
    enabled,
    queryFn: async (): Promise<Page<Application>> => {
      const p = normalizePage<unknown>(await get(`/api/staff/applications${qs(q)}`), q.page ?? 1, q.pageSize ?? 20);
      return { ...p, items: p.items.map(normalizeApplication) };
    },
    placeholderData: (prev) => prev,
  });
}

/** Full record of one application; the server audits this read. */
export function useStaffApplication(id: string | undefined) {
  return useQuery({
    queryKey: ['staff', 'application', id],
    enabled: Boolean(id),
    queryFn: async () => normalizeApplication(await get(`/api/staff/applications/${id}`)),
    // every fetch is an audited read: do not refetch behind the reader's back
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

/** Staff decisions on an application. */
export type StaffAction = 'approve' | 'return' | 'reject' | 'cancel';

/** Runs one staff decision; body carries note/reason/evidence as the route expects. */
export function useStaffAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, action, body }: { id: string; action: StaffAction; body: Record<string, unknown> }) =>
      post<unknown>(`/api/staff/applications/${id}/${action}`, body, { 'Idempotency-Key': newIdempotencyKey() }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['staff'] }),
  });
}

/** Latest audit log rows. */
export function useAudit(limit: number) {
  return useQuery({
    queryKey: ['staff', 'audit', limit],
    queryFn: async () => unwrapList<AuditRow>(await get(`/api/staff/audit${qs({ limit })}`), 'rows', 'entries'),
  });
}

/** Result of the audit hash-chain verification. */
export function useAuditVerify() {
  return useQuery({
    queryKey: ['staff', 'audit-verify'],
    queryFn: async () => get<AuditVerify>('/api/staff/audit/verify'),
  });
}
