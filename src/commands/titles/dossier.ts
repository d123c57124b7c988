/**
 * 第二十一条 (动态管理档案): everything recorded about one unit, read straight from the tables the
 * closed-loop modules write — titles, the maintenance fund, events and cases, exit applications,
 * buyback contracts and payments. The dossier (record.ts) and the archive export (archive.ts)
 * present it; neither changes it.
 */
import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import {
  applications, buybackContracts, buybackPayments, contracts, exitApplications, maintenanceFundAccounts, unitCases, unitEvents,
} from '../../db/schema.js';
import { exitEligibility } from '../../rules/housing/exit-eligibility.js';
import type { UnitScope } from './access.js';
import { fundBalance, fundEntries } from './fund.js';
import { currentTitle, titleHistory, type TitleRow } from './title.js';

/**
 * The first day the holder may apply to exit (第二十四条), by rule housing.exit-eligibility; null when
 * no title, or when the government holds it (bought back: no holder who could exit).
 */
export function earliestExitOn(title: Pick<TitleRow, 'issuedOn' | 'holderKind'> | undefined, today: string): string | null {
  if (!title || title.holderKind === 'government') return null;
  const r = exitEligibility({
    titleIssuedOn: title.issuedOn, route: 'buyback', extraLoansOrMortgages: false, leased: false, legalDispute: false, useChanged: false, structureAltered: false,
  }, today);
  return r.value.earliestDate;
}

/** The purchase contract behind the current title, else the unit's latest signed contract. */
async function purchaseContract(tx: Tx, unitId: string, title: TitleRow | undefined) {
  if (title?.contractId) return (await tx.select().from(contracts).where(eq(contracts.id, title.contractId)))[0];
  const [c] = await tx.select().from(contracts).where(eq(contracts.unitId, unitId)).orderBy(desc(contracts.signedAt)).limit(1);
  return c?.status === 'signed' ? c : undefined;
}

/** The whole record of the unit of `scope`. */
export async function loadDossier(tx: Tx, scope: UnitScope) {
  const unitId = scope.unit.id;
  const title = await currentTitle(tx, unitId);
  const history = await titleHistory(tx, unitId);
  const contract = await purchaseContract(tx, unitId, title);
  const [buyer] = contract ? await tx.select().from(applications).where(eq(applications.id, contract.applicationId)) : [];
  const balance = await fundBalance(tx, unitId);
  const [account] = balance ? await tx.select().from(maintenanceFundAccounts).where(eq(maintenanceFundAccounts.id, balance.accountId)) : [];
  const entries = balance ? await fundEntries(tx, balance.accountId) : [];
  const events = await tx.select().from(unitEvents).where(eq(unitEvents.unitId, unitId)).orderBy(asc(unitEvents.occurredOn), asc(unitEvents.recordedAt));
  const cases = await tx.select().from(unitCases).where(eq(unitCases.unitId, unitId)).orderBy(asc(unitCases.openedOn), asc(unitCases.caseNo));
  const exits = await tx.select().from(exitApplications).where(eq(exitApplications.unitId, unitId)).orderBy(asc(exitApplications.submittedOn), asc(exitApplications.exitNo));
  const buybacks = exits.length ? await tx.select().from(buybackContracts).where(inArray(buybackContracts.exitId, exits.map((e) => e.id))) : [];
  const payments = buybacks.length
    ? await tx.select().from(buybackPayments).where(inArray(buybackPayments.contractId, buybacks.map((b) => b.id))).orderBy(asc(buybackPayments.paidOn), asc(buybackPayments.stage))
    : [];
  return { ...scope, title, history, contract, buyer, balance, account, entries, events, cases, exits, buybacks, payments };
}
export type Dossier = Awaited<ReturnType<typeof loadDossier>>;
