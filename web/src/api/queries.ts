import { useQuery } from '@tanstack/react-query';
import { get, qs, unwrapList } from './client';
import { normalizePage, normalizePublicResult } from './normalize';
import type { Account, District, LawArticle, LawDocument, PublicResult, RuleInfo } from './types';

/** The signed-in account, or null when nobody is signed in. */
export function useMe() {
  return useQuery({
    queryKey: ['me'],
    queryFn: async (): Promise<Account | null> => {
      try {
        const r = await get<{ account?: Account } & Partial<Account>>('/api/auth/me');
        const a = (r.account ?? r) as Account;
        return a && a.role ? a : null;
      } catch (e) {
        if ((e as { status?: number }).status === 401) return null;
        throw e;
      }
    },
    staleTime: 60_000,
  });
}

/** Every gazette document with its articles. */
export function useLaw() {
  return useQuery({
    queryKey: ['law'],
    queryFn: async () => unwrapList<LawDocument>(await get('/api/law'), 'documents'),
    staleTime: Infinity,
  });
}

/** One article; falls back to the full list when the single-article route is unavailable. */
export function useArticle(docId: string, articleNo: string) {
  return useQuery({
    queryKey: ['law', docId, articleNo],
    queryFn: async (): Promise<LawArticle & { docTitle?: string }> => {
      const r = await get<{ article?: LawArticle } & LawArticle>(`/api/law/${encodeURIComponent(docId)}/${encodeURIComponent(articleNo)}`);
      return (r.article ?? r) as LawArticle;
    },
    staleTime: Infinity,
  });
}

/** Rules of the platform with their citations. */
export function useRules() {
  return useQuery({
    queryKey: ['rules'],
    queryFn: async () => {
      const r = await get<unknown>('/api/rules');
      if (r && !Array.isArray(r) && typeof r === 'object' && !('rules' in (r as object)) && !('items' in (r as object))) {
        return Object.entries(r as Record<string, Omit<RuleInfo, 'id'>>).map(([id, v]) => ({ id, ...v }));
      }
      return unwrapList<RuleInfo>(r, 'rules');
    },
    staleTime: Infinity,
  });
}

/** Jinan districts, counties and functional zones. */
export function useDistricts() {
  return useQuery({
    queryKey: ['districts'],
    queryFn: async () => unwrapList<District>(await get('/api/districts'), 'districts'),
    staleTime: Infinity,
  });
}

/** Maps a district code to its name using the loaded list. */
export function useDistrictName(): (code?: string | null) => string {
  const { data } = useDistricts();
  return (code) => (code ? data?.find((d) => d.code === code)?.name ?? code : '—');
}

/** Published qualification results (第七条), paginated, searchable by registration code. */
export function usePublicResults(page: number, pageSize: number, regCode: string) {
  return useQuery({
    queryKey: ['public-results', page, pageSize, regCode],
    queryFn: async () => {
      const raw = await get<unknown>(`/api/public/results${qs({ page, pageSize, regCode })}`);
      const p = normalizePage<unknown>(raw, page, pageSize);
      return { ...p, items: p.items.map(normalizePublicResult) as PublicResult[] };
    },
    placeholderData: (prev) => prev,
  });
}
