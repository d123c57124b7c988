import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, newIdempotencyKey, post, put, unwrapList } from './client';
import { normalizeApplication } from './normalize';
import type { Application, ApplicationForm, Notification } from './types';

/** The family's own applications. */
export function useMyApplications() {
  return useQuery({
    queryKey: ['my', 'applications'],
    queryFn: async () => unwrapList<unknown>(await get('/api/my/applications'), 'applications').map(normalizeApplication),
  });
}

/**
 * One own application with its form and verdict. Uses GET /api/my/applications/:id; when the
 * server has no such route the item of the list is used instead.
 */
export function useMyApplication(id: string | undefined) {
  return useQuery({
    queryKey: ['my', 'applications', id],
    enabled: Boolean(id),
    queryFn: async (): Promise<Application> => {
      try {
        return normalizeApplication(await get(`/api/my/applications/${id}`));
      } catch (e) {
        if ((e as { status?: number }).status !== 404) throw e;
        const list = unwrapList<unknown>(await get('/api/my/applications'), 'applications').map(normalizeApplication);
        const found = list.find((a) => a.id === id);
        if (!found) throw e;
        return found;
      }
    },
  });
}

/** In-app notifications of the signed-in family. */
export function useMyNotifications(enabled = true) {
  return useQuery({
    queryKey: ['my', 'notifications'],
    enabled,
    queryFn: async () => unwrapList<Notification>(await get('/api/my/notifications'), 'notifications'),
  });
}

function useInvalidateMy() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['my'] });
}

/** Creates a draft (POST) or saves an existing one (PUT). Returns the application. */
export function useSaveDraft() {
  const done = useInvalidateMy();
  return useMutation({
    mutationFn: async ({ id, form }: { id?: string; form: ApplicationForm }) =>
      normalizeApplication(id ? await put(`/api/my/applications/${id}`, { form }) : await post('/api/my/applications', { form })),
    onSuccess: done,
  });
}

/** Submits a draft; the idempotency key is fixed per attempt so a retry does not submit twice. */
export function useSubmit() {
  const done = useInvalidateMy();
  return useMutation({
    mutationFn: async ({ id, key }: { id: string; key?: string }) =>
      normalizeApplication(await post(`/api/my/applications/${id}/submit`, {}, { 'Idempotency-Key': key ?? newIdempotencyKey() })),
    onSuccess: done,
  });
}

/** Requests a change of data while waiting (第九条). */
export function useRequestChange() {
  const done = useInvalidateMy();
  return useMutation({
    mutationFn: async ({ id, form, reason }: { id: string; form: ApplicationForm; reason: string }) =>
      normalizeApplication(await post(`/api/my/applications/${id}/change`, { form, reason }, { 'Idempotency-Key': newIdempotencyKey() })),
    onSuccess: done,
  });
}

/** Withdraws from the waiting list (第九条). */
export function useWithdraw() {
  const done = useInvalidateMy();
  return useMutation({
    mutationFn: async ({ id, reason }: { id: string; reason: string }) =>
      post<unknown>(`/api/my/applications/${id}/withdraw`, { reason }, { 'Idempotency-Key': newIdempotencyKey() }),
    onSuccess: done,
  });
}

/** Confirms the family's information to keep its place (第八条). */
export function useConfirm() {
  const done = useInvalidateMy();
  return useMutation({
    mutationFn: async ({ id }: { id: string }) =>
      post<unknown>(`/api/my/applications/${id}/confirm`, {}, { 'Idempotency-Key': newIdempotencyKey() }),
    onSuccess: done,
  });
}

/** Marks notifications read (the family opened its inbox); the list refreshes on the next visit. */
export function useMarkRead() {
  return useMutation({
    mutationFn: async (ids: string[]) => {
      for (const id of ids) await post(`/api/my/notifications/${id}/read`);
    },
  });
}
