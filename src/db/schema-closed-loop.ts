/**
 * Database schema for closed-loop management after the sale (济政发〔2025〕3号 第十八至三十一条):
 * title registration (第十八条), the maintenance fund (第十九、二十九、三十条), unit events and
 * cases (第二十、二十二、二十三条), multi-unit exit deadlines (第二十二条), exit applications with
 * their 第二十五条 checks (第二十四至二十六条), buyback contracts and payments (第二十七至二十九条),
 * resale (第三十条), internal transfer (第二十四条) and fraud handling (第三十一条).
 *
 * Invariants the database holds whatever the concurrency:
 * - a unit has exactly one current title (`titles_unit_current_uq`);
 * - a family holds at most one unit it bought (first sale, internal transfer or resale); units that
 *   came by inheritance or divorce may add to it, and then a multi-unit deadline runs (第二十二条)
 *   (`titles_family_bought_uq`);
 * - a unit has at most one open exit application (`exit_applications_unit_open_uq`);
 * - a buyback payment is booked once per stage and payee (`buyback_payments_uq`), a maintenance-fund
 *   movement once per reference (`mf_entries_ref_uq`).
 */
import { sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import {
  bigint, bigserial, check, date, index, integer, jsonb, pgSequence, pgTable, primaryKey, text, timestamp,
  uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';
import { accounts, applications } from './schema.js';
import { contracts, projects, units } from './schema-sale.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });
/** Money: integer fen. */
const fen = (name: string) => bigint(name, { mode: 'number' });
const inList = (col: string, values: readonly string[]) =>
  sql.raw(`${col} in (${values.map((v) => `'${v}'`).join(', ')})`);

/** 第十八条: what every title of such a unit must state. */
export const TITLE_NATURE = '配售型保障性住房';
export const TITLE_LAND_NATURE = '划拨';
/** How a holder came to hold the unit. The first three are purchases (one per family). */
export const TITLE_ORIGINS = ['first_sale', 'internal_transfer', 'resale', 'inheritance', 'divorce_division', 'buyback'] as const;
export const BOUGHT_ORIGINS = ['first_sale', 'internal_transfer', 'resale'] as const;
/** family: a family of the scheme (an application) · person: an heir or former spouse outside it · government. */
export const HOLDER_KINDS = ['family', 'person', 'government'] as const;
/** 第二十二条 transfers of title, and the reports that open a case (第二十、二十三、二十五条). */
export const UNIT_EVENT_KINDS = [
  'inheritance', 'divorce_division', 'lease', 'use_change', 'extra_mortgage', 'structure_alteration', 'legal_dispute',
] as const;
export const CASE_KINDS = ['lease', 'use_change', 'extra_mortgage', 'structure_alteration', 'legal_dispute'] as const;
export const CASE_STATUSES = ['open', 'rectified', 'closed'] as const;
export const OBLIGATION_STATUSES = ['open', 'met', 'withdrawn'] as const;
export const EXIT_ROUTES = ['buyback', 'internal_transfer'] as const;
/** family: applied by the holder · multi_unit: the extra unit of 第二十二条 · fraud: ordered under 第三十一条(三). */
export const EXIT_ORIGINS = ['family', 'multi_unit', 'fraud'] as const;
/**
 * submitted → accepted | refused | withdrawn;
 * buyback: accepted → contracted (buyback contract signed, first payment) → completed (balance, fund refund);
 * internal transfer: accepted → offered → matched (buyer chosen) → completed (transfer registered).
 */
export const EXIT_STATUSES = ['submitted', 'accepted', 'refused', 'withdrawn', 'contracted', 'offered', 'matched', 'completed'] as const;
export const OPEN_EXIT_STATUSES = ['submitted', 'accepted', 'contracted', 'offered', 'matched'] as const;
/** 第二十五条 items, each a condition that must hold. */
export const EXIT_CHECK_ITEMS = ['no_extra_loans_or_mortgages', 'no_lease', 'no_legal_dispute', 'use_unchanged', 'structure_unaltered'] as const;
export const EXIT_CHECK_SOURCES = ['data_check', 'inspection'] as const;
/** 第二十九条 vacating checklist. */
export const VACATING_ITEMS = ['utilities', 'heating', 'gas', 'property_fees', 'hukou_moved'] as const;
export const BUYBACK_CONTRACT_STATUSES = ['generated', 'signed'] as const;
export const PAYMENT_STAGES = ['first', 'balance'] as const;
export const PAYEES = ['lender', 'family'] as const;
export const MF_ENTRY_KINDS = ['deposit', 'refund'] as const;
export const RESALE_STATUSES = ['renovating', 'approved', 'sold'] as const;
export const TRANSFER_OFFER_STATUSES = ['open', 'matched', 'failed', 'completed'] as const;
/** 第三十一条 (一)(二)(三). */
export const FRAUD_ACTIONS = ['cancel_qualification', 'rescind_contract', 'vacate_and_buyback'] as const;

/** Numbers: exit applications, buyback contracts, cases, fraud decisions, transfer offers. */
export const exitNoSeq = pgSequence('exit_no_seq', { startWith: 1 });
export const buybackContractSeq = pgSequence('buyback_contract_seq', { startWith: 1 });
export const caseNoSeq = pgSequence('case_no_seq', { startWith: 1 });

/** 第十八条: a title registration. A new holder supersedes the old title; history is kept. */
export const titles = pgTable('titles', {
  id: uuid('id').primaryKey().defaultRandom(),
  unitId: uuid('unit_id').notNull().references(() => units.id),
  /** 不动产权证书号. */
  certificateNo: text('certificate_no').notNull().unique(),
  holderKind: text('holder_kind').notNull(),
  holderApplicationId: uuid('holder_application_id').references(() => applications.id),
  /** HMAC blind index of the principal holder's ID number (persons; families' principal applicant). */
  holderIdBlind: text('holder_id_blind'),
  /** AES-GCM envelope of {name, idNumber} for a person holder. */
  holderEnc: text('holder_enc'),
  holderMaskedName: text('holder_masked_name'),
  holderMaskedId: text('holder_masked_id'),
  nature: text('nature').notNull().default(TITLE_NATURE),
  landNature: text('land_nature').notNull().default(TITLE_LAND_NATURE),
  origin: text('origin').notNull(),
  contractId: uuid('contract_id').references(() => contracts.id),
  eventId: uuid('event_id'),
  exitId: uuid('exit_id'),
  /** The certificate's date; the two years of 第二十四条 count from it. */
  issuedOn: day('issued_on').notNull(),
  supersededOn: day('superseded_on'),
  supersededBy: uuid('superseded_by'),
  recordedBy: uuid('recorded_by').notNull().references(() => accounts.id),
  recordedAt: ts('recorded_at').notNull(),
}, (t) => [
  check('titles_nature_ck', sql.raw(`nature = '${TITLE_NATURE}' and land_nature = '${TITLE_LAND_NATURE}'`)),
  check('titles_origin_ck', inList('origin', TITLE_ORIGINS)),
  check('titles_holder_kind_ck', inList('holder_kind', HOLDER_KINDS)),
  check('titles_holder_ck', sql`(holder_kind = 'family' and holder_application_id is not null)
    or (holder_kind = 'person' and holder_application_id is null and holder_id_blind is not null and holder_enc is not null)
    or (holder_kind = 'government' and holder_application_id is null)`),
  uniqueIndex('titles_unit_current_uq').on(t.unitId).where(sql`superseded_on is null`),
  uniqueIndex('titles_family_bought_uq').on(t.holderApplicationId)
    .where(sql`superseded_on is null and origin in ('first_sale', 'internal_transfer', 'resale')`),
  index('titles_holder_app_idx').on(t.holderApplicationId).where(sql`superseded_on is null`),
  index('titles_holder_blind_idx').on(t.holderIdBlind).where(sql`superseded_on is null`),
]);

/** 第十九条: the unit's maintenance-fund account (分户账). */
export const maintenanceFundAccounts = pgTable('maintenance_fund_accounts', {
  id: uuid('id').primaryKey().defaultRandom(),
  unitId: uuid('unit_id').notNull().references(() => units.id).unique(),
  accountNo: text('account_no').notNull().unique(),
  bank: text('bank').notNull(),
  openedOn: day('opened_on').notNull(),
  recordedBy: uuid('recorded_by').notNull().references(() => accounts.id),
  recordedAt: ts('recorded_at').notNull(),
});

/** Deposits into and refunds out of a maintenance-fund account (第十九、二十九、三十条). Append-only. */
export const maintenanceFundEntries = pgTable('maintenance_fund_entries', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  accountId: uuid('account_id').notNull().references(() => maintenanceFundAccounts.id),
  kind: text('kind').notNull(),
  amountFen: fen('amount_fen').notNull(),
  occurredOn: day('occurred_on').notNull(),
  /** e.g. the contract number of the deposit, the exit number of the refund; a retry posts once. */
  reference: text('reference').notNull(),
  titleId: uuid('title_id').references(() => titles.id),
  memo: text('memo').notNull(),
  recordedBy: uuid('recorded_by').references(() => accounts.id),
  recordedAt: ts('recorded_at').notNull(),
}, (t) => [
  check('mf_entries_kind_ck', inList('kind', MF_ENTRY_KINDS)),
  check('mf_entries_amount_ck', sql`amount_fen > 0`),
  uniqueIndex('mf_entries_ref_uq').on(t.accountId, t.kind, t.reference),
  index('mf_entries_account_idx').on(t.accountId, t.occurredOn),
]);

/** An event on a unit, with its evidence (第二十、二十二、二十三条). */
export const unitEvents = pgTable('unit_events', {
  id: uuid('id').primaryKey().defaultRandom(),
  unitId: uuid('unit_id').notNull().references(() => units.id),
  titleId: uuid('title_id').notNull().references(() => titles.id),
  kind: text('kind').notNull(),
  /** The day of the change (继承开始、析产生效); the 60 days of 第二十二条 run from it. */
  occurredOn: day('occurred_on').notNull(),
  /** For inheritance and divorce: the title the change created. */
  newTitleId: uuid('new_title_id').references(() => titles.id),
  /** [{kind: document|data_check|inspection, ref, note, sha256?}] — at least one item. */
  evidence: jsonb('evidence').notNull(),
  note: text('note'),
  recordedBy: uuid('recorded_by').notNull().references(() => accounts.id),
  recordedAt: ts('recorded_at').notNull(),
}, (t) => [
  check('unit_events_kind_ck', inList('kind', UNIT_EVENT_KINDS)),
  check('unit_events_evidence_ck', sql`jsonb_typeof(evidence) = 'array' and jsonb_array_length(evidence) > 0`),
  index('unit_events_unit_idx').on(t.unitId, t.occurredOn),
]);

/** A case opened by a reported lease, change of use, extra mortgage, alteration or dispute (第二十、二十三条). */
export const unitCases = pgTable('unit_cases', {
  id: uuid('id').primaryKey().defaultRandom(),
  caseNo: text('case_no').notNull().unique(),
  unitId: uuid('unit_id').notNull().references(() => units.id),
  eventId: uuid('event_id').notNull().references(() => unitEvents.id).unique(),
  kind: text('kind').notNull(),
  status: text('status').notNull().default('open'),
  openedOn: day('opened_on').notNull(),
  closedOn: day('closed_on'),
  resolution: text('resolution'),
  closedBy: uuid('closed_by').references(() => accounts.id),
  version: integer('version').notNull().default(1),
}, (t) => [
  check('unit_cases_kind_ck', inList('kind', CASE_KINDS)),
  check('unit_cases_status_ck', inList('status', CASE_STATUSES)),
  index('unit_cases_unit_idx').on(t.unitId, t.status),
]);

/** 第二十二条: a holder with more than one unit must apply to exit the extra ones by the deadline. */
export const multiUnitObligations = pgTable('multi_unit_obligations', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** The family (application) or, for a person outside the scheme, the ID blind index. */
  holderApplicationId: uuid('holder_application_id').references(() => applications.id),
  holderIdBlind: text('holder_id_blind'),
  holderMaskedName: text('holder_masked_name'),
  eventId: uuid('event_id').notNull().references(() => unitEvents.id).unique(),
  changeOn: day('change_on').notNull(),
  /** From rule housing.multi-unit-deadline (民法典 第二百零一条: the first day not counted). */
  deadlineOn: day('deadline_on').notNull(),
  unitsHeld: integer('units_held').notNull(),
  status: text('status').notNull().default('open'),
  metByExitId: uuid('met_by_exit_id'),
  metOn: day('met_on'),
  /** The reminder offsets (days before the deadline) already sent, e.g. [30, 7]. */
  remindersSent: jsonb('reminders_sent').$type<number[]>().notNull().default(sql`'[]'::jsonb`),
  version: integer('version').notNull().default(1),
}, (t) => [
  check('mu_obligations_status_ck', inList('status', OBLIGATION_STATUSES)),
  check('mu_obligations_holder_ck', sql`holder_application_id is not null or holder_id_blind is not null`),
  check('mu_obligations_units_ck', sql`units_held > 1`),
  index('mu_obligations_deadline_idx').on(t.deadlineOn).where(sql`status = 'open'`),
]);

