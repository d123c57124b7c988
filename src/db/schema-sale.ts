/**
 * Database schema for the sale of a project (济政发〔2025〕3号 第十至十七条): projects, buildings
 * and units; price approvals (第十二条); sale plans (配售方案); registrations with 认购金 and their
 * ledger (第十一条); QLOT-1 draws and ranks; selection (选房); contracts (第十三、十四条);
 * conversion of long-unsold units (第十六条); the per-project fund ledger (第十七条).
 *
 * Invariants the database holds whatever the concurrency:
 * - a unit is held by at most one live selection (`selections_unit_live_uq`);
 * - a family (application) holds at most one live selection in the whole city (`selections_app_live_uq`);
 * - a unit is offered only with an approved price (`units_priced_ck`);
 * - a callback's bank transaction is booked once (`deposit_ledger_txn_uq`);
 * - a project round has at most one draw that is not void (`draws_live_uq`).
 */
import { sql } from 'drizzle-orm';
import {
  bigint, bigserial, check, customType, date, index, integer, jsonb, numeric, pgSequence, pgTable, primaryKey,
  smallint, text, timestamp, unique, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';
import { accounts, applications, districts } from './schema.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });
/** Money: integer fen. */
const fen = (name: string) => bigint(name, { mode: 'number' });
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});
const inList = (col: string, values: readonly string[]) =>
  sql.raw(`${col} in (${values.map((v) => `'${v}'`).join(', ')})`);

export const PROJECT_LEVELS = ['city', 'district'] as const;
/** 预售 (off-plan) or 现房 (completed). */
export const SALE_MODES = ['presale', 'completed'] as const;
/** draft → selling (a plan published) → rolling (第十六条, after the rounds) → ended (refunds made). */
export const PROJECT_STATUSES = ['draft', 'selling', 'rolling', 'ended'] as const;
/**
 * draft: no approved price · available · reserved: a live selection holds it · sold: contract signed ·
 * converted (第十六条) · bought_back: held by the government after a buyback, until resale (第二十九、三十条).
 */
export const UNIT_STATUSES = ['draft', 'available', 'reserved', 'sold', 'converted', 'bought_back'] as const;
export const PRICE_APPROVAL_STATUSES = ['submitted', 'district_approved', 'approved', 'rejected'] as const;
export const PLAN_STATUSES = ['draft', 'submitted', 'approved', 'published', 'rejected'] as const;
/** pending_payment → registered (认购金 paid) → signed | closed (signed elsewhere) | withdrawn | refunded (sale ended unsigned). */
export const REGISTRATION_STATUSES = ['pending_payment', 'registered', 'signed', 'closed', 'withdrawn', 'refunded'] as const;
export const LEDGER_KINDS = ['paid', 'credited', 'refunded'] as const;
export const DRAW_STATUSES = ['frozen', 'drawn', 'void'] as const;
export const SELECTION_STATUSES = ['locked', 'signed', 'released'] as const;
export const LIVE_SELECTION = ['locked', 'signed'] as const;
export const CALL_OUTCOMES = ['waiting', 'selected', 'refused', 'no_show'] as const;
export const CONTRACT_STATUSES = ['generated', 'signed', 'lapsed', 'rescinded'] as const;
export const LOAN_TYPES = ['provident_fund', 'commercial', 'none'] as const;
/** 第十七条 sources: 资本金, 开发贷款, 销售回款, 财政补助, 专项债, 其他. */
export const FUND_SOURCES = ['capital', 'development_loan', 'sales_proceeds', 'fiscal_subsidy', 'special_bond', 'other'] as const;

/** Numbers of sale notices (配售通告), contracts and refunds. */
export const saleNoticeSeq = pgSequence('sale_notice_seq', { startWith: 1 });
export const contractSeq = pgSequence('contract_seq', { startWith: 1 });
export const registrationSeq = pgSequence('registration_seq', { startWith: 1 });

