/**
 * Live preview of a price schedule as the implementer types it (第十二条): price = base per m² ×
 * area × coefficient, and whether the coefficient lies within the float range. The server
 * computes the binding figures with rule housing.unit-price and refuses a schedule with any
 * unit out of range; this preview uses the same exact arithmetic (BigInt, rounded once, half
 * up — the rule's default parameter housing.sale.unit_price_rounding) so the two agree.
 */

/** A decimal string as an integer scaled by 10^scale; null when it has more decimals or is not a number. */
export function scaled(v: string | number | null | undefined, scale: number): bigint | null {
  if (v === null || v === undefined) return null;
  const s = String(v).trim();
  const m = /^(-?)(\d+)(?:\.(\d*))?$/.exec(s);
  if (!m) return null;
  const frac = m[3] ?? '';
  if (frac.length > scale) return null;
  const n = BigInt(m[2] + frac.padEnd(scale, '0'));
  return m[1] ? -n : n;
}

/** base (fen per m²) × area (≤ 2 decimals) × coefficient (≤ 6 decimals) in fen, half up; null on bad input. */
export function previewPrice(basePerM2Fen: number | null | undefined, area: string, coefficient: string): number | null {
  if (basePerM2Fen == null || !Number.isSafeInteger(basePerM2Fen) || basePerM2Fen <= 0) return null;
  const a = scaled(area, 2);
  const c = scaled(coefficient, 6);
  if (a === null || c === null || a <= 0n || c <= 0n) return null;
  const num = BigInt(basePerM2Fen) * a * c; // in fen × 10^8
  const q = num / 100_000_000n;
  const r = num % 100_000_000n;
  return Number(r * 2n >= 100_000_000n ? q + 1n : q);
}

/** |coefficient − 1| ≤ floatRange, both ends included (the rule's reading of one 浮动幅度); null on bad input. */
export function coefficientInRange(coefficient: string, floatRange: string | null): boolean | null {
  const c = scaled(coefficient, 6);
  const r = floatRange === null ? null : scaled(floatRange, 6);
  if (c === null || r === null || c <= 0n) return null;
  const dev = c - 1_000_000n;
  return (dev < 0n ? -dev : dev) <= r;
}

/** The lowest and highest coefficient the range allows, as decimal strings ("0.95", "1.05"). */
export function rangeBounds(floatRange: string | null): [string, string] | null {
  const r = floatRange === null ? null : scaled(floatRange, 6);
  if (r === null || r < 0n) return null;
  const fmt = (n: bigint) => {
    const s = n.toString().padStart(7, '0');
    return `${s.slice(0, -6)}.${s.slice(-6).replace(/0+$/, '').padEnd(2, '0')}`;
  };
  return [fmt(1_000_000n - r), fmt(1_000_000n + r)];
}

/** One line of the schedule being typed. */
export interface ScheduleLine { unitId: string; area: string; coefficient: string }

/**
 * Totals of the preview: units, how many coefficients are out of range or not a valid decimal,
 * and the sum of the prices in fen (0 until a base price is typed).
 */
export function scheduleSummary(base: number | null, floatRange: string | null, lines: ScheduleLine[]) {
  let outOfRange = 0;
  let invalid = 0;
  let totalFen = 0;
  for (const l of lines) {
    const c = scaled(l.coefficient, 6);
    if (c === null || c <= 0n) {
      invalid++;
      continue;
    }
    if (coefficientInRange(l.coefficient, floatRange) === false) outOfRange++;
    totalFen += previewPrice(base, l.area, l.coefficient) ?? 0;
  }
  return { units: lines.length, outOfRange, invalid, totalFen };
}
