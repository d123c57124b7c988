/**
 * Pure conversions of the sale console: yuan typed by people ↔ integer fen, percentages ↔ decimal
 * fractions, and Asia/Shanghai wall-clock times ↔ ISO instants. Exact: string and integer
 * arithmetic only, so no float ever shifts a fen.
 */

/** "1234.5" or 1234.5 (yuan) → 123450 fen; null when empty, negative or with more than two decimals. */
export function yuanToFen(v: string | number | null | undefined): number | null {
  if (v === null || v === undefined) return null;
  const s = typeof v === 'number' ? (Number.isFinite(v) ? v.toFixed(2) : '') : v.trim().replace(/,/g, '');
  const m = /^(\d+)(?:\.(\d{0,2}))?$/.exec(s);
  if (!m) return null;
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(fen) ? fen : null;
}

/** 123450 fen → "1234.50" (for form inputs). */
export function fenToYuan(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

/**
 * A percentage as typed ("5", "12.5") → the decimal fraction the API takes ("0.05", "0.125").
 * Up to four decimals of a percent; null otherwise.
 */
export function percentToFraction(v: string | number | null | undefined): string | null {
  if (v === null || v === undefined || v === '') return null;
  const s = typeof v === 'number' ? String(v) : v.trim();
  const m = /^(\d{1,3})(?:\.(\d{0,4}))?$/.exec(s);
  if (!m) return null;
  // percent × 10^4 as an integer, i.e. the fraction in units of 10^-6
  const micro = Number(m[1]) * 10_000 + Number((m[2] ?? '').padEnd(4, '0'));
  const int = Math.floor(micro / 1_000_000);
  const frac = String(micro % 1_000_000).padStart(6, '0').replace(/0+$/, '').padEnd(2, '0');
  return `${int}.${frac}`;
}

/** "0.05" → "5%", "0.125" → "12.5%": a fraction the API sent shown as a percentage. */
export function fractionToPercent(v: string | number | null | undefined): string {
  if (v === null || v === undefined || v === '') return '—';
  const m = /^(\d+)(?:\.(\d*))?$/.exec(String(v).trim());
  if (!m) return String(v);
  const digits = (m[2] ?? '').padEnd(2, '0');
  const whole = String(Number(m[1]) * 100 + Number(digits.slice(0, 2)));
  const rest = digits.slice(2).replace(/0+$/, '');
  return `${whole}${rest ? `.${rest}` : ''}%`;
}

/** The value of an <input type="datetime-local"> read as Beijing time → ISO instant with +08:00. */
export function shanghaiLocalToIso(local: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::(\d{2}))?$/.exec(local.trim());
  return m ? `${m[1]}T${m[2]}:${m[3] ?? '00'}+08:00` : null;
}

/** An ISO instant → "2026-05-01 09:00" in Asia/Shanghai (UTC+8, no summer time). */
export function formatShanghai(iso: string | null | undefined): string {
  if (!iso) return '—';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const d = new Date(t + 8 * 3600_000).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 16)}`;
}

/** An ISO instant → the value of an <input type="datetime-local"> in Beijing time. */
export function isoToShanghaiLocal(iso: string | null | undefined): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  return Number.isNaN(t) ? '' : new Date(t + 8 * 3600_000).toISOString().slice(0, 16);
}
