/**
 * recheckHoldings: the periodic re-check of waiting families' housing against property
 * records (济政发〔2025〕3号 第九条: 定期核查轮候家庭的住房情况，对不再满足保障条件的，按规定移出
 * 轮候库并通知申请人). Streams admitted families in keyset batches (bounded memory), asks the
 * property department about each, and re-runs housing.eligibility only where the records
 * changed since the family's last check; a family that no longer qualifies is removed with a
 * numbered notice giving the reason.
 */
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { applicationRevisions, applications } from '../db/schema.js';
import { AAD } from '../crypto/index.js';
import { storeChecks, type CheckAnswer, type PropertyResult } from '../datachecks/index.js';
import { rules } from '../rules/registry.js';
import { toEligibilityInput } from '../rules/housing/eligibility.js';
import type { ApplicationForm } from '../commands/applications/form.js';
import type { EligibilityValue } from '../commands/applications/verdict.js';
import { removeFromWaitlist } from '../commands/applications/remove.js';
import { lockApplication } from '../commands/applications/store.js';
import { systemContext, type JobDeps } from './deps.js';

export interface RecheckResult {
  checked: number;
  unchanged: number;
  reevaluated: number;
  removed: number;
  skipped: number;
}

type Checked = { employment?: unknown; incomeStatus?: unknown; housing?: { ownedUnits: number; ownedArea: number } } | null;

function reasonText(p: PropertyResult, before: Checked, failed: EligibilityValue['reasons']): string {
  const was = before?.housing ? `（上次核查为 ${before.housing.ownedUnits} 套、${before.housing.ownedArea} 平方米）` : '';
  const why = failed.map((r) => `${r.message_zh}（${r.article}）`).join('；');
  return `不动产登记信息核查：家庭名下住房 ${p.ownedUnits} 套、${p.ownedArea} 平方米${was}。${why}`;
}

/** Re-check every admitted family once; safe to re-run (removed families are no longer admitted). */
export async function recheckHoldings(deps: JobDeps, opts: { batchSize?: number } = {}): Promise<RecheckResult> {
  const ctx = systemContext(deps);
  const batchSize = opts.batchSize ?? 500;
  const today = deps.clock.today();
  const out: RecheckResult = { checked: 0, unchanged: 0, reevaluated: 0, removed: 0, skipped: 0 };
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await deps.db
      .select({
        id: applications.id, seq: applications.currentRevision, formEnc: applicationRevisions.formEnc, revisionId: applicationRevisions.id,
        // Only the small part of the verdict the comparison needs, not its trace.
        checked: sql<Checked>`${applicationRevisions.verdict} -> 'checked'`,
      })
      .from(applications)
      .innerJoin(applicationRevisions, and(eq(applicationRevisions.applicationId, applications.id), eq(applicationRevisions.seq, applications.currentRevision)))
      .where(and(eq(applications.status, 'admitted'), gt(applications.id, after)))
      .orderBy(asc(applications.id))
      .limit(batchSize);
    if (!rows.length) break;
    after = rows[rows.length - 1].id;
    const forms = rows.map((r) => deps.crypto.decryptJson<ApplicationForm>(r.formEnc, AAD.revisionForm(r.id)));
    const answers: CheckAnswer<PropertyResult>[] = await Promise.all(forms.map((f) => deps.dataChecks.property(f.members.map((m) => m.idNumber), today)));
    for (let i = 0; i < rows.length; i++) {
      out.checked++;
      const r = rows[i];
      const p = answers[i].result;
      const before = r.checked;
      if (before?.housing && before.housing.ownedUnits === p.ownedUnits && before.housing.ownedArea === p.ownedArea) {
        out.unchanged++;
        continue;
      }
      out.reevaluated++;
      // Only the property facts are new; the rest stays as last checked at review.
      const input = { ...toEligibilityInput(forms[i]), ...(before?.employment ? { employment: before.employment } : {}), ...(before?.incomeStatus ? { incomeStatus: before.incomeStatus } : {}), housing: { ownedUnits: p.ownedUnits, ownedArea: p.ownedArea } };
      const verdict = rules['housing.eligibility'].evaluate(input, today).value as EligibilityValue;
      const blinds = forms[i].members.map((m) => deps.crypto.blindIndex(m.idNumber));
      const removed = await deps.db.transaction(async (tx) => {
        const app = await lockApplication(tx, r.id);
        // The family changed meanwhile (withdrew, a change was approved): leave it for the next run.
        if (app.status !== 'admitted' || app.currentRevision !== r.seq) return null;
        await storeChecks(tx, { applicationId: r.id, revisionId: r.revisionId, purpose: 'recheck', members: blinds }, { property: answers[i] });
        if (verdict.eligible) return false;
        const failed = verdict.reasons.filter((x) => !x.passed);
        await removeFromWaitlist(tx, ctx, app, { reason: reasonText(p, before, failed), trigger: 'recheck', evidence: { property: p, failed } });
        return true;
      });
      if (removed === null) out.skipped++;
      else if (removed) out.removed++;
    }
    deps.log?.({ msg: 'recheck.batch', ...out });
  }
  return out;
}
