/**
 * Small typed fetch client for the quancheng HTTP API (same origin, under /api).
 * Every error answer of the server has the shape {code, message, message_zh, details:{field}};
 * it is thrown as an {@link ApiError} so that forms can put it on the field it names.
 */

/** Error answer of the API, with the Chinese message to show and the form path it concerns. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly messageZh: string;
  readonly field?: string;
  readonly details: Record<string, unknown>;

  constructor(status: number, body: { code?: string; message?: string; message_zh?: string; details?: Record<string, unknown> }) {
    super(body.message ?? `HTTP ${status}`);
    this.status = status;
    this.code = body.code ?? `HTTP_${status}`;
    this.messageZh = body.message_zh ?? body.message ?? fallbackZh(status);
    this.details = body.details ?? {};
    this.field = typeof this.details.field === 'string' ? this.details.field : undefined;
  }
}

function fallbackZh(status: number): string {
  if (status === 401) return '请先登录';
  if (status === 403) return '无权进行此操作';
  if (status === 404) return '未找到';
  if (status === 413) return '提交的内容过大';
  if (status === 429) return '操作过于频繁，请稍后再试';
  if (status >= 500) return '服务器暂时无法处理，请稍后再试';
  return '请求未成功';
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** Sends a JSON request with the session cookie; returns the parsed JSON body (or undefined for 204). */
export async function api<T>(method: Method, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'include',
      headers: { Accept: 'application/json', ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...headers },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
  } catch {
    throw new ApiError(0, { code: 'NETWORK', message: 'Network error', message_zh: '网络连接失败，请检查网络后重试' });
  }
  const text = await res.text();
  let json: unknown = undefined;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  if (!res.ok) throw new ApiError(res.status, (json as Record<string, never>) ?? {});
  return json as T;
}

/** GET shorthand. */
export const get = <T>(path: string) => api<T>('GET', path);
/** POST shorthand. */
export const post = <T>(path: string, body?: unknown, headers?: Record<string, string>) => api<T>('POST', path, body ?? {}, headers);
/** PUT shorthand. */
export const put = <T>(path: string, body?: unknown) => api<T>('PUT', path, body ?? {});

/** Builds a query string from defined, non-empty values. */
export function qs(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/**
 * The file name of a Content-Disposition header: `filename*` (RFC 5987, UTF-8) wins over the
 * plain `filename`, which is only an ASCII fallback for old clients (RFC 6266 §4.3).
 */
export function fileNameOf(contentDisposition: string): string | null {
  const star = /filename\*\s*=\s*UTF-8''([^;\s]+)/i.exec(contentDisposition);
  if (star) {
    try {
      return decodeURIComponent(star[1]!);
    } catch {
      /* malformed escapes: use the fallback */
    }
  }
  const plain = /filename\s*=\s*(?:"([^"]*)"|([^;\s]+))/i.exec(contentDisposition);
  return plain ? (plain[1] ?? plain[2] ?? null) : null;
}

/**
 * Downloads a binary answer (PDF, xlsx) through fetch so that errors can be shown,
 * then hands it to the browser as a file.
 */
export async function download(path: string, fallbackName: string): Promise<void> {
  const res = await fetch(path, { credentials: 'include' });
  if (!res.ok) {
    let body = {};
    try {
      body = await res.json();
    } catch {
      /* not JSON */
    }
    throw new ApiError(res.status, body);
  }
  const blob = await res.blob();
  const cd = res.headers.get('content-disposition') ?? '';
  const name = fileNameOf(cd) ?? fallbackName;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A fresh idempotency key for submit-like calls (retries reuse it). */
export function newIdempotencyKey(): string {
  // randomUUID needs a secure context; plain http on a LAN address is not one.
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

/** Unwraps list answers that may come bare or as {items}/{data}/{<name>}. */
export function unwrapList<T>(v: unknown, ...names: string[]): T[] {
  if (Array.isArray(v)) return v as T[];
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    for (const n of [...names, 'items', 'data', 'results']) if (Array.isArray(o[n])) return o[n] as T[];
  }
  return [];
}
