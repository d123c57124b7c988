/**
 * Shapes of the HTTP API as the web UI uses them (docs/CONTRACT.md, section HTTP API and
 * ApplicationForm). Optional fields are those the contract leaves open; the UI tolerates their absence.
 */

export type Role = 'applicant' | 'district_staff' | 'city_staff' | 'auditor' | 'implementer' | 'public';

export interface Account {
  id: string;
  username: string;
  role: Role;
  displayName?: string;
  districtCode?: string | null;
}

export type Relation = 'applicant' | 'spouse' | 'child' | 'parent' | 'other';
export type HukouType = 'urban' | 'rural_collective';
export type MaritalStatus = 'single' | 'married' | 'divorced' | 'widowed';
export type EducationLevel = 'none' | 'secondary' | 'associate' | 'bachelor' | 'master' | 'doctor';
export type SkillLevel = 'none' | 'senior_worker' | 'technician' | 'senior_technician';
export type TalentLevel = 'none' | 'A' | 'B' | 'C' | 'D' | 'E';

export interface Member {
  name: string;
  idNumber: string;
  relation: Relation;
  hukou: { type: HukouType; city: string; place?: string };
  maritalStatus: MaritalStatus;
  educationLevel: EducationLevel;
  skillLevel: SkillLevel;
  talentLevel: TalentLevel;
}

export interface ApplicationForm {
  districtCode: string;
  phone: string;
  members: Member[];
  employment: { socialInsuranceMonths: number; retired: boolean; employer?: string };
  incomeStatus: 'low_middle' | 'none';
  housing: { ownedUnits: number; ownedArea: number };
  declarations: { formerPolicyHousing: boolean; publicRental: boolean; rentalSubsidy: boolean; talentPurchaseSubsidy: boolean };
}

export type AppStatus =
  | 'draft' | 'submitted' | 'returned' | 'admitted' | 'approved' | 'rejected'
  | 'withdrawn' | 'removed' | 'lapsed' | 'cancelled';

export type Category = 'wage_family' | 'talent' | null;

export interface Citation { doc?: string; docId?: string; article: string; articleNo?: number; clause?: string }

export interface Reason { code: string; article: string; passed?: boolean; message_zh?: string; message?: string; docId?: string; articleNo?: number }

export interface TraceStep {
  rule?: string;
  article?: string;
  test?: string;
  value?: unknown;
  passed?: boolean;
  params?: Record<string, { value: unknown; version: string }>;
  message_zh?: string;
}

export interface Verdict {
  eligible: boolean;
  category: Category;
  priority: string[];
  reasons: Reason[];
  trace?: TraceStep[];
  citations?: Citation[];
}

/** 第八条 as the server decided it on its own date (rule housing.waitlist-status); the UI never recomputes it. */
export interface WaitlistInfo { status: 'active' | 'must_confirm' | 'lapsed'; deadline?: string | null; remindFrom?: string | null }

export interface DataCheck {
  department: 'property' | 'civil_affairs' | 'social_insurance' | 'provident_fund' | string;
  provider?: string;
  checkedAt?: string;
  purpose?: string;
  result?: unknown;
  summary_zh?: string;
  ok?: boolean;
}

export interface AppEvent { at: string; kind: string; fromStatus?: string; toStatus?: string; reason?: string; article?: string; actor?: string }

/** An application as lists and detail pages see it. */
export interface Application {
  id: string;
  regCode?: string;
  status: AppStatus;
  districtCode?: string;
  districtName?: string;
  category?: Category;
  priority?: string[];
  submittedAt?: string | null;
  createdAt?: string;
  updatedAt?: string;
  admittedOn?: string | null;
  lastConfirmedOn?: string | null;
  noticeNo?: string | null;
  maskedName?: string;
  maskedId?: string;
  applicantName?: string;
  form?: ApplicationForm | null;
  verdict?: Verdict | null;
  checks?: DataCheck[];
  waitlist?: WaitlistInfo | null;
  pendingChange?: boolean;
  revisionStatus?: string;
  revisionKind?: string;
  decisionReason?: string | null;
  events?: AppEvent[];
  confirmDeadline?: string | null;
  closedReason?: string | null;
  changeReason?: string | null;
  notices?: { noticeNo: string; kind: string; issuedOn: string; reason?: string | null; pdf: string }[];
  /** Fields where department records replaced what the family declared. */
  overrides?: { field: string; declared: unknown; checked: unknown; department: string }[];
}

export interface District { code: string; name: string; kind?: string }

export interface LawArticle { id: string; no: number | string; label: string; chapter?: string | null; text: string }
export interface LawDocument { docId: string; title: string; number?: string; articles: LawArticle[] }

export interface RuleInfo { id: string; title: string; citations: Citation[]; description?: string; params?: string[] }

export interface PublicResult {
  regCode: string;
  maskedName: string;
  maskedId: string;
  district?: string;
  districtName?: string;
  category?: Category;
  priority?: string[];
  admittedOn?: string | null;
}

export interface Page<T> { items: T[]; total: number; page: number; pageSize: number }

export interface Notification { id: string; subject?: string; body?: string; template?: string; createdAt?: string; readAt?: string | null; payload?: Record<string, unknown> }

export interface AuditRow {
  seq: number | string;
  at: string;
  actorAccountId?: string;
  actor?: string;
  actorRole?: string;
  action: string;
  targetType?: string;
  targetId?: string;
  detail?: unknown;
  hash?: string;
}

export interface AuditVerify { ok: boolean; checked?: number; brokenAt?: number | string | null; firstBrokenSeq?: number | string | null; reason?: string; message_zh?: string }