export const projects = pgTable('projects', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** QLOT-1 project_code: ^[A-Za-z0-9_-]{1,64}$, e.g. JN-2026-001. */
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  level: text('level').notNull(),
  districtCode: text('district_code').notNull().references(() => districts.code),
  saleMode: text('sale_mode').notNull(),
  address: text('address').notNull(),
  implementerAccountId: uuid('implementer_account_id').notNull().references(() => accounts.id),
  status: text('status').notNull().default('draft'),
  /** For the contract (第十四条): expected delivery date and property-service terms. */
  deliveryOn: day('delivery_on'),
  propertyService: text('property_service'),
  saleEndedOn: day('sale_ended_on'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  version: integer('version').notNull().default(1),
}, (t) => [
  check('projects_code_ck', sql`code ~ '^[A-Za-z0-9_-]{1,64}$'`),
  check('projects_level_ck', inList('level', PROJECT_LEVELS)),
  check('projects_sale_mode_ck', inList('sale_mode', SALE_MODES)),
  check('projects_status_ck', inList('status', PROJECT_STATUSES)),
  index('projects_district_idx').on(t.districtCode),
  index('projects_implementer_idx').on(t.implementerAccountId),
]);

export const buildings = pgTable('buildings', {
  id: uuid('id').primaryKey().defaultRandom(),
  projectId: uuid('project_id').notNull().references(() => projects.id),
  name: text('name').notNull(),
  floors: smallint('floors').notNull(),
  /** Completion (竣工) date; the building's age for the buyback method (第二十七条) counts from it. */
  completedOn: day('completed_on'),
}, (t) => [unique('buildings_project_name_uq').on(t.projectId, t.name), check('buildings_floors_ck', sql`floors between 1 and 200`)]);

export const priceApprovals = pgTable('price_approvals', {
  id: uuid('id').primaryKey().defaultRandom(),
  projectId: uuid('project_id').notNull().references(() => projects.id),
  basePricePerM2Fen: fen('base_price_per_m2_fen').notNull(),
  /** The float range as a fraction: 0.05 means ±5% (rule housing.unit-price). */
  floatRange: numeric('float_range', { precision: 8, scale: 6 }).notNull(),
  status: text('status').notNull().default('submitted'),
  /** [{unitId, coefficient, priceFen}] as submitted; the approvers approve exactly this. */
  schedule: jsonb('schedule').notNull(),
  scheduleSha256: text('schedule_sha256').notNull(),
  submittedBy: uuid('submitted_by').notNull().references(() => accounts.id),
  submittedAt: ts('submitted_at').notNull(),
  districtApprovedBy: uuid('district_approved_by').references(() => accounts.id),
  districtApprovedAt: ts('district_approved_at'),
  cityApprovedBy: uuid('city_approved_by').references(() => accounts.id),
  cityApprovedAt: ts('city_approved_at'),
  rejectedBy: uuid('rejected_by').references(() => accounts.id),
  rejectedReason: text('rejected_reason'),
  approvalNo: text('approval_no').unique(),
}, (t) => [
  check('price_approvals_status_ck', inList('status', PRICE_APPROVAL_STATUSES)),
  check('price_approvals_base_ck', sql`base_price_per_m2_fen > 0`),
  check('price_approvals_range_ck', sql`float_range >= 0 and float_range < 1`),
  index('price_approvals_project_idx').on(t.projectId),
]);

