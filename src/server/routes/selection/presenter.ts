/** Shapes selection records for the API: dates as ISO strings, named fields only. */
import type { BatchRow, Conversion, SelectionBoard } from '../../../commands/selection/index.js';

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());
const isoOrNull = (d: Date | string | null | undefined) => (d == null ? null : iso(d));

/** A batch. */
export function presentBatch<T extends BatchRow>(b: T) {
  return {
    ...b, opensAt: iso(b.opensAt), closesAt: iso(b.closesAt), closedAt: isoOrNull(b.closedAt),
  };
}

/** The board. */
export function presentBoard(b: SelectionBoard) {
  return {
    ...b,
    batches: b.batches.map((x) => ({
      ...x, opensAt: iso(x.opensAt), closesAt: iso(x.closesAt), closedAt: isoOrNull(x.closedAt),
      calls: x.calls.map((c) => ({ ...c, outcome: c.outcome as 'waiting', at: isoOrNull(c.at) })),
    })),
    rolling: b.rolling.map((r) => ({ ...r, lockedAt: iso(r.lockedAt) })),
  };
}

/** A conversion decision. */
export const presentConversion = (c: Conversion) => ({ ...c, decidedAt: iso(c.decidedAt) });
