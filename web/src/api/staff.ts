import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, newIdempotencyKey, post, qs, unwrapList } from './client';
import { normalizeApplication } from './normalize';
import type { AuditRow, AuditVerify } from './types';

/** Review queue (district staff: own district; city staff: all), optionally filtered. */
export function useReviewQueue(filter: { status?: string; district?: string }) {
  return useQuery({
    queryKey: ['staff', 'queue', filter],
    queryFn: async () =>
      unwrapList<unknown>(await get(`/api/staff/review-queue${qs(filter)}`), 'applications').map(normalizeApplication),
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