/** 第二十四至二十六条: an application to leave the scheme by buyback or internal transfer. */
export const exitApplications = pgTable('exit_applications', {
  id: uuid('id').primaryKey().defaultRandom(),
  exitNo: text('exit_no').notNull().unique(),
  unitId: uuid('unit_id').notNull().references(() => units.id),
  projectId: uuid('project_id').notNull().references(() => projects.id),
  titleId: uuid('title_id').notNull().references(() => titles.id),
  /** The seller family; null for a person holder outside the scheme (staff file for them). */
  applicationId: uuid('application_id').references(() => applications.id),
  route: text('route').notNull(),
  origin: text('origin').notNull().default('family'),
  status: text('status').notNull().default('submitted'),
  /** Rule housing.exit-eligibility's result with its trace, at submission and again at acceptance. */
  eligibility: jsonb('eligibility').notNull(),
  obligationId: uuid('obligation_id').references(() => multiUnitObligations.id),
  fraudDecisionId: uuid('fraud_decision_id'),
  submittedOn: day('submitted_on').notNull(),
  submittedBy: uuid('submitted_by').notNull().references(() => accounts.id),
  acceptedOn: day('accepted_on'),
  /** 第二十六条: six months from acceptance. */
  dueOn: day('due_on'),
  decidedBy: uuid('decided_by').references(() => accounts.id),
  decisionReason: text('decision_reason'),
  /** Rule housing.buyback-price's result (inputs, parameters, components) and its date. */
  valuation: jsonb('valuation'),
  valuedOn: day('valued_on'),
  priceFen: fen('price_fen'),
  completedOn: day('completed_on'),
  version: integer('version').notNull().default(1),
}, (t) => [
  check('exit_applications_route_ck', inList('route', EXIT_ROUTES)),
  check('exit_applications_origin_ck', inList('origin', EXIT_ORIGINS)),
  check('exit_applications_status_ck', inList('status', EXIT_STATUSES)),
  check('exit_applications_due_ck', sql`status in ('submitted', 'refused', 'withdrawn') or due_on is not null`),
  uniqueIndex('exit_applications_unit_open_uq').on(t.unitId)
    .where(sql`status in ('submitted', 'accepted', 'contracted', 'offered', 'matched')`),
  index('exit_applications_status_idx').on(t.status, t.dueOn),
  index('exit_applications_app_idx').on(t.applicationId),
]);

