/** Storing department answers with the application (and revision) they were asked for. */
import type { Db, Tx } from '../db/client.js';
import { dataChecks } from '../db/schema.js';
import type { FamilyChecks } from './types.js';

/**
 * Insert one data_checks row per department. `members` are the blind indexes of the ID
 * numbers asked about, in request order, so the stored request identifies people without
 * holding their ID numbers.
 */
export async function storeChecks(tx: Tx | Db, at: CheckedFor, checks: Partial<FamilyChecks>): Promise<void> {
  await storeChecksMany(tx, [{ at, checks }]);
}

/** What a set of answers was asked for. */
export type CheckedFor = { applicationId: string; revisionId: string | null; purpose: 'review' | 'recheck'; members: string[] };

/** The answers of several families in one statement (periodic re-checks). */
export async function storeChecksMany(tx: Tx | Db, list: Array<{ at: CheckedFor; checks: Partial<FamilyChecks> }>): Promise<void> {
  const rows = list.flatMap(({ at, checks }) => Object.values(checks).map((a) => ({
    applicationId: at.applicationId,
    revisionId: at.revisionId,
    department: a.department,
    purpose: at.purpose,
    request: { asOf: a.asOf, members: at.members },
    response: { result: a.result, raw: a.raw },
    provider: a.provider,
    checkedAt: new Date(a.checkedAt),
  })));
  if (rows.length) await tx.insert(dataChecks).values(rows);
}
