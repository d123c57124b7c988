/**
 * recheckHoldings: the periodic re-check of waiting families' housing against property
 * records (济政发〔2025〕3号 第九条: 定期核查轮候家庭的住房情况，对不再满足保障条件的，按规定移出
 * 轮候库并通知申请人). Streams admitted families in keyset batches (bounded memory: the batch
 * being checked and the next one, read meanwhile), asks the property department about a whole
 * batch at once, and re-runs housing.eligibility only for families that hold a home whose
 * records changed since their last check; families that no longer qualify are removed, one
 * transaction per batch, each with a numbered notice giving the reason.
 */
import { and, asc, eq, gt, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { applicationRevisions, applications } from '../db/schema.js';
import { AAD } from '../crypto/index.js';
import { propertyOfFamilies, storeChecksMany, type CheckAnswer, type PropertyResult } from '../datachecks/index.js';
import { rules } from '../rules/registry.js';
import { toEligibilityInput } from '../rules/housing/eligibility.js';
import type { ApplicationForm } from '../commands/applications/form.js';
import type { EligibilityValue } from '../commands/applications/verdict.js';
import { removeManyFromWaitlist } from '../commands/applications/remove.js';
import { lockApplications } from '../commands/applications/store.js';
import { systemContext, type JobDeps } from './deps.js';

export interface RecheckResult {
  checked: number;
  /** The department shows no home: the housing condition cannot have become unmet. */
  noHoldings: number;
  /** Holds homes, and the records are the same as at the last check. */
  unchanged: number;
  reevaluated: number;
  removed: number;
  skipped: number;
}

type Checked = { employment?: unknown; incomeStatus?: unknown; housing?: { ownedUnits: number; ownedArea: number } } | null;
type Row = { id: string; seq: number; formEnc: string; revisionId: string };

function reasonText(p: PropertyResult, before: Checked, failed: EligibilityValue['reasons']): string {
  const was = before?.housing ? `（上次核查为 ${before.housing.ownedUnits} 套、${before.housing.ownedArea} 平方米）` : '';
  const why = failed.map((r) => `${r.message_zh}（${r.article}）`).join('；');
  return `不动产登记信息核查：家庭名下住房 ${p.ownedUnits} 套、${p.ownedArea} 平方米${was}。${why}`;
}

/** A slice of the families by application id: `from` inclusive, `to` exclusive; absent = unbounded. */
export type IdRange = { from?: string; to?: string };

/** `k` ranges of equal width over the (random, v4) application ids, for running the re-check as k jobs. */
export function idRanges(k: number): IdRange[] {
  const bound = (i: number) => `${Math.floor((i * 0x100000000) / k).toString(16).padStart(8, '0')}-0000-0000-0000-000000000000`;
  return Array.from({ length: k }, (_, i) => ({ ...(i > 0 ? { from: bound(i) } : {}), ...(i < k - 1 ? { to: bound(i + 1) } : {}) }));
}

// The stored verdict is large (trace and all) and only its `checked` part is needed, for few
// families: it is read separately, not with every row of the stream.
function admittedAfter(db: Db, after: string | null, range: IdRange, limit: number): Promise<Row[]> {
  const lower = after !== null ? gt(applications.id, after) : range.from ? gte(applications.id, range.from) : undefined;
  return db.select({ id: applications.id, seq: applications.currentRevision, formEnc: applicationRevisions.formEnc, revisionId: applicationRevisions.id })
    .from(applications)
    .innerJoin(applicationRevisions, and(eq(applicationRevisions.applicationId, applications.id), eq(applicationRevisions.seq, applications.currentRevision)))
    .where(and(eq(applications.status, 'admitted'), lower, range.to ? lt(applications.id, range.to) : undefined))
    .orderBy(asc(applications.id))
    .limit(limit);
}

async function lastChecked(db: Db, revisionIds: string[]): Promise<Map<string, Checked>> {
  if (!revisionIds.length) return new Map();
  const rows = await db.select({ id: applicationRevisions.id, checked: sql<Checked>`${applicationRevisions.verdict} -> 'checked'` })
    .from(applicationRevisions).where(inArray(applicationRevisions.id, revisionIds));
  return new Map(rows.map((r) => [r.id, r.checked]));
}

type Holder = { row: Row; form: ApplicationForm; answer: CheckAnswer<PropertyResult> };
type Decision = { row: Row; answer: CheckAnswer<PropertyResult>; before: Checked; blinds: string[]; verdict: EligibilityValue };

/**
 * Re-check every admitted family once (or those of `range`: several jobs over `idRanges(k)`
 * share a large list); safe to re-run (removed families are no longer admitted). Each batch
 * is read while the one before is checked, and the families of a batch holding a home are
 * settled (compared, re-evaluated, written in one transaction) while the next is checked.
 */
export async function recheckHoldings(deps: JobDeps, opts: { batchSize?: number; range?: IdRange } = {}): Promise<RecheckResult> {
  const ctx = systemContext(deps);
  const batchSize = opts.batchSize ?? 1000;
  const today = deps.clock.today();
  const out: RecheckResult = { checked: 0, noHoldings: 0, unchanged: 0, reevaluated: 0, removed: 0, skipped: 0 };
  const range = opts.range ?? {};
  let next = admittedAfter(deps.db, null, range, batchSize);
  let settling: Promise<void> = Promise.resolve();
  for (;;) {
    const rows = await next;
    if (!rows.length) break;
    next = rows.length < batchSize ? Promise.resolve([]) : admittedAfter(deps.db, rows[rows.length - 1]!.id, range, batchSize);
    next.catch(() => undefined); // awaited on the next turn; an error then ends the job
    const forms = rows.map((r) => deps.crypto.decryptJson<ApplicationForm>(r.formEnc, AAD.revisionForm(r.id)));
    const answers = await propertyOfFamilies(deps.dataChecks, forms.map((f) => f.members.map((m) => m.idNumber)), today);
    out.checked += rows.length;
    // Interpretation (第五条 住房困难): a family with no home at all meets the housing condition
    // whatever it held before; only families holding a home can have stopped qualifying.
    const holders = rows.flatMap((row, i) => (answers[i]!.result.ownedUnits > 0 || answers[i]!.result.ownedArea > 0 ? [{ row, form: forms[i]!, answer: answers[i]! }] : []));
    out.noHoldings += rows.length - holders.length;
    await settling;
    settling = settle(deps, ctx, today, holders, out);
    settling.catch(() => undefined); // awaited on the next turn or at the end
    deps.log?.({ msg: 'recheck.batch', ...out });
  }
  await settling;
  return out;
}

/** Families holding a home: unchanged since the last check, or re-evaluated and written. */
async function settle(deps: JobDeps, ctx: ReturnType<typeof systemContext>, today: string, holders: Holder[], out: RecheckResult): Promise<void> {
  const last = await lastChecked(deps.db, holders.map((h) => h.row.revisionId));
  const decisions: Decision[] = [];
  for (const { row, form, answer } of holders) {
    const before = last.get(row.revisionId) ?? null;
    const p = answer.result;
    if (before?.housing && before.housing.ownedUnits === p.ownedUnits && before.housing.ownedArea === p.ownedArea) {
      out.unchanged++;
      continue;
    }
    // Only the property facts are new; the rest stays as last checked at review.
    const input = { ...toEligibilityInput(form), ...(before?.employment ? { employment: before.employment } : {}), ...(before?.incomeStatus ? { incomeStatus: before.incomeStatus } : {}), housing: { ownedUnits: p.ownedUnits, ownedArea: p.ownedArea } };
    const verdict = rules['housing.eligibility'].evaluate(input, today).value as EligibilityValue;
    decisions.push({ row, answer, before, verdict, blinds: form.members.map((m) => deps.crypto.blindIndex(m.idNumber)) });
  }
  out.reevaluated += decisions.length;
  await writeDecisions(deps, ctx, decisions, out);
}

/** One transaction for a batch's changed families: store their checks, remove those no longer qualifying. */
async function writeDecisions(deps: JobDeps, ctx: ReturnType<typeof systemContext>, decisions: Decision[], out: RecheckResult): Promise<void> {
  if (!decisions.length) return;
  const counts = await deps.db.transaction(async (tx) => {
    const locked = await lockApplications(tx, decisions.map((d) => d.row.id));
    // A family that changed meanwhile (withdrew, a change was approved) is left for the next run.
    const live = decisions.filter((d) => {
      const app = locked.get(d.row.id);
      return app?.status === 'admitted' && app.currentRevision === d.row.seq;
    });
    await storeChecksMany(tx, live.map((d) => ({
      at: { applicationId: d.row.id, revisionId: d.row.revisionId, purpose: 'recheck' as const, members: d.blinds }, checks: { property: d.answer },
    })));
    const gone = live.filter((d) => !d.verdict.eligible);
    await removeManyFromWaitlist(tx, ctx, gone.map((d) => {
      const failed = d.verdict.reasons.filter((x) => !x.passed);
      return { app: locked.get(d.row.id)!, reason: reasonText(d.answer.result, d.before, failed), trigger: 'recheck' as const, evidence: { property: d.answer.result, failed } };
    }));
    return { skipped: decisions.length - live.length, removed: gone.length };
  });
  out.skipped += counts.skipped;
  out.removed += counts.removed;
}
