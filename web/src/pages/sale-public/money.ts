/**
 * Money on the sale pages: the API carries integer fen (fields ending in `Fen`); people read
 * yuan with two decimals, "¥20,000.00". Conversions are on strings, never floating point, so
 * that an amount typed in yuan becomes exactly the fen the rule (第十三条) compares.
 */

// Display of fen and areas is shared with the unit grid (one formatter for the whole UI).
export { formatArea, formatFen } from '../../components/unitGrid';

/** The yuan text of an amount for an input box: 1500000 → "15000.00". */
export function fenToYuanText(fen: number): string {
  const abs = Math.abs(Math.trunc(fen));
  return `${fen < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * Exact fen of a yuan amount typed by a person ("15000", "15,000.5", "15000.05");
 * null when it is not a non-negative amount with at most two decimals.
 */
export function yuanTextToFen(text: string | number | null | undefined): number | null {
  if (text === null || text === undefined) return null;
  const s = String(text).replace(/[,，\s¥￥]/g, '');
  const m = /^(\d+)(?:\.(\d{0,2}))?$/.exec(s);
  if (!m) return null;
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(fen) ? fen : null;
}
