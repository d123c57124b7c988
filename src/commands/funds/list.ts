/** The fund ledger of a project (第十七条) with totals by source and direction. Implementer (own), staff, auditor. */
import { asc, eq } from 'drizzle-orm';
import { FUND_SOURCES, fundLedger } from '../../db/schema.js';
import type { CommandContext } from '../context.js';
import { assertProjectAccess, loadProject } from '../sale/access.js';
import type { FundSource } from './ledger.js';

export type FundTotals = { in: number; out: number; balance: number };
export type FundView = {
  project: { id: string; code: string; name: string };
  entries: Array<{
    id: number; source: FundSource; direction: 'in' | 'out'; amountFen: number; occurredOn: string; memo: string; reference: string;
    recordedBy: string | null; recordedAt: string;
  }>;
  totals: FundTotals & { bySource: Record<FundSource, FundTotals> };
};

/** Entries in date order, then totals. */
export async function listFunds(ctx: CommandContext, projectId: string): Promise<FundView> {
  return ctx.db.transaction(async (tx) => {
    const project = await loadProject(tx, projectId);
    assertProjectAccess(ctx.actor, project, 'read');
    const rows = await tx.select().from(fundLedger).where(eq(fundLedger.projectId, project.id)).orderBy(asc(fundLedger.occurredOn), asc(fundLedger.id));
    const bySource = Object.fromEntries(FUND_SOURCES.map((s) => [s, { in: 0, out: 0, balance: 0 }])) as Record<FundSource, FundTotals>;
    for (const r of rows) {
      const t = bySource[r.source as FundSource];
      t[r.direction as 'in' | 'out'] += r.amountFen;
      t.balance = t.in - t.out;
    }
    const total = (k: 'in' | 'out') => FUND_SOURCES.reduce((s, src) => s + bySource[src][k], 0);
    return {
      project: { id: project.id, code: project.code, name: project.name },
      entries: rows.map((r) => ({
        id: r.id, source: r.source as FundSource, direction: r.direction as 'in' | 'out', amountFen: r.amountFen, occurredOn: r.occurredOn, memo: r.memo,
        reference: r.reference, recordedBy: r.recordedBy, recordedAt: r.recordedAt.toISOString(),
      })),
      totals: { in: total('in'), out: total('out'), balance: total('in') - total('out'), bySource },
    };
  });
}