export const units = pgTable('units', {
  id: uuid('id').primaryKey().defaultRandom(),
  projectId: uuid('project_id').notNull().references(() => projects.id),
  buildingId: uuid('building_id').notNull().references(() => buildings.id),
  floor: smallint('floor').notNull(),
  /** Room number within the building, e.g. "1203". */
  number: text('number').notNull(),
  area: numeric('area', { precision: 8, scale: 2 }).notNull(),
  layout: text('layout').notNull(),
  orientation: text('orientation').notNull(),
  coefficient: numeric('coefficient', { precision: 8, scale: 6 }),
  priceFen: fen('price_fen'),
  priceApprovalId: uuid('price_approval_id').references(() => priceApprovals.id),
  /** 第三十条: a resold unit is priced by its approved resale offer instead of a price approval. */
  resaleOfferId: uuid('resale_offer_id'),
  status: text('status').notNull().default('draft'),
  /** First day offered; a long-unsold unit (第十六条) counts from here. */
  offeredOn: day('offered_on'),
  version: integer('version').notNull().default(1),
}, (t) => [
  unique('units_building_number_uq').on(t.buildingId, t.number),
  check('units_status_ck', inList('status', UNIT_STATUSES)),
  check('units_area_ck', sql`area > 0`),
  // 第十二条 (第三十条 for a resale): no unit is offered without an approved price.
  check('units_priced_ck', sql`status in ('draft', 'converted', 'bought_back')
    or (price_fen is not null and (price_approval_id is not null or resale_offer_id is not null))`),
  index('units_project_status_idx').on(t.projectId, t.status),
  index('units_building_idx').on(t.buildingId, t.floor),
]);

export const salePlans = pgTable('sale_plans', {
  id: uuid('id').primaryKey().defaultRandom(),
  projectId: uuid('project_id').notNull().references(() => projects.id),
  round: integer('round').notNull(),
  registrationOpensAt: ts('registration_opens_at').notNull(),
  registrationClosesAt: ts('registration_closes_at').notNull(),
  drawOn: day('draw_on').notNull(),
  depositFen: fen('deposit_fen').notNull(),
  /** [{label, share?: "0.30" | quota?: number | "all", eligibility: "priority" | "all"}]; the last is the general pool. */
  pools: jsonb('pools').notNull(),
  batchSize: integer('batch_size').notNull(),
  windowMinutes: integer('window_minutes').notNull(),
  contractDeadlineDays: integer('contract_deadline_days').notNull(),
  documents: text('documents'),
  status: text('status').notNull().default('draft'),
  submittedAt: ts('submitted_at'),
  approvedBy: uuid('approved_by').references(() => accounts.id),
  approvedAt: ts('approved_at'),
  rejectedReason: text('rejected_reason'),
  noticeNo: text('notice_no').unique(),
  publishedAt: ts('published_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
}, (t) => [
  unique('sale_plans_project_round_uq').on(t.projectId, t.round),
  check('sale_plans_status_ck', inList('status', PLAN_STATUSES)),
  check('sale_plans_window_ck', sql`registration_closes_at > registration_opens_at`),
  check('sale_plans_numbers_ck', sql`deposit_fen >= 0 and batch_size > 0 and window_minutes > 0 and contract_deadline_days > 0`),
]);

export const registrations = pgTable('registrations', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** The public entrant_id of QLOT-1, e.g. R2026000123; never a name or ID number. */
  regNo: text('reg_no').notNull().unique(),
  projectId: uuid('project_id').notNull().references(() => projects.id),
  planId: uuid('plan_id').notNull().references(() => salePlans.id),
  applicationId: uuid('application_id').notNull().references(() => applications.id),
  accountId: uuid('account_id').notNull().references(() => accounts.id),
  status: text('status').notNull().default('pending_payment'),
  /** Pool labels the family is eligible for, decided at freeze (QLOT-1 section 1). */
  pools: jsonb('pools').$type<string[]>(),
  depositFen: fen('deposit_fen').notNull(),
  registeredAt: ts('registered_at').notNull(),
  paidAt: ts('paid_at'),
  closedAt: ts('closed_at'),
  closedReason: text('closed_reason'),
  version: integer('version').notNull().default(1),
}, (t) => [
  unique('registrations_plan_app_uq').on(t.planId, t.applicationId),
  check('registrations_status_ck', inList('status', REGISTRATION_STATUSES)),
  check('registrations_reg_no_ck', sql`reg_no ~ '^[A-Za-z0-9_-]{1,64}$'`),
  index('registrations_app_idx').on(t.applicationId, t.status),
  index('registrations_project_idx').on(t.projectId, t.status),
]);

