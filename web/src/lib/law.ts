/** Helpers to turn the article labels used in reasons ("第三十一条") into law reader URLs. */

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** The core measure of this release, 济政发〔2025〕3号. */
export const CORE_DOC = 'jizhengfa-2025-3';

/** Parses a Chinese numeral up to 999 ("三十一" → 31); NaN when it is not one. */
export function parseChineseNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  let total = 0;
  let cur = 0;
  for (const ch of s) {
    if (ch in DIGITS) cur = DIGITS[ch];
    else if (ch === '十') { total += (cur || 1) * 10; cur = 0; }
    else if (ch === '百') { total += (cur || 1) * 100; cur = 0; }
    else return NaN;
  }
  return total + cur;
}

/** Reads the article number from a label like "第八条" or "第三十一条(一)". */
export function articleNoOf(label: string): number | undefined {
  const m = /第([零〇一二两三四五六七八九十百\d]+)条/.exec(label);
  if (!m) return undefined;
  const n = parseChineseNumber(m[1]);
  return Number.isFinite(n) ? n : undefined;
}

/** Stable URL of an article in the law reader. */
export function articleUrl(docId: string, articleNo: number | string): string {
  return `/law/${encodeURIComponent(docId)}/${encodeURIComponent(String(articleNo))}`;
}

/** Today's date in Asia/Shanghai as YYYY-MM-DD (display only; the server owns "today"). */
export function todayShanghai(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

/** Formats an ISO timestamp as a Shanghai local date-time. */
export function formatDateTime(iso?: string | null): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  return new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false,
  }).format(d);
}

/** Formats a date (YYYY-MM-DD or ISO) as YYYY-MM-DD in Shanghai. */
export function formatDate(v?: string | null): string {
  if (!v) return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) return String(v);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(d);
}
