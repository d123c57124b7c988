/**
 * Database schema (Drizzle pg-core) for the foundation and the city-wide waiting list
 * (轮候库, 济政发〔2025〕3号 第四至九条). PostgreSQL dialect only; the same migrations run
 * on PGlite and PostgreSQL 15.
 *
 * Personal data: names, ID numbers and phones never appear in clear. The full form of a
 * revision is AES-GCM encrypted (`form_enc`); ID numbers are looked up by HMAC blind index
 * (`id_blind`); public pages read only the masked columns of `applications`.
 *
 * Partitioning: `applications` carries `district_code`, and every child table reaches it
 * through `application_id`, so a distributed deployment can co-locate by application.
 */
import { sql } from 'drizzle-orm';
import {
  bigserial, check, date, index, integer, jsonb, pgSequence, pgTable, primaryKey,
  smallint, text, timestamp, unique, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

/** Roles an account may hold (authorization is scoped by role and district). */
export const ROLES = ['applicant', 'district_staff', 'city_staff', 'auditor', 'implementer'] as const;
/** Application states (docs/CONTRACT.md "Application states"). */
export const APPLICATION_STATUSES = [
  'draft', 'submitted', 'returned', 'admitted', 'rejected', 'withdrawn', 'removed', 'lapsed', 'cancelled', 'purchased', 'exited',
] as const;
/**
 * States in which the family's persons are held in `active_persons`. A family that signed a purchase
 * contract ('purchased', 第十一条: one unit only) stays held, so it cannot enter the list again.
 */
export const ACTIVE_STATUSES = ['submitted', 'returned', 'admitted', 'purchased'] as const;
export const REVISION_STATUSES = ['draft', 'submitted', 'returned', 'approved', 'rejected', 'superseded'] as const;
export const DEPARTMENTS = ['property', 'civil_affairs', 'social_insurance', 'provident_fund'] as const;
export const CHANNELS = ['in_app', 'sms', 'email'] as const;

const inList = (col: string, values: readonly string[]) =>
  sql.raw(`${col} in (${values.map((v) => `'${v}'`).join(', ')})`);

/** Public registration codes: "JN" + year + 6-digit number from this sequence. */
export const applicationRegSeq = pgSequence('application_reg_seq', { startWith: 1 });
/** Numbers of 准予入库通知书 and other numbered notices. */
export const noticeSeq = pgSequence('notice_seq', { startWith: 1 });

export const districts = pgTable('districts', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind').notNull(),
}, (t) => [check('districts_kind_ck', inList('kind', ['district', 'county', 'zone']))]);

export const accounts = pgTable('accounts', {
  id: uuid('id').primaryKey().defaultRandom(),
  username: text('username').notNull().unique(),
  passwordHash: text('password_hash').notNull(),
  role: text('role').notNull(),
  districtCode: text('district_code').references(() => districts.code),
  displayName: text('display_name').notNull(),
  phoneEnc: text('phone_enc'),
  phoneBlind: text('phone_blind'),
  createdAt: ts('created_at').notNull().defaultNow(),
  disabledAt: ts('disabled_at'),
}, (t) => [
  check('accounts_role_ck', inList('role', ROLES)),
  // District staff are always scoped to one district (authorization is data).
  check('accounts_district_staff_ck', sql`role <> 'district_staff' or district_code is not null`),
  index('accounts_phone_blind_idx').on(t.phoneBlind),
]);

export const sessions = pgTable('sessions', {
  id: text('id').primaryKey(), // sha256 hex of the cookie token; the token itself is never stored
  accountId: uuid('account_id').notNull().references(() => accounts.id, { onDelete: 'cascade' }),
  createdAt: ts('created_at').notNull().defaultNow(),
  expiresAt: ts('expires_at').notNull(),
  lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
}, (t) => [index('sessions_account_idx').on(t.accountId), index('sessions_expires_idx').on(t.expiresAt)]);