/** 第二十五条: one checked item with its evidence. Re-checking replaces the row (the audit log keeps history). */
export const exitChecks = pgTable('exit_checks', {
  exitId: uuid('exit_id').notNull().references(() => exitApplications.id),
  item: text('item').notNull(),
  ok: integer('ok').notNull(),
  source: text('source').notNull(),
  /** data_check: {department, reference, checkedAt, cases:[caseNo]} · inspection: {inspector, inspectedOn, reportNo, note}. */
  evidence: jsonb('evidence').notNull(),
  article: text('article').notNull(),
  recordedBy: uuid('recorded_by').references(() => accounts.id),
  recordedAt: ts('recorded_at').notNull(),
}, (t) => [
  primaryKey({ columns: [t.exitId, t.item] }),
  check('exit_checks_item_ck', inList('item', EXIT_CHECK_ITEMS)),
  check('exit_checks_source_ck', inList('source', EXIT_CHECK_SOURCES)),
  check('exit_checks_ok_ck', sql`ok in (0, 1)`),
]);

/** 第二十八条: the buyback contract from the model text. */
export const buybackContracts = pgTable('buyback_contracts', {
  id: uuid('id').primaryKey().defaultRandom(),
  contractNo: text('contract_no').notNull().unique(),
  exitId: uuid('exit_id').notNull().references(() => exitApplications.id).unique(),
  priceFen: fen('price_fen').notNull(),
  /** The purchase loan not yet repaid at signing (第二十九条: the lender is paid first). */
  outstandingLoanFen: fen('outstanding_loan_fen').notNull(),
  lender: text('lender'),
  /** Rule housing.buyback-payments' split of the price. */
  schedule: jsonb('schedule').notNull(),
  vacateByOn: day('vacate_by_on').notNull(),
  modelVersion: text('model_version').notNull(),
  status: text('status').notNull().default('generated'),
  generatedAt: ts('generated_at').notNull(),
  signedAt: ts('signed_at'),
  pdfSha256: text('pdf_sha256'),
}, (t) => [
  check('buyback_contracts_status_ck', inList('status', BUYBACK_CONTRACT_STATUSES)),
  check('buyback_contracts_money_ck', sql`price_fen > 0 and outstanding_loan_fen >= 0`),
  check('buyback_contracts_lender_ck', sql`outstanding_loan_fen = 0 or lender is not null`),
]);

