/** Shapes the family's turn and selection for the API: dates as ISO strings. */
import type { MyTurn, SelectionView } from '../../../commands/selection/index.js';

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());

/** A selection with its unit (named fields only: no application id). */
export const presentSelection = (s: SelectionView) => ({
  id: s.id, projectId: s.projectId, unitId: s.unitId, status: s.status as 'locked', kind: s.kind as 'round', lockedAt: iso(s.lockedAt),
  registrationId: s.registrationId, batchId: s.batchId, unit: s.unit,
});

/** The turn, or null. */
export function presentTurn(t: MyTurn | null) {
  if (!t) return null;
  return {
    ...t, outcome: t.outcome as 'waiting', closesAt: iso(t.closesAt),
    batch: { ...t.batch, opensAt: iso(t.batch.opensAt), closesAt: iso(t.batch.closesAt) },
    selection: t.selection ? presentSelection(t.selection) : null,
    otherTurns: t.otherTurns.map((o) => ({ ...o, closesAt: iso(o.closesAt) })),
  };
}
