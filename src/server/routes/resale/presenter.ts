/** Presenters of the resale routes (第三十条): dates as ISO strings. */
import type { ResaleOfferRow } from '../../../commands/resale/index.js';

/** The offer without its version, times as ISO strings. */
export function presentResaleOffer<T extends ResaleOfferRow>(o: T) {
  const { version: _v, approvedAt, status, ...rest } = o;
  return { ...rest, status: status as 'renovating' | 'approved' | 'sold', approvedAt: approvedAt ? approvedAt.toISOString() : null };
}