/** 第二十九条: a payment of the buyback price, by stage and payee. */
export const buybackPayments = pgTable('buyback_payments', {
  id: uuid('id').primaryKey().defaultRandom(),
  contractId: uuid('contract_id').notNull().references(() => buybackContracts.id),
  stage: text('stage').notNull(),
  payee: text('payee').notNull(),
  amountFen: fen('amount_fen').notNull(),
  paidOn: day('paid_on').notNull(),
  reference: text('reference').notNull(),
  recordedBy: uuid('recorded_by').notNull().references(() => accounts.id),
  recordedAt: ts('recorded_at').notNull(),
}, (t) => [
  check('buyback_payments_stage_ck', inList('stage', PAYMENT_STAGES)),
  check('buyback_payments_payee_ck', inList('payee', PAYEES)),
  check('buyback_payments_amount_ck', sql`amount_fen > 0`),
  uniqueIndex('buyback_payments_uq').on(t.contractId, t.stage, t.payee),
]);

/** 第二十九条: the vacating checklist (水电气暖、物业费、户口迁出). */
export const vacatingItems = pgTable('vacating_items', {
  exitId: uuid('exit_id').notNull().references(() => exitApplications.id),
  item: text('item').notNull(),
  doneOn: day('done_on').notNull(),
  evidence: jsonb('evidence').notNull(),
  recordedBy: uuid('recorded_by').notNull().references(() => accounts.id),
  recordedAt: ts('recorded_at').notNull(),
}, (t) => [primaryKey({ columns: [t.exitId, t.item] }), check('vacating_items_item_ck', inList('item', VACATING_ITEMS))]);