/** Payment orders sent to the gateway; one registration may see several (retries, double payment). */
export const paymentOrders = pgTable('payment_orders', {
  orderNo: text('order_no').primaryKey(),
  registrationId: uuid('registration_id').notNull().references(() => registrations.id),
  amountFen: fen('amount_fen').notNull(),
  gateway: text('gateway').notNull(),
  status: text('status').notNull().default('pending'),
  createdAt: ts('created_at').notNull(),
  paidAt: ts('paid_at'),
}, (t) => [check('payment_orders_status_ck', inList('status', ['pending', 'paid', 'expired'])), index('payment_orders_reg_idx').on(t.registrationId)]);

/**
 * The 认购金 ledger: append-only. Per registration, held = paid − credited − refunded ≥ 0.
 * `paid` rows carry the bank's transaction id, unique, so a replayed callback books nothing.
 */
export const depositLedger = pgTable('deposit_ledger', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  projectId: uuid('project_id').notNull().references(() => projects.id),
  registrationId: uuid('registration_id').notNull().references(() => registrations.id),
  kind: text('kind').notNull(),
  amountFen: fen('amount_fen').notNull(),
  /** paid: the bank's transaction id; refunded: the refund number; credited: the contract number. */
  reference: text('reference').notNull(),
  reason: text('reason').notNull(),
  at: ts('at').notNull(),
  /** refunded rows: when the bank confirmed the refund, and its reference (null while the refund is in flight). */
  settledAt: ts('settled_at'),
  bankRef: text('bank_ref'),
}, (t) => [
  check('deposit_ledger_kind_ck', inList('kind', LEDGER_KINDS)),
  check('deposit_ledger_amount_ck', sql`amount_fen > 0`),
  uniqueIndex('deposit_ledger_txn_uq').on(t.kind, t.reference),
  index('deposit_ledger_project_idx').on(t.projectId, t.kind),
  index('deposit_ledger_reg_idx').on(t.registrationId),
]);

/** Callbacks exactly as received (signature checked or not): evidence for reconciliation. */
export const gatewayCallbacks = pgTable('gateway_callbacks', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  gateway: text('gateway').notNull(),
  receivedAt: ts('received_at').notNull(),
  body: jsonb('body').notNull(),
  signatureOk: integer('signature_ok').notNull(),
  outcome: text('outcome').notNull(),
});

export const draws = pgTable('draws', {
  id: uuid('id').primaryKey().defaultRandom(),
  projectId: uuid('project_id').notNull().references(() => projects.id),
  planId: uuid('plan_id').notNull().references(() => salePlans.id),
  round: integer('round').notNull(),
  /** 1 for the first draw of a round; a redraw (with a public reason) is attempt 2, 3 … */
  attempt: integer('attempt').notNull().default(1),
  status: text('status').notNull().default('frozen'),
  /** Integer quotas fixed at freeze: [{label, quota: number | "all"}] (QLOT-1 section 5). */
  pools: jsonb('pools').notNull(),
  entrantsTsv: bytea('entrants_tsv').notNull(),
  entrantCount: integer('entrant_count').notNull(),
  listDigest: text('list_digest').notNull(),
  commitment: text('commitment').notNull(),
  /** The 32-byte server secret, AES-GCM encrypted until the draw reveals it. */
  secretEnc: text('secret_enc').notNull(),
  frozenAt: ts('frozen_at').notNull(),
  frozenBy: uuid('frozen_by').notNull().references(() => accounts.id),
  beacon: text('beacon'),
  seed: text('seed'),
  serverSecret: text('server_secret'),
  /** lottery.json bytes, exactly as published. */
  bundleJson: bytea('bundle_json'),
  drawnAt: ts('drawn_at'),
  drawnBy: uuid('drawn_by').references(() => accounts.id),
  voidReason: text('void_reason'),
  voidedAt: ts('voided_at'),
  voidedBy: uuid('voided_by').references(() => accounts.id),
}, (t) => [
  unique('draws_round_attempt_uq').on(t.projectId, t.round, t.attempt),
  uniqueIndex('draws_live_uq').on(t.projectId, t.round).where(sql`status <> 'void'`),
  check('draws_status_ck', inList('status', DRAW_STATUSES)),
  check('draws_drawn_ck', sql`status <> 'drawn' or (beacon is not null and seed is not null and bundle_json is not null)`),
  check('draws_void_ck', sql`status <> 'void' or void_reason is not null`),
]);

