/**
 * The public qualification list (第七条): registration code, masked name and ID number only.
 * The masks are made when the application is submitted; this presenter checks them again so
 * that no row can leave with more than the first 2 and last 2 characters of an ID number.
 */
import type { PublicResult } from '../../../commands/applications/lists.js';

const MASK_OK = /^.{2}\*+.{2}$/u;

/** An ID mask that passes, or a fully starred string when it does not. */
export function safeMaskedId(masked: string | null): string {
  if (!masked) return '';
  return MASK_OK.test(masked) ? masked : '*'.repeat(Array.from(masked).length);
}

/** A masked name shows at most its first and last character. */
export function safeMaskedName(masked: string | null): string {
  if (!masked) return '';
  const chars = Array.from(masked);
  const shown = chars.filter((c) => c !== '*').length;
  return shown <= 2 && (chars.length <= 1 || chars.slice(1, -1).every((c) => c === '*')) ? masked : '*'.repeat(chars.length);
}

/** One row of GET /api/public/results. */
export function presentPublicResult(r: PublicResult) {
  return {
    regCode: r.regCode, maskedName: safeMaskedName(r.maskedName), maskedId: safeMaskedId(r.maskedId),
    district: r.district, districtCode: r.districtCode, category: r.category, priority: r.priority ?? [], admittedOn: r.admittedOn,
  };
}