/** 第三十条: a bought-back unit, renovated and returned to sale at no less than the floor. */
export const resaleOffers = pgTable('resale_offers', {
  id: uuid('id').primaryKey().defaultRandom(),
  unitId: uuid('unit_id').notNull().references(() => units.id),
  exitId: uuid('exit_id').notNull().references(() => exitApplications.id).unique(),
  buybackPriceFen: fen('buyback_price_fen').notNull(),
  renovationCostFen: fen('renovation_cost_fen'),
  renovationCompletedOn: day('renovation_completed_on'),
  renovationEvidence: jsonb('renovation_evidence'),
  /** Rule housing.resale-floor's minimum. */
  floorFen: fen('floor_fen'),
  priceFen: fen('price_fen'),
  /** 第三十条: the new buyer pays into the maintenance fund what was refunded at buyback. */
  maintenanceFundDueFen: fen('maintenance_fund_due_fen').notNull().default(0),
  status: text('status').notNull().default('renovating'),
  approvedBy: uuid('approved_by').references(() => accounts.id),
  approvedAt: ts('approved_at'),
  contractId: uuid('contract_id').references(() => contracts.id),
  version: integer('version').notNull().default(1),
}, (t) => [
  check('resale_offers_status_ck', inList('status', RESALE_STATUSES)),
  check('resale_offers_floor_ck', sql`status = 'renovating' or (price_fen is not null and floor_fen is not null and price_fen >= floor_fen)`),
  uniqueIndex('resale_offers_unit_live_uq').on(t.unitId).where(sql`status <> 'sold'`),
]);

