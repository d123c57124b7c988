/**
 * Which bank payment each refund returns. The ledger keeps amounts per registration; a bank
 * refund must name the original transaction. Pure and deterministic over the registration's
 * append-only rows, so the refunds job finds the same answer on every run:
 * - a refund booked on arrival (reference `RF-<txnId>`, src/commands/registrations/callback.ts)
 *   returns that very transaction;
 * - every other credit or refund, in ledger order, takes the earliest payment that still covers
 *   it whole (a registration holds at most one 认购金, from one payment, 第十一条).
 */
export type LedgerRow = { id: number; kind: string; amountFen: number; reference: string };
export type Allocation = { txnId: string } | { error: string };

/** For each `refunded` row id: the transaction it returns, or why none can be named. */
export function allocateRefunds(rows: LedgerRow[]): Map<number, Allocation> {
  const sorted = [...rows].sort((a, b) => a.id - b.id);
  const left = new Map<string, number>();
  for (const r of sorted) if (r.kind === 'paid') left.set(r.reference, r.amountFen);
  const out = new Map<number, Allocation>();
  const designated = (r: LedgerRow) => r.kind === 'refunded' && r.reference.startsWith('RF-') && left.has(r.reference.slice(3));
  for (const r of sorted.filter(designated)) {
    const txn = r.reference.slice(3);
    const rest = left.get(txn)!;
    if (rest < r.amountFen) { out.set(r.id, { error: `refund ${r.reference} exceeds payment ${txn}` }); continue; }
    left.set(txn, rest - r.amountFen);
    out.set(r.id, { txnId: txn });
  }
  for (const r of sorted) {
    if ((r.kind !== 'refunded' && r.kind !== 'credited') || out.has(r.id)) continue;
    const txn = [...left.entries()].find(([, rest]) => rest >= r.amountFen)?.[0];
    if (txn === undefined) {
      if (r.kind === 'refunded') out.set(r.id, { error: `no single payment covers refund ${r.reference} of ${r.amountFen} fen` });
      continue;
    }
    left.set(txn, left.get(txn)! - r.amountFen);
    if (r.kind === 'refunded') out.set(r.id, { txnId: txn });
  }
  return out;
}
