CREATE SEQUENCE "public"."buyback_contract_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE SEQUENCE "public"."case_no_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE SEQUENCE "public"."exit_no_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "buyback_contracts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_no" text NOT NULL,
	"exit_id" uuid NOT NULL,
	"price_fen" bigint NOT NULL,
	"outstanding_loan_fen" bigint NOT NULL,
	"lender" text,
	"schedule" jsonb NOT NULL,
	"vacate_by_on" date NOT NULL,
	"model_version" text NOT NULL,
	"status" text DEFAULT 'generated' NOT NULL,
	"generated_at" timestamp with time zone NOT NULL,
	"signed_at" timestamp with time zone,
	"pdf_sha256" text,
	CONSTRAINT "buyback_contracts_contract_no_unique" UNIQUE("contract_no"),
	CONSTRAINT "buyback_contracts_exit_id_unique" UNIQUE("exit_id"),
	CONSTRAINT "buyback_contracts_status_ck" CHECK (status in ('generated', 'signed')),
	CONSTRAINT "buyback_contracts_money_ck" CHECK (price_fen > 0 and outstanding_loan_fen >= 0),
	CONSTRAINT "buyback_contracts_lender_ck" CHECK (outstanding_loan_fen = 0 or lender is not null)
);
--> statement-breakpoint
CREATE TABLE "buyback_payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"payee" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"paid_on" date NOT NULL,
	"reference" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "buyback_payments_stage_ck" CHECK (stage in ('first', 'balance')),
	CONSTRAINT "buyback_payments_payee_ck" CHECK (payee in ('lender', 'family')),
	CONSTRAINT "buyback_payments_amount_ck" CHECK (amount_fen > 0)
);
--> statement-breakpoint
CREATE TABLE "exit_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"exit_no" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"title_id" uuid NOT NULL,
	"application_id" uuid,
	"route" text NOT NULL,
	"origin" text DEFAULT 'family' NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"eligibility" jsonb NOT NULL,
	"obligation_id" uuid,
	"fraud_decision_id" uuid,
	"submitted_on" date NOT NULL,
	"submitted_by" uuid NOT NULL,
	"accepted_on" date,
	"due_on" date,
	"decided_by" uuid,
	"decision_reason" text,
	"valuation" jsonb,
	"valued_on" date,
	"price_fen" bigint,
	"completed_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "exit_applications_exit_no_unique" UNIQUE("exit_no"),
	CONSTRAINT "exit_applications_route_ck" CHECK (route in ('buyback', 'internal_transfer')),
	CONSTRAINT "exit_applications_origin_ck" CHECK (origin in ('family', 'multi_unit', 'fraud')),
	CONSTRAINT "exit_applications_status_ck" CHECK (status in ('submitted', 'accepted', 'refused', 'withdrawn', 'contracted', 'offered', 'matched', 'completed')),
	CONSTRAINT "exit_applications_due_ck" CHECK (status in ('submitted', 'refused', 'withdrawn') or due_on is not null)
);
--> statement-breakpoint
CREATE TABLE "exit_checks" (
	"exit_id" uuid NOT NULL,
	"item" text NOT NULL,
	"ok" integer NOT NULL,
	"source" text NOT NULL,
	"evidence" jsonb NOT NULL,
	"article" text NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "exit_checks_exit_id_item_pk" PRIMARY KEY("exit_id","item"),
	CONSTRAINT "exit_checks_item_ck" CHECK (item in ('no_extra_loans_or_mortgages', 'no_lease', 'no_legal_dispute', 'use_unchanged', 'structure_unaltered')),
	CONSTRAINT "exit_checks_source_ck" CHECK (source in ('data_check', 'inspection')),
	CONSTRAINT "exit_checks_ok_ck" CHECK (ok in (0, 1))
);
--> statement-breakpoint
CREATE TABLE "fraud_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"decision_no" text NOT NULL,
	"application_id" uuid NOT NULL,
	"action" text NOT NULL,
	"finding" text NOT NULL,
	"evidence" jsonb NOT NULL,
	"contract_id" uuid,
	"refund" jsonb,
	"vacate_by_on" date,
	"exit_id" uuid,
	"decided_by" uuid NOT NULL,
	"decided_at" timestamp with time zone NOT NULL,
	CONSTRAINT "fraud_decisions_decision_no_unique" UNIQUE("decision_no"),
	CONSTRAINT "fraud_decisions_action_ck" CHECK (action in ('cancel_qualification', 'rescind_contract', 'vacate_and_buyback'))
);
--> statement-breakpoint
CREATE TABLE "maintenance_fund_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"account_no" text NOT NULL,
	"bank" text NOT NULL,
	"opened_on" date NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "maintenance_fund_accounts_unit_id_unique" UNIQUE("unit_id"),
	CONSTRAINT "maintenance_fund_accounts_account_no_unique" UNIQUE("account_no")
);
--> statement-breakpoint
CREATE TABLE "maintenance_fund_entries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"occurred_on" date NOT NULL,
	"reference" text NOT NULL,
	"title_id" uuid,
	"memo" text NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "mf_entries_kind_ck" CHECK (kind in ('deposit', 'refund')),
	CONSTRAINT "mf_entries_amount_ck" CHECK (amount_fen > 0)
);
--> statement-breakpoint
CREATE TABLE "multi_unit_obligations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"holder_application_id" uuid,
	"holder_id_blind" text,
	"holder_masked_name" text,
	"event_id" uuid NOT NULL,
	"change_on" date NOT NULL,
	"deadline_on" date NOT NULL,
	"units_held" integer NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"met_by_exit_id" uuid,
	"met_on" date,
	"reminders_sent" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "multi_unit_obligations_event_id_unique" UNIQUE("event_id"),
	CONSTRAINT "mu_obligations_status_ck" CHECK (status in ('open', 'met', 'withdrawn')),
	CONSTRAINT "mu_obligations_holder_ck" CHECK (holder_application_id is not null or holder_id_blind is not null),
	CONSTRAINT "mu_obligations_units_ck" CHECK (units_held > 1)
);
--> statement-breakpoint
CREATE TABLE "resale_offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"exit_id" uuid NOT NULL,
	"buyback_price_fen" bigint NOT NULL,
	"renovation_cost_fen" bigint,
	"renovation_completed_on" date,
	"renovation_evidence" jsonb,
	"floor_fen" bigint,
	"price_fen" bigint,
	"maintenance_fund_due_fen" bigint DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'renovating' NOT NULL,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"contract_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "resale_offers_exit_id_unique" UNIQUE("exit_id"),
	CONSTRAINT "resale_offers_status_ck" CHECK (status in ('renovating', 'approved', 'sold')),
	CONSTRAINT "resale_offers_floor_ck" CHECK (status = 'renovating' or (price_fen is not null and floor_fen is not null and price_fen >= floor_fen))
);
--> statement-breakpoint
CREATE TABLE "titles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"certificate_no" text NOT NULL,
	"holder_kind" text NOT NULL,
	"holder_application_id" uuid,
	"holder_id_blind" text,
	"holder_enc" text,
	"holder_masked_name" text,
	"holder_masked_id" text,
	"nature" text DEFAULT '配售型保障性住房' NOT NULL,
	"land_nature" text DEFAULT '划拨' NOT NULL,
	"origin" text NOT NULL,
	"contract_id" uuid,
	"event_id" uuid,
	"exit_id" uuid,
	"issued_on" date NOT NULL,
	"superseded_on" date,
	"superseded_by" uuid,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "titles_certificate_no_unique" UNIQUE("certificate_no"),
	CONSTRAINT "titles_nature_ck" CHECK (nature = '配售型保障性住房' and land_nature = '划拨'),
	CONSTRAINT "titles_origin_ck" CHECK (origin in ('first_sale', 'internal_transfer', 'resale', 'inheritance', 'divorce_division', 'buyback')),
	CONSTRAINT "titles_holder_kind_ck" CHECK (holder_kind in ('family', 'person', 'government')),
	CONSTRAINT "titles_holder_ck" CHECK ((holder_kind = 'family' and holder_application_id is not null)
    or (holder_kind = 'person' and holder_application_id is null and holder_id_blind is not null and holder_enc is not null)
    or (holder_kind = 'government' and holder_application_id is null))
);
--> statement-breakpoint
CREATE TABLE "transfer_interests" (
	"offer_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"expressed_at" timestamp with time zone NOT NULL,
	"outcome" text DEFAULT 'waiting' NOT NULL,
	CONSTRAINT "transfer_interests_offer_id_application_id_pk" PRIMARY KEY("offer_id","application_id"),
	CONSTRAINT "transfer_interests_outcome_ck" CHECK (outcome in ('waiting', 'chosen', 'not_chosen', 'ineligible', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "transfer_offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"exit_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"ceiling_fen" bigint NOT NULL,
	"valuation" jsonb NOT NULL,
	"price_fen" bigint NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"buyer_application_id" uuid,
	"matched_on" date,
	"registered_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "transfer_offers_exit_id_unique" UNIQUE("exit_id"),
	CONSTRAINT "transfer_offers_status_ck" CHECK (status in ('open', 'matched', 'failed', 'completed')),
	CONSTRAINT "transfer_offers_price_ck" CHECK (price_fen > 0 and price_fen <= ceiling_fen),
	CONSTRAINT "transfer_offers_window_ck" CHECK (closes_on >= opens_on)
);
--> statement-breakpoint
CREATE TABLE "unit_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_no" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"opened_on" date NOT NULL,
	"closed_on" date,
	"resolution" text,
	"closed_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "unit_cases_case_no_unique" UNIQUE("case_no"),
	CONSTRAINT "unit_cases_event_id_unique" UNIQUE("event_id"),
	CONSTRAINT "unit_cases_kind_ck" CHECK (kind in ('lease', 'use_change', 'extra_mortgage', 'structure_alteration', 'legal_dispute')),
	CONSTRAINT "unit_cases_status_ck" CHECK (status in ('open', 'rectified', 'closed'))
);
--> statement-breakpoint
CREATE TABLE "unit_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"title_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"occurred_on" date NOT NULL,
	"new_title_id" uuid,
	"evidence" jsonb NOT NULL,
	"note" text,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "unit_events_kind_ck" CHECK (kind in ('inheritance', 'divorce_division', 'lease', 'use_change', 'extra_mortgage', 'structure_alteration', 'legal_dispute')),
	CONSTRAINT "unit_events_evidence_ck" CHECK (jsonb_typeof(evidence) = 'array' and jsonb_array_length(evidence) > 0)
);
--> statement-breakpoint
CREATE TABLE "vacating_items" (
	"exit_id" uuid NOT NULL,
	"item" text NOT NULL,
	"done_on" date NOT NULL,
	"evidence" jsonb NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "vacating_items_exit_id_item_pk" PRIMARY KEY("exit_id","item"),
	CONSTRAINT "vacating_items_item_ck" CHECK (item in ('utilities', 'heating', 'gas', 'property_fees', 'hukou_moved'))
);
--> statement-breakpoint
ALTER TABLE "applications" DROP CONSTRAINT "applications_status_ck";--> statement-breakpoint
ALTER TABLE "selections" DROP CONSTRAINT "selections_kind_ck";--> statement-breakpoint
ALTER TABLE "units" DROP CONSTRAINT "units_status_ck";--> statement-breakpoint
ALTER TABLE "units" DROP CONSTRAINT "units_priced_ck";--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "delivered_on" date;--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "delivered_by" uuid;--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "maintenance_fund_due_fen" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "resale_offer_id" uuid;--> statement-breakpoint
ALTER TABLE "buyback_contracts" ADD CONSTRAINT "buyback_contracts_exit_id_exit_applications_id_fk" FOREIGN KEY ("exit_id") REFERENCES "public"."exit_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buyback_payments" ADD CONSTRAINT "buyback_payments_contract_id_buyback_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."buyback_contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buyback_payments" ADD CONSTRAINT "buyback_payments_recorded_by_accounts_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exit_applications" ADD CONSTRAINT "exit_applications_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exit_applications" ADD CONSTRAINT "exit_applications_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exit_applications" ADD CONSTRAINT "exit_applications_title_id_titles_id_fk" FOREIGN KEY ("title_id") REFERENCES "public"."titles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exit_applications" ADD CONSTRAINT "exit_applications_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exit_applications" ADD CONSTRAINT "exit_applications_obligation_id_multi_unit_obligations_id_fk" FOREIGN KEY ("obligation_id") REFERENCES "public"."multi_unit_obligations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exit_applications" ADD CONSTRAINT "exit_applications_submitted_by_accounts_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exit_applications" ADD CONSTRAINT "exit_applications_decided_by_accounts_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exit_checks" ADD CONSTRAINT "exit_checks_exit_id_exit_applications_id_fk" FOREIGN KEY ("exit_id") REFERENCES "public"."exit_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exit_checks" ADD CONSTRAINT "exit_checks_recorded_by_accounts_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fraud_decisions" ADD CONSTRAINT "fraud_decisions_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fraud_decisions" ADD CONSTRAINT "fraud_decisions_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fraud_decisions" ADD CONSTRAINT "fraud_decisions_exit_id_exit_applications_id_fk" FOREIGN KEY ("exit_id") REFERENCES "public"."exit_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fraud_decisions" ADD CONSTRAINT "fraud_decisions_decided_by_accounts_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maintenance_fund_accounts" ADD CONSTRAINT "maintenance_fund_accounts_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maintenance_fund_accounts" ADD CONSTRAINT "maintenance_fund_accounts_recorded_by_accounts_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maintenance_fund_entries" ADD CONSTRAINT "maintenance_fund_entries_account_id_maintenance_fund_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."maintenance_fund_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maintenance_fund_entries" ADD CONSTRAINT "maintenance_fund_entries_title_id_titles_id_fk" FOREIGN KEY ("title_id") REFERENCES "public"."titles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maintenance_fund_entries" ADD CONSTRAINT "maintenance_fund_entries_recorded_by_accounts_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "multi_unit_obligations" ADD CONSTRAINT "multi_unit_obligations_holder_application_id_applications_id_fk" FOREIGN KEY ("holder_application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "multi_unit_obligations" ADD CONSTRAINT "multi_unit_obligations_event_id_unit_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."unit_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resale_offers" ADD CONSTRAINT "resale_offers_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resale_offers" ADD CONSTRAINT "resale_offers_exit_id_exit_applications_id_fk" FOREIGN KEY ("exit_id") REFERENCES "public"."exit_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resale_offers" ADD CONSTRAINT "resale_offers_approved_by_accounts_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resale_offers" ADD CONSTRAINT "resale_offers_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "titles" ADD CONSTRAINT "titles_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "titles" ADD CONSTRAINT "titles_holder_application_id_applications_id_fk" FOREIGN KEY ("holder_application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "titles" ADD CONSTRAINT "titles_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "titles" ADD CONSTRAINT "titles_recorded_by_accounts_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_interests" ADD CONSTRAINT "transfer_interests_offer_id_transfer_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."transfer_offers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_interests" ADD CONSTRAINT "transfer_interests_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_offers" ADD CONSTRAINT "transfer_offers_exit_id_exit_applications_id_fk" FOREIGN KEY ("exit_id") REFERENCES "public"."exit_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_offers" ADD CONSTRAINT "transfer_offers_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_offers" ADD CONSTRAINT "transfer_offers_buyer_application_id_applications_id_fk" FOREIGN KEY ("buyer_application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_cases" ADD CONSTRAINT "unit_cases_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_cases" ADD CONSTRAINT "unit_cases_event_id_unit_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."unit_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_cases" ADD CONSTRAINT "unit_cases_closed_by_accounts_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_events" ADD CONSTRAINT "unit_events_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_events" ADD CONSTRAINT "unit_events_title_id_titles_id_fk" FOREIGN KEY ("title_id") REFERENCES "public"."titles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_events" ADD CONSTRAINT "unit_events_new_title_id_titles_id_fk" FOREIGN KEY ("new_title_id") REFERENCES "public"."titles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_events" ADD CONSTRAINT "unit_events_recorded_by_accounts_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacating_items" ADD CONSTRAINT "vacating_items_exit_id_exit_applications_id_fk" FOREIGN KEY ("exit_id") REFERENCES "public"."exit_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacating_items" ADD CONSTRAINT "vacating_items_recorded_by_accounts_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "buyback_payments_uq" ON "buyback_payments" USING btree ("contract_id","stage","payee");--> statement-breakpoint
CREATE UNIQUE INDEX "exit_applications_unit_open_uq" ON "exit_applications" USING btree ("unit_id") WHERE status in ('submitted', 'accepted', 'contracted', 'offered', 'matched');--> statement-breakpoint
CREATE INDEX "exit_applications_status_idx" ON "exit_applications" USING btree ("status","due_on");--> statement-breakpoint
CREATE INDEX "exit_applications_app_idx" ON "exit_applications" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "fraud_decisions_app_idx" ON "fraud_decisions" USING btree ("application_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mf_entries_ref_uq" ON "maintenance_fund_entries" USING btree ("account_id","kind","reference");--> statement-breakpoint
CREATE INDEX "mf_entries_account_idx" ON "maintenance_fund_entries" USING btree ("account_id","occurred_on");--> statement-breakpoint
CREATE INDEX "mu_obligations_deadline_idx" ON "multi_unit_obligations" USING btree ("deadline_on") WHERE status = 'open';--> statement-breakpoint
CREATE UNIQUE INDEX "resale_offers_unit_live_uq" ON "resale_offers" USING btree ("unit_id") WHERE status <> 'sold';--> statement-breakpoint
CREATE UNIQUE INDEX "titles_unit_current_uq" ON "titles" USING btree ("unit_id") WHERE superseded_on is null;--> statement-breakpoint
CREATE UNIQUE INDEX "titles_family_bought_uq" ON "titles" USING btree ("holder_application_id") WHERE superseded_on is null and origin in ('first_sale', 'internal_transfer', 'resale');--> statement-breakpoint
CREATE INDEX "titles_holder_app_idx" ON "titles" USING btree ("holder_application_id") WHERE superseded_on is null;--> statement-breakpoint
CREATE INDEX "titles_holder_blind_idx" ON "titles" USING btree ("holder_id_blind") WHERE superseded_on is null;--> statement-breakpoint
CREATE INDEX "unit_cases_unit_idx" ON "unit_cases" USING btree ("unit_id","status");--> statement-breakpoint
CREATE INDEX "unit_events_unit_idx" ON "unit_events" USING btree ("unit_id","occurred_on");--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_delivered_by_accounts_id_fk" FOREIGN KEY ("delivered_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_status_ck" CHECK (status in ('draft', 'submitted', 'returned', 'admitted', 'rejected', 'withdrawn', 'removed', 'lapsed', 'cancelled', 'purchased', 'exited'));--> statement-breakpoint
ALTER TABLE "selections" ADD CONSTRAINT "selections_kind_ck" CHECK (kind in ('round', 'rolling', 'transfer'));--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_status_ck" CHECK (status in ('draft', 'available', 'reserved', 'sold', 'converted', 'bought_back'));--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_priced_ck" CHECK (status in ('draft', 'converted', 'bought_back')
    or (price_fen is not null and (price_approval_id is not null or resale_offer_id is not null)));