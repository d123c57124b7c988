/**
 * Money in integer fen (分). Decimal rates are strings and are applied exactly with BigInt;
 * every rounding is named by the caller.
 */

/** An amount in fen: a safe integer. */
export type Fen = number;

/**
 * How to round a product to the fen. half_up rounds a half away from zero (四舍五入),
 * half_even to the even fen, down towards zero (舍去), up away from zero (进位).
 */
export type Rounding = 'half_up' | 'half_even' | 'down' | 'up';

/** @throws RangeError unless `n` is a safe integer. */
export function assertFen(n: number): Fen {
  if (!Number.isSafeInteger(n)) throw new RangeError(`not an amount in fen: ${n}`);
  return n;
}

/** "1234.5" or "1234.50" yuan → 123450 fen. @throws RangeError for more than 2 decimals or a non-number. */
export function yuanToFen(yuan: string): Fen {
  const m = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(yuan.trim());
  if (!m) throw new RangeError(`not an amount in yuan with at most 2 decimals: ${JSON.stringify(yuan)}`);
  const fen = BigInt(m[2]!) * 100n + BigInt((m[3] ?? '').padEnd(2, '0'));
  return assertFen(Number(m[1] ? -fen : fen));
}

/** 123450 fen → "1234.50". */
export function fenToYuan(fen: Fen): string {
  const f = BigInt(assertFen(fen));
  const abs = f < 0n ? -f : f;
  return `${f < 0n ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/** Sum of amounts, refusing a total beyond the safe-integer range. */
export function sumFen(amounts: Fen[]): Fen {
  return assertFen(Number(amounts.reduce((s, a) => s + BigInt(assertFen(a)), 0n)));
}

function parseDecimal(rate: string): { num: bigint; scale: bigint } {
  const m = /^(-)?(\d+)(?:\.(\d+))?$/.exec(rate.trim());
  if (!m) throw new RangeError(`not a decimal: ${JSON.stringify(rate)}`);
  const digits = m[3] ?? '';
  const num = BigInt(m[2]! + digits);
  return { num: m[1] ? -num : num, scale: 10n ** BigInt(digits.length) };
}

/** n / d rounded to an integer by `rounding` (d > 0). */
function divRound(n: bigint, d: bigint, rounding: Rounding): bigint {
  const neg = n < 0n;
  const a = neg ? -n : n;
  const q = a / d;
  const r = a % d;
  let up = false;
  if (r !== 0n) {
    if (rounding === 'up') up = true;
    else if (rounding === 'half_up') up = r * 2n >= d;
    else if (rounding === 'half_even') up = r * 2n > d || (r * 2n === d && q % 2n === 1n);
  }
  const res = up ? q + 1n : q;
  return neg ? -res : res;
}

/** `fen` × decimal `rate` (e.g. "0.3"), computed exactly and rounded to the fen by `rounding`. */
export function mulRate(fen: Fen, rate: string, rounding: Rounding): Fen {
  const { num, scale } = parseDecimal(rate);
  return assertFen(Number(divRound(BigInt(assertFen(fen)) * num, scale, rounding)));
}

/**
 * `fen` × each decimal factor (e.g. area "89.57" and coefficient "1.03"), computed exactly as one
 * product and rounded to the fen once by `rounding`.
 */
export function mulFactors(fen: Fen, factors: string[], rounding: Rounding): Fen {
  let num = BigInt(assertFen(fen));
  let scale = 1n;
  for (const f of factors) {
    const d = parseDecimal(f);
    num *= d.num;
    scale *= d.scale;
  }
  return assertFen(Number(divRound(num, scale, rounding)));
}

/** Compares two decimal strings exactly: negative, zero or positive like a sort comparator. */
export function compareDecimals(a: string, b: string): number {
  const x = parseDecimal(a);
  const y = parseDecimal(b);
  const l = x.num * y.scale;
  const r = y.num * x.scale;
  return l < r ? -1 : l > r ? 1 : 0;
}

/** a − b for decimal strings, exactly, as a decimal string. */
export function subDecimals(a: string, b: string): string {
  const x = parseDecimal(a);
  const y = parseDecimal(b);
  const scale = x.scale > y.scale ? x.scale : y.scale;
  const n = x.num * (scale / x.scale) - y.num * (scale / y.scale);
  const places = String(scale).length - 1;
  const neg = n < 0n;
  const digits = (neg ? -n : n).toString().padStart(places + 1, '0');
  const int = digits.slice(0, digits.length - places);
  const frac = places ? `.${digits.slice(digits.length - places)}` : '';
  return `${neg ? '-' : ''}${int}${frac}`;
}