/** Ranks of a draw, written in the same transaction that marks it drawn. */
export const drawRanks = pgTable('draw_ranks', {
  drawId: uuid('draw_id').notNull().references(() => draws.id),
  rank: integer('rank').notNull(),
  entrantId: text('entrant_id').notNull(),
  pool: text('pool').notNull(),
}, (t) => [primaryKey({ columns: [t.drawId, t.rank] })]);

/** Selection batches (选房批次): ranks fromRank..toRank are called together. */
export const selectionBatches = pgTable('selection_batches', {
  id: uuid('id').primaryKey().defaultRandom(),
  drawId: uuid('draw_id').notNull().references(() => draws.id),
  projectId: uuid('project_id').notNull().references(() => projects.id),
  batchNo: integer('batch_no').notNull(),
  fromRank: integer('from_rank').notNull(),
  toRank: integer('to_rank').notNull(),
  opensAt: ts('opens_at').notNull(),
  closesAt: ts('closes_at').notNull(),
  status: text('status').notNull().default('open'),
  closedAt: ts('closed_at'),
}, (t) => [
  unique('selection_batches_no_uq').on(t.drawId, t.batchNo),
  check('selection_batches_status_ck', inList('status', ['open', 'closed'])),
  uniqueIndex('selection_batches_one_open_uq').on(t.drawId).where(sql`status = 'open'`),
]);

/** One row per called family: what it did with its turn. */
export const selectionCalls = pgTable('selection_calls', {
  batchId: uuid('batch_id').notNull().references(() => selectionBatches.id),
  registrationId: uuid('registration_id').notNull().references(() => registrations.id),
  rank: integer('rank').notNull(),
  outcome: text('outcome').notNull().default('waiting'),
  at: ts('at'),
  note: text('note'),
}, (t) => [primaryKey({ columns: [t.batchId, t.registrationId] }), check('selection_calls_outcome_ck', inList('outcome', CALL_OUTCOMES))]);

export const selections = pgTable('selections', {
  id: uuid('id').primaryKey().defaultRandom(),
  projectId: uuid('project_id').notNull().references(() => projects.id),
  unitId: uuid('unit_id').notNull().references(() => units.id),
  applicationId: uuid('application_id').notNull().references(() => applications.id),
  /** Null for a rolling sale (第十六条), which has no lottery. */
  registrationId: uuid('registration_id').references(() => registrations.id),
  batchId: uuid('batch_id').references(() => selectionBatches.id),
  kind: text('kind').notNull().default('round'),
  status: text('status').notNull().default('locked'),
  lockedAt: ts('locked_at').notNull(),
  signedAt: ts('signed_at'),
  releasedAt: ts('released_at'),
  releaseReason: text('release_reason'),
}, (t) => [
  check('selections_status_ck', inList('status', SELECTION_STATUSES)),
  // transfer: an internal transfer to a waiting family (第二十四条), so the one-unit index covers it too.
  check('selections_kind_ck', inList('kind', ['round', 'rolling', 'transfer'])),
  uniqueIndex('selections_unit_live_uq').on(t.unitId).where(sql`status in ('locked', 'signed')`),
  uniqueIndex('selections_app_live_uq').on(t.applicationId).where(sql`status in ('locked', 'signed')`),
  index('selections_project_idx').on(t.projectId, t.status),
]);

