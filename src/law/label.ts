/**
 * Chinese numerals for article labels. Pure: no I/O, so the rules layer may import it.
 */

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/**
 * Writes 1..99 the way the gazette numbers articles and sections: 10 → "十", 21 → "二十一".
 * @throws RangeError outside 1..99 (no document in the gazette goes further).
 */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`chineseNumeral: ${n} is outside 1..99`);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const head = tens === 0 ? '' : tens === 1 ? '十' : `${DIGITS[tens]}十`;
  return head + (ones === 0 ? '' : DIGITS[ones]);
}

/** Reads a Chinese numeral written by {@link chineseNumeral} ("三十一" → 31); NaN if it is not one. */
export function parseChineseNumeral(s: string): number {
  const m = /^(?:([一二三四五六七八九])?(十))?([一二三四五六七八九])?$/.exec(s);
  if (!m || s === '') return NaN;
  const tens = m[2] ? (m[1] ? DIGITS.indexOf(m[1]) : 1) : 0;
  const ones = m[3] ? DIGITS.indexOf(m[3]) : 0;
  return tens * 10 + ones;
}

/** Article label: 1 → "第一条", 31 → "第三十一条". */
export function articleLabel(n: number): string {
  return `第${chineseNumeral(n)}条`;
}
