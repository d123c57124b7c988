import type { Application, Page, PublicResult, Verdict } from './types';

// The server's presenters are written at the same time as this UI; these helpers accept
// camelCase or snake_case keys and bare or wrapped objects, so the UI does not break on a rename.

type Obj = Record<string, unknown>;

function pick(o: Obj, ...keys: string[]): unknown {
  for (const k of keys) if (o[k] !== undefined) return o[k];
  return undefined;
}

/** Normalizes a verdict that may be the rule's value, or `{value, trace}`. */
export function normalizeVerdict(v: unknown): Verdict | null {
  if (!v || typeof v !== 'object') return null;
  const o = v as Obj;
  const inner = (o.value && typeof o.value === 'object' ? o.value : o) as Obj;
  if (inner.eligible === undefined && !Array.isArray(inner.reasons)) return null;
  return {
    eligible: Boolean(inner.eligible),
    category: (inner.category ?? null) as Verdict['category'],
    priority: (inner.priority as string[]) ?? [],
    reasons: (inner.reasons as Verdict['reasons']) ?? [],
    trace: (o.trace ?? inner.trace) as Verdict['trace'],
    citations: (o.citations ?? inner.citations) as Verdict['citations'],
  };
}

/** Normalizes one application from list or detail answers. */
export function normalizeApplication(raw: unknown): Application {
  const w = raw as Obj;
  const o = (w.application && typeof w.application === 'object' ? { ...w, ...(w.application as Obj) } : w) as Obj;
  const verdict = normalizeVerdict(pick(o, 'verdict', 'ruleResult', 'rule_result'));
  return {
    id: String(o.id),
    regCode: pick(o, 'regCode', 'reg_code') as string | undefined,
    status: (pick(o, 'status') as Application['status']) ?? 'draft',
    districtCode: pick(o, 'districtCode', 'district_code') as string | undefined,
    districtName: pick(o, 'districtName', 'district_name', 'district') as string | undefined,
    category: (pick(o, 'category') as Application['category']) ?? verdict?.category ?? null,
    priority: (pick(o, 'priority') as string[] | undefined) ?? verdict?.priority ?? [],
    submittedAt: pick(o, 'submittedAt', 'submitted_at') as string | undefined,
    createdAt: pick(o, 'createdAt', 'created_at') as string | undefined,
    updatedAt: pick(o, 'updatedAt', 'updated_at') as string | undefined,
    admittedOn: pick(o, 'admittedOn', 'admitted_on') as string | undefined,
    lastConfirmedOn: pick(o, 'lastConfirmedOn', 'last_confirmed_on') as string | undefined,
    noticeNo: pick(o, 'noticeNo', 'notice_no') as string | undefined,
    maskedName: pick(o, 'maskedName', 'masked_applicant_name', 'maskedApplicantName') as string | undefined,
    maskedId: pick(o, 'maskedId', 'masked_applicant_id', 'maskedApplicantId') as string | undefined,
    applicantName: pick(o, 'applicantName', 'applicant_name') as string | undefined,
    form: (pick(o, 'form') as Application['form']) ?? null,
    verdict,
    checks: (pick(o, 'checks', 'dataChecks', 'data_checks') as Application['checks']) ?? [],
    waitlist: (pick(o, 'waitlist', 'waitlistStatus') as Application['waitlist']) ?? null,
    // review-queue items say kind "change" for a change request under review (第九条)
    pendingChange: Boolean(pick(o, 'pendingChange', 'pending_change', 'changePending')) || pick(o, 'kind') === 'change',
    confirmDeadline: pick(o, 'confirmDeadline', 'confirm_deadline') as string | undefined,
    closedReason: pick(o, 'closedReason', 'closed_reason') as string | undefined,
    changeReason: pick(o, 'changeReason', 'change_reason') as string | undefined,
    notices: (pick(o, 'notices') as Application['notices']) ?? [],
    overrides: ((pick(o, 'verdict') as { overrides?: Application['overrides'] } | undefined)?.overrides) ?? [],
    revisionStatus: pick(o, 'revisionStatus', 'revision_status') as string | undefined,
    revisionKind: pick(o, 'revisionKind', 'revision_kind') as string | undefined,
    decisionReason: pick(o, 'decisionReason', 'decision_reason', 'returnReason') as string | undefined,
    events: (pick(o, 'events', 'history') as Application['events']) ?? [],
  };
}

/** Normalizes a paginated answer (bare list or {items,total,page,pageSize}). */
export function normalizePage<T>(raw: unknown, page: number, pageSize: number): Page<T> {
  if (Array.isArray(raw)) return { items: raw as T[], total: raw.length, page, pageSize };
  const o = (raw ?? {}) as Obj;
  const items = (pick(o, 'items', 'results', 'data') as T[]) ?? [];
  return {
    items,
    total: Number(pick(o, 'total', 'count') ?? items.length),
    page: Number(pick(o, 'page') ?? page),
    pageSize: Number(pick(o, 'pageSize', 'page_size', 'limit') ?? pageSize),
  };
}

/** Normalizes one public result row. */
export function normalizePublicResult(raw: unknown): PublicResult {
  const o = raw as Obj;
  return {
    regCode: String(pick(o, 'regCode', 'reg_code') ?? ''),
    maskedName: String(pick(o, 'maskedName', 'masked_name') ?? ''),
    maskedId: String(pick(o, 'maskedId', 'masked_id') ?? ''),
    district: pick(o, 'district', 'districtName', 'district_name') as string | undefined,
    category: (pick(o, 'category') as PublicResult['category']) ?? null,
    priority: (pick(o, 'priority') as string[]) ?? [],
    admittedOn: pick(o, 'admittedOn', 'admitted_on', 'date') as string | undefined,
  };
}