export const contracts = pgTable('contracts', {
  id: uuid('id').primaryKey().defaultRandom(),
  contractNo: text('contract_no').notNull().unique(),
  selectionId: uuid('selection_id').notNull().references(() => selections.id).unique(),
  projectId: uuid('project_id').notNull().references(() => projects.id),
  unitId: uuid('unit_id').notNull().references(() => units.id),
  applicationId: uuid('application_id').notNull().references(() => applications.id),
  priceFen: fen('price_fen').notNull(),
  loanType: text('loan_type').notNull(),
  downPaymentFen: fen('down_payment_fen').notNull(),
  loanFen: fen('loan_fen').notNull(),
  depositCreditedFen: fen('deposit_credited_fen').notNull().default(0),
  /** The rule housing.down-payment's verdict, with its trace (第十三条). */
  downPaymentCheck: jsonb('down_payment_check').notNull(),
  status: text('status').notNull().default('generated'),
  deadlineOn: day('deadline_on').notNull(),
  generatedAt: ts('generated_at').notNull(),
  signedAt: ts('signed_at'),
  pdfSha256: text('pdf_sha256'),
  /** 交房: after it a deceiving family is ordered to vacate rather than rescinded (第三十一条). */
  deliveredOn: day('delivered_on'),
  deliveredBy: uuid('delivered_by').references(() => accounts.id),
  /** 第三十条: on a resale, the maintenance fund the buyer pays in (what was refunded at buyback). */
  maintenanceFundDueFen: fen('maintenance_fund_due_fen').notNull().default(0),
}, (t) => [
  check('contracts_status_ck', inList('status', CONTRACT_STATUSES)),
  check('contracts_loan_type_ck', inList('loan_type', LOAN_TYPES)),
  check('contracts_money_ck', sql`down_payment_fen + loan_fen = price_fen and down_payment_fen >= 0 and loan_fen >= 0`),
  index('contracts_app_idx').on(t.applicationId),
  index('contracts_project_idx').on(t.projectId, t.status),
]);

/** 第十六条: a decision to convert a long-unsold unit to another use. */
export const unitConversions = pgTable('unit_conversions', {
  id: uuid('id').primaryKey().defaultRandom(),
  unitId: uuid('unit_id').notNull().references(() => units.id).unique(),
  projectId: uuid('project_id').notNull().references(() => projects.id),
  targetUse: text('target_use').notNull(),
  decisionNo: text('decision_no').notNull(),
  reason: text('reason').notNull(),
  unsoldDays: integer('unsold_days').notNull(),
  decidedBy: uuid('decided_by').notNull().references(() => accounts.id),
  decidedAt: ts('decided_at').notNull(),
});

/** 第十七条: the project's ring-fenced fund ledger, by source. Append-only. */
export const fundLedger = pgTable('fund_ledger', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  projectId: uuid('project_id').notNull().references(() => projects.id),
  source: text('source').notNull(),
  direction: text('direction').notNull(),
  amountFen: fen('amount_fen').notNull(),
  occurredOn: day('occurred_on').notNull(),
  memo: text('memo').notNull(),
  /** e.g. the contract number for sales proceeds; unique per source so a retry posts once. */
  reference: text('reference').notNull(),
  recordedBy: uuid('recorded_by').references(() => accounts.id),
  recordedAt: ts('recorded_at').notNull(),
}, (t) => [
  check('fund_ledger_source_ck', inList('source', FUND_SOURCES)),
  check('fund_ledger_direction_ck', inList('direction', ['in', 'out'])),
  check('fund_ledger_amount_ck', sql`amount_fen > 0`),
  uniqueIndex('fund_ledger_ref_uq').on(t.projectId, t.source, t.direction, t.reference),
  index('fund_ledger_project_idx').on(t.projectId, t.occurredOn),
]);