/** 第二十四条: an internal transfer offered to waiting-list families. */
export const transferOffers = pgTable('transfer_offers', {
  id: uuid('id').primaryKey().defaultRandom(),
  exitId: uuid('exit_id').notNull().references(() => exitApplications.id).unique(),
  unitId: uuid('unit_id').notNull().references(() => units.id),
  /** Rule housing.buyback-price on the offer date: the ceiling of the transfer price. */
  ceilingFen: fen('ceiling_fen').notNull(),
  valuation: jsonb('valuation').notNull(),
  priceFen: fen('price_fen').notNull(),
  opensOn: day('opens_on').notNull(),
  closesOn: day('closes_on').notNull(),
  status: text('status').notNull().default('open'),
  buyerApplicationId: uuid('buyer_application_id').references(() => applications.id),
  matchedOn: day('matched_on'),
  registeredOn: day('registered_on'),
  version: integer('version').notNull().default(1),
}, (t) => [
  check('transfer_offers_status_ck', inList('status', TRANSFER_OFFER_STATUSES)),
  check('transfer_offers_price_ck', sql`price_fen > 0 and price_fen <= ceiling_fen`),
  check('transfer_offers_window_ck', sql`closes_on >= opens_on`),
]);

/** A waiting family's request to take a transfer offer. */
export const transferInterests = pgTable('transfer_interests', {
  offerId: uuid('offer_id').notNull().references(() => transferOffers.id),
  applicationId: uuid('application_id').notNull().references(() => applications.id),
  expressedAt: ts('expressed_at').notNull(),
  outcome: text('outcome').notNull().default('waiting'),
}, (t) => [
  primaryKey({ columns: [t.offerId, t.applicationId] }),
  check('transfer_interests_outcome_ck', inList('outcome', ['waiting', 'chosen', 'not_chosen', 'ineligible', 'withdrawn'])),
]);

/** 第三十一条: a finding of deception and what was done about it. */
export const fraudDecisions = pgTable('fraud_decisions', {
  id: uuid('id').primaryKey().defaultRandom(),
  decisionNo: text('decision_no').notNull().unique(),
  applicationId: uuid('application_id').notNull().references(() => applications.id),
  action: text('action').notNull(),
  finding: text('finding').notNull(),
  evidence: jsonb('evidence').notNull(),
  contractId: uuid('contract_id').references(() => contracts.id),
  /** (二): refunds computed on rescission: {toFamily, toLender, depositCredited, …}. */
  refund: jsonb('refund'),
  /** (三): the day the family must have vacated by, and the buyback it leads to. */
  vacateByOn: day('vacate_by_on'),
  exitId: uuid('exit_id').references((): AnyPgColumn => exitApplications.id),
  decidedBy: uuid('decided_by').notNull().references(() => accounts.id),
  decidedAt: ts('decided_at').notNull(),
}, (t) => [
  check('fraud_decisions_action_ck', inList('action', FRAUD_ACTIONS)),
  index('fraud_decisions_app_idx').on(t.applicationId),
]);