export const applications = pgTable('applications', {
  id: uuid('id').primaryKey().defaultRandom(),
  regCode: text('reg_code').notNull().unique(),
  accountId: uuid('account_id').notNull().references(() => accounts.id),
  districtCode: text('district_code').notNull().references(() => districts.code),
  status: text('status').notNull().default('draft'),
  category: text('category'),
  priority: jsonb('priority').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  maskedApplicantName: text('masked_applicant_name'),
  maskedApplicantId: text('masked_applicant_id'),
  currentRevision: integer('current_revision').notNull().default(1),
  submittedAt: ts('submitted_at'),
  admittedOn: day('admitted_on'),
  lastConfirmedOn: day('last_confirmed_on'),
  /** Two-year anniversary (第八条) as computed by rule housing.waitlist-status; indexed for the lapse job. */
  confirmDeadline: day('confirm_deadline'),
  lastRemindedFor: day('last_reminded_for'),
  purchasedOn: day('purchased_on'),
  noticeNo: text('notice_no').unique(),
  lapsedOn: day('lapsed_on'),
  closedOn: day('closed_on'),
  closedReason: text('closed_reason'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  version: integer('version').notNull().default(1),
}, (t) => [
  check('applications_status_ck', inList('status', APPLICATION_STATUSES)),
  check('applications_category_ck', sql`category is null or category in ('wage_family', 'talent')`),
  index('applications_account_idx').on(t.accountId),
  index('applications_district_status_idx').on(t.districtCode, t.status, t.submittedAt),
  index('applications_admitted_idx').on(t.status, t.id),
  index('applications_deadline_idx').on(t.confirmDeadline).where(sql`status = 'admitted'`),
  index('applications_public_idx').on(t.admittedOn, t.regCode).where(sql`status = 'admitted'`),
]);

export const applicationRevisions = pgTable('application_revisions', {
  id: uuid('id').primaryKey().defaultRandom(),
  applicationId: uuid('application_id').notNull().references(() => applications.id),
  seq: integer('seq').notNull(),
  kind: text('kind').notNull(),
  status: text('status').notNull().default('draft'),
  formEnc: text('form_enc').notNull(),
  changeReason: text('change_reason'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  submittedAt: ts('submitted_at'),
  decidedAt: ts('decided_at'),
  decidedBy: uuid('decided_by').references(() => accounts.id),
  decisionReason: text('decision_reason'),
  verdict: jsonb('verdict'),
}, (t) => [
  unique('application_revisions_app_seq_uq').on(t.applicationId, t.seq),
  check('application_revisions_kind_ck', inList('kind', ['initial', 'change'])),
  check('application_revisions_status_ck', inList('status', REVISION_STATUSES)),
  index('application_revisions_status_idx').on(t.status, t.kind),
]);

export const applicationMembers = pgTable('application_members', {
  revisionId: uuid('revision_id').notNull().references(() => applicationRevisions.id, { onDelete: 'cascade' }),
  idx: smallint('idx').notNull(),
  relation: text('relation').notNull(),
  idBlind: text('id_blind').notNull(),
  birthDate: day('birth_date').notNull(),
  sex: text('sex').notNull(),
  hukouType: text('hukou_type').notNull(),
  hukouCity: text('hukou_city').notNull(),
}, (t) => [
  primaryKey({ columns: [t.revisionId, t.idx] }),
  check('application_members_sex_ck', inList('sex', ['M', 'F'])),
  index('application_members_blind_idx').on(t.idBlind),
]);

/** A person is in at most one application in {submitted, returned, admitted}: the primary key enforces it. */
export const activePersons = pgTable('active_persons', {
  idBlind: text('id_blind').primaryKey(),
  applicationId: uuid('application_id').notNull().references(() => applications.id),
  since: ts('since').notNull().defaultNow(),
}, (t) => [index('active_persons_app_idx').on(t.applicationId)]);

export const dataChecks = pgTable('data_checks', {
  id: uuid('id').primaryKey().defaultRandom(),
  applicationId: uuid('application_id').notNull().references(() => applications.id),
  revisionId: uuid('revision_id').references(() => applicationRevisions.id),
  department: text('department').notNull(),
  purpose: text('purpose').notNull().default('review'),
  request: jsonb('request').notNull(),
  response: jsonb('response').notNull(),
  provider: text('provider').notNull(),
  checkedAt: ts('checked_at').notNull(),
}, (t) => [
  check('data_checks_department_ck', inList('department', DEPARTMENTS)),
  index('data_checks_revision_idx').on(t.revisionId),
  index('data_checks_app_idx').on(t.applicationId),
]);

export const applicationEvents = pgTable('application_events', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  applicationId: uuid('application_id').notNull().references(() => applications.id),
  at: ts('at').notNull().defaultNow(),
  actorAccountId: uuid('actor_account_id').references(() => accounts.id),
  kind: text('kind').notNull(),
  fromStatus: text('from_status'),
  toStatus: text('to_status'),
  reason: text('reason'),
  article: text('article'),
  evidence: jsonb('evidence'),
}, (t) => [index('application_events_app_idx').on(t.applicationId, t.id)]);

export const notices = pgTable('notices', {
  noticeNo: text('notice_no').primaryKey(),
  applicationId: uuid('application_id').notNull().references(() => applications.id),
  kind: text('kind').notNull(),
  issuedOn: day('issued_on').notNull(),
  payload: jsonb('payload').notNull(),
}, (t) => [
  check('notices_kind_ck', inList('kind', ['admission', 'removal', 'lapse', 'cancellation'])),
  index('notices_app_idx').on(t.applicationId),
]);

export const notifications = pgTable('notifications', {
  id: uuid('id').primaryKey().defaultRandom(),
  accountId: uuid('account_id').notNull().references(() => accounts.id),
  channel: text('channel').notNull(),
  template: text('template').notNull(),
  subject: text('subject').notNull(),
  body: text('body').notNull(),
  payload: jsonb('payload').notNull().default(sql`'{}'::jsonb`),
  createdAt: ts('created_at').notNull().defaultNow(),
  dispatchedAt: ts('dispatched_at'),
  attempts: integer('attempts').notNull().default(0),
  lastError: text('last_error'),
  readAt: ts('read_at'),
}, (t) => [
  check('notifications_channel_ck', inList('channel', CHANNELS)),
  index('notifications_account_idx').on(t.accountId, t.createdAt),
  index('notifications_pending_idx').on(t.createdAt).where(sql`dispatched_at is null`),
]);

export const auditLog = pgTable('audit_log', {
  seq: bigserial('seq', { mode: 'number' }).primaryKey(),
  at: ts('at').notNull(),
  actorAccountId: uuid('actor_account_id'),
  actorRole: text('actor_role').notNull(),
  action: text('action').notNull(),
  targetType: text('target_type').notNull(),
  targetId: text('target_id').notNull(),
  detail: jsonb('detail').notNull(),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
}, (t) => [index('audit_log_target_idx').on(t.targetType, t.targetId), uniqueIndex('audit_log_hash_uq').on(t.hash)]);

export const idempotencyKeys = pgTable('idempotency_keys', {
  key: text('key').notNull(),
  accountId: uuid('account_id').notNull().references(() => accounts.id),
  route: text('route').notNull(),
  requestHash: text('request_hash'),
  statusCode: integer('status_code'),
  response: jsonb('response'),
  createdAt: ts('created_at').notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.key, t.accountId] })]);

// The sale of a project (第十至十七条).
export * from './schema-sale.js';
// Closed-loop management after the sale (第十八至三十一条).
export * from './schema-closed-loop.js';
