CREATE SEQUENCE "public"."contract_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE SEQUENCE "public"."registration_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE SEQUENCE "public"."sale_notice_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "buildings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"floors" smallint NOT NULL,
	"completed_on" date,
	CONSTRAINT "buildings_project_name_uq" UNIQUE("project_id","name"),
	CONSTRAINT "buildings_floors_ck" CHECK (floors between 1 and 200)
);
--> statement-breakpoint
CREATE TABLE "contracts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_no" text NOT NULL,
	"selection_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"price_fen" bigint NOT NULL,
	"loan_type" text NOT NULL,
	"down_payment_fen" bigint NOT NULL,
	"loan_fen" bigint NOT NULL,
	"deposit_credited_fen" bigint DEFAULT 0 NOT NULL,
	"down_payment_check" jsonb NOT NULL,
	"status" text DEFAULT 'generated' NOT NULL,
	"deadline_on" date NOT NULL,
	"generated_at" timestamp with time zone NOT NULL,
	"signed_at" timestamp with time zone,
	"pdf_sha256" text,
	CONSTRAINT "contracts_contract_no_unique" UNIQUE("contract_no"),
	CONSTRAINT "contracts_selection_id_unique" UNIQUE("selection_id"),
	CONSTRAINT "contracts_status_ck" CHECK (status in ('generated', 'signed', 'lapsed', 'rescinded')),
	CONSTRAINT "contracts_loan_type_ck" CHECK (loan_type in ('provident_fund', 'commercial', 'none')),
	CONSTRAINT "contracts_money_ck" CHECK (down_payment_fen + loan_fen = price_fen and down_payment_fen >= 0 and loan_fen >= 0)
);
--> statement-breakpoint
CREATE TABLE "deposit_ledger" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"registration_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"reference" text NOT NULL,
	"reason" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"settled_at" timestamp with time zone,
	"bank_ref" text,
	CONSTRAINT "deposit_ledger_kind_ck" CHECK (kind in ('paid', 'credited', 'refunded')),
	CONSTRAINT "deposit_ledger_amount_ck" CHECK (amount_fen > 0)
);
--> statement-breakpoint
CREATE TABLE "draw_ranks" (
	"draw_id" uuid NOT NULL,
	"rank" integer NOT NULL,
	"entrant_id" text NOT NULL,
	"pool" text NOT NULL,
	CONSTRAINT "draw_ranks_draw_id_rank_pk" PRIMARY KEY("draw_id","rank")
);
--> statement-breakpoint
CREATE TABLE "draws" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"attempt" integer DEFAULT 1 NOT NULL,
	"status" text DEFAULT 'frozen' NOT NULL,
	"pools" jsonb NOT NULL,
	"entrants_tsv" "bytea" NOT NULL,
	"entrant_count" integer NOT NULL,
	"list_digest" text NOT NULL,
	"commitment" text NOT NULL,
	"secret_enc" text NOT NULL,
	"frozen_at" timestamp with time zone NOT NULL,
	"frozen_by" uuid NOT NULL,
	"beacon" text,
	"seed" text,
	"server_secret" text,
	"bundle_json" "bytea",
	"drawn_at" timestamp with time zone,
	"drawn_by" uuid,
	"void_reason" text,
	"voided_at" timestamp with time zone,
	"voided_by" uuid,
	CONSTRAINT "draws_round_attempt_uq" UNIQUE("project_id","round","attempt"),
	CONSTRAINT "draws_status_ck" CHECK (status in ('frozen', 'drawn', 'void')),
	CONSTRAINT "draws_drawn_ck" CHECK (status <> 'drawn' or (beacon is not null and seed is not null and bundle_json is not null)),
	CONSTRAINT "draws_void_ck" CHECK (status <> 'void' or void_reason is not null)
);
--> statement-breakpoint
CREATE TABLE "fund_ledger" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"source" text NOT NULL,
	"direction" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"occurred_on" date NOT NULL,
	"memo" text NOT NULL,
	"reference" text NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "fund_ledger_source_ck" CHECK (source in ('capital', 'development_loan', 'sales_proceeds', 'fiscal_subsidy', 'special_bond', 'other')),
	CONSTRAINT "fund_ledger_direction_ck" CHECK (direction in ('in', 'out')),
	CONSTRAINT "fund_ledger_amount_ck" CHECK (amount_fen > 0)
);
--> statement-breakpoint
CREATE TABLE "gateway_callbacks" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"gateway" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"body" jsonb NOT NULL,
	"signature_ok" integer NOT NULL,
	"outcome" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_orders" (
	"order_no" text PRIMARY KEY NOT NULL,
	"registration_id" uuid NOT NULL,
	"amount_fen" bigint NOT NULL,
	"gateway" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"paid_at" timestamp with time zone,
	CONSTRAINT "payment_orders_status_ck" CHECK (status in ('pending', 'paid', 'expired'))
);
--> statement-breakpoint
CREATE TABLE "price_approvals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"base_price_per_m2_fen" bigint NOT NULL,
	"float_range" numeric(8, 6) NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"schedule" jsonb NOT NULL,
	"schedule_sha256" text NOT NULL,
	"submitted_by" uuid NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"district_approved_by" uuid,
	"district_approved_at" timestamp with time zone,
	"city_approved_by" uuid,
	"city_approved_at" timestamp with time zone,
	"rejected_by" uuid,
	"rejected_reason" text,
	"approval_no" text,
	CONSTRAINT "price_approvals_approval_no_unique" UNIQUE("approval_no"),
	CONSTRAINT "price_approvals_status_ck" CHECK (status in ('submitted', 'district_approved', 'approved', 'rejected')),
	CONSTRAINT "price_approvals_base_ck" CHECK (base_price_per_m2_fen > 0),
	CONSTRAINT "price_approvals_range_ck" CHECK (float_range >= 0 and float_range < 1)
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"district_code" text NOT NULL,
	"sale_mode" text NOT NULL,
	"address" text NOT NULL,
	"implementer_account_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"delivery_on" date,
	"property_service" text,
	"sale_ended_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "projects_code_unique" UNIQUE("code"),
	CONSTRAINT "projects_code_ck" CHECK (code ~ '^[A-Za-z0-9_-]{1,64}$'),
	CONSTRAINT "projects_level_ck" CHECK (level in ('city', 'district')),
	CONSTRAINT "projects_sale_mode_ck" CHECK (sale_mode in ('presale', 'completed')),
	CONSTRAINT "projects_status_ck" CHECK (status in ('draft', 'selling', 'rolling', 'ended'))
);
--> statement-breakpoint
CREATE TABLE "registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reg_no" text NOT NULL,
	"project_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"status" text DEFAULT 'pending_payment' NOT NULL,
	"pools" jsonb,
	"deposit_fen" bigint NOT NULL,
	"registered_at" timestamp with time zone NOT NULL,
	"paid_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"closed_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "registrations_reg_no_unique" UNIQUE("reg_no"),
	CONSTRAINT "registrations_plan_app_uq" UNIQUE("plan_id","application_id"),
	CONSTRAINT "registrations_status_ck" CHECK (status in ('pending_payment', 'registered', 'signed', 'closed', 'withdrawn', 'refunded')),
	CONSTRAINT "registrations_reg_no_ck" CHECK (reg_no ~ '^[A-Za-z0-9_-]{1,64}$')
);
--> statement-breakpoint
CREATE TABLE "sale_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"registration_opens_at" timestamp with time zone NOT NULL,
	"registration_closes_at" timestamp with time zone NOT NULL,
	"draw_on" date NOT NULL,
	"deposit_fen" bigint NOT NULL,
	"pools" jsonb NOT NULL,
	"batch_size" integer NOT NULL,
	"window_minutes" integer NOT NULL,
	"contract_deadline_days" integer NOT NULL,
	"documents" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"submitted_at" timestamp with time zone,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"rejected_reason" text,
	"notice_no" text,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sale_plans_notice_no_unique" UNIQUE("notice_no"),
	CONSTRAINT "sale_plans_project_round_uq" UNIQUE("project_id","round"),
	CONSTRAINT "sale_plans_status_ck" CHECK (status in ('draft', 'submitted', 'approved', 'published', 'rejected')),
	CONSTRAINT "sale_plans_window_ck" CHECK (registration_closes_at > registration_opens_at),
	CONSTRAINT "sale_plans_numbers_ck" CHECK (deposit_fen >= 0 and batch_size > 0 and window_minutes > 0 and contract_deadline_days > 0)
);
--> statement-breakpoint
CREATE TABLE "selection_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"draw_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"batch_no" integer NOT NULL,
	"from_rank" integer NOT NULL,
	"to_rank" integer NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "selection_batches_no_uq" UNIQUE("draw_id","batch_no"),
	CONSTRAINT "selection_batches_status_ck" CHECK (status in ('open', 'closed'))
);
--> statement-breakpoint
CREATE TABLE "selection_calls" (
	"batch_id" uuid NOT NULL,
	"registration_id" uuid NOT NULL,
	"rank" integer NOT NULL,
	"outcome" text DEFAULT 'waiting' NOT NULL,
	"at" timestamp with time zone,
	"note" text,
	CONSTRAINT "selection_calls_batch_id_registration_id_pk" PRIMARY KEY("batch_id","registration_id"),
	CONSTRAINT "selection_calls_outcome_ck" CHECK (outcome in ('waiting', 'selected', 'refused', 'no_show'))
);
--> statement-breakpoint
CREATE TABLE "selections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"registration_id" uuid,
	"batch_id" uuid,
	"kind" text DEFAULT 'round' NOT NULL,
	"status" text DEFAULT 'locked' NOT NULL,
	"locked_at" timestamp with time zone NOT NULL,
	"signed_at" timestamp with time zone,
	"released_at" timestamp with time zone,
	"release_reason" text,
	CONSTRAINT "selections_status_ck" CHECK (status in ('locked', 'signed', 'released')),
	CONSTRAINT "selections_kind_ck" CHECK (kind in ('round', 'rolling'))
);
--> statement-breakpoint
CREATE TABLE "unit_conversions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"target_use" text NOT NULL,
	"decision_no" text NOT NULL,
	"reason" text NOT NULL,
	"unsold_days" integer NOT NULL,
	"decided_by" uuid NOT NULL,
	"decided_at" timestamp with time zone NOT NULL,
	CONSTRAINT "unit_conversions_unit_id_unique" UNIQUE("unit_id")
);
--> statement-breakpoint
CREATE TABLE "units" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"building_id" uuid NOT NULL,
	"floor" smallint NOT NULL,
	"number" text NOT NULL,
	"area" numeric(8, 2) NOT NULL,
	"layout" text NOT NULL,
	"orientation" text NOT NULL,
	"coefficient" numeric(8, 6),
	"price_fen" bigint,
	"price_approval_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"offered_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "units_building_number_uq" UNIQUE("building_id","number"),
	CONSTRAINT "units_status_ck" CHECK (status in ('draft', 'available', 'reserved', 'sold', 'converted')),
	CONSTRAINT "units_area_ck" CHECK (area > 0),
	CONSTRAINT "units_priced_ck" CHECK (status in ('draft', 'converted') or (price_fen is not null and price_approval_id is not null))
);
--> statement-breakpoint
ALTER TABLE "applications" DROP CONSTRAINT "applications_status_ck";--> statement-breakpoint
ALTER TABLE "buildings" ADD CONSTRAINT "buildings_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_selection_id_selections_id_fk" FOREIGN KEY ("selection_id") REFERENCES "public"."selections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deposit_ledger" ADD CONSTRAINT "deposit_ledger_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deposit_ledger" ADD CONSTRAINT "deposit_ledger_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draw_ranks" ADD CONSTRAINT "draw_ranks_draw_id_draws_id_fk" FOREIGN KEY ("draw_id") REFERENCES "public"."draws"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draws" ADD CONSTRAINT "draws_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draws" ADD CONSTRAINT "draws_plan_id_sale_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."sale_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draws" ADD CONSTRAINT "draws_frozen_by_accounts_id_fk" FOREIGN KEY ("frozen_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draws" ADD CONSTRAINT "draws_drawn_by_accounts_id_fk" FOREIGN KEY ("drawn_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draws" ADD CONSTRAINT "draws_voided_by_accounts_id_fk" FOREIGN KEY ("voided_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_ledger" ADD CONSTRAINT "fund_ledger_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_ledger" ADD CONSTRAINT "fund_ledger_recorded_by_accounts_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_orders" ADD CONSTRAINT "payment_orders_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_approvals" ADD CONSTRAINT "price_approvals_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_approvals" ADD CONSTRAINT "price_approvals_submitted_by_accounts_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_approvals" ADD CONSTRAINT "price_approvals_district_approved_by_accounts_id_fk" FOREIGN KEY ("district_approved_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_approvals" ADD CONSTRAINT "price_approvals_city_approved_by_accounts_id_fk" FOREIGN KEY ("city_approved_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_approvals" ADD CONSTRAINT "price_approvals_rejected_by_accounts_id_fk" FOREIGN KEY ("rejected_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_district_code_districts_code_fk" FOREIGN KEY ("district_code") REFERENCES "public"."districts"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_implementer_account_id_accounts_id_fk" FOREIGN KEY ("implementer_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_plan_id_sale_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."sale_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sale_plans" ADD CONSTRAINT "sale_plans_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sale_plans" ADD CONSTRAINT "sale_plans_approved_by_accounts_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_batches" ADD CONSTRAINT "selection_batches_draw_id_draws_id_fk" FOREIGN KEY ("draw_id") REFERENCES "public"."draws"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_batches" ADD CONSTRAINT "selection_batches_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_calls" ADD CONSTRAINT "selection_calls_batch_id_selection_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."selection_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_calls" ADD CONSTRAINT "selection_calls_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selections" ADD CONSTRAINT "selections_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selections" ADD CONSTRAINT "selections_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selections" ADD CONSTRAINT "selections_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selections" ADD CONSTRAINT "selections_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selections" ADD CONSTRAINT "selections_batch_id_selection_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."selection_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_conversions" ADD CONSTRAINT "unit_conversions_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_conversions" ADD CONSTRAINT "unit_conversions_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_conversions" ADD CONSTRAINT "unit_conversions_decided_by_accounts_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_price_approval_id_price_approvals_id_fk" FOREIGN KEY ("price_approval_id") REFERENCES "public"."price_approvals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contracts_app_idx" ON "contracts" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "contracts_project_idx" ON "contracts" USING btree ("project_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "deposit_ledger_txn_uq" ON "deposit_ledger" USING btree ("kind","reference");--> statement-breakpoint
CREATE INDEX "deposit_ledger_project_idx" ON "deposit_ledger" USING btree ("project_id","kind");--> statement-breakpoint
CREATE INDEX "deposit_ledger_reg_idx" ON "deposit_ledger" USING btree ("registration_id");--> statement-breakpoint
CREATE UNIQUE INDEX "draws_live_uq" ON "draws" USING btree ("project_id","round") WHERE status <> 'void';--> statement-breakpoint
CREATE UNIQUE INDEX "fund_ledger_ref_uq" ON "fund_ledger" USING btree ("project_id","source","direction","reference");--> statement-breakpoint
CREATE INDEX "fund_ledger_project_idx" ON "fund_ledger" USING btree ("project_id","occurred_on");--> statement-breakpoint
CREATE INDEX "payment_orders_reg_idx" ON "payment_orders" USING btree ("registration_id");--> statement-breakpoint
CREATE INDEX "price_approvals_project_idx" ON "price_approvals" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "projects_district_idx" ON "projects" USING btree ("district_code");--> statement-breakpoint
CREATE INDEX "projects_implementer_idx" ON "projects" USING btree ("implementer_account_id");--> statement-breakpoint
CREATE INDEX "registrations_app_idx" ON "registrations" USING btree ("application_id","status");--> statement-breakpoint
CREATE INDEX "registrations_project_idx" ON "registrations" USING btree ("project_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "selection_batches_one_open_uq" ON "selection_batches" USING btree ("draw_id") WHERE status = 'open';--> statement-breakpoint
CREATE UNIQUE INDEX "selections_unit_live_uq" ON "selections" USING btree ("unit_id") WHERE status in ('locked', 'signed');--> statement-breakpoint
CREATE UNIQUE INDEX "selections_app_live_uq" ON "selections" USING btree ("application_id") WHERE status in ('locked', 'signed');--> statement-breakpoint
CREATE INDEX "selections_project_idx" ON "selections" USING btree ("project_id","status");--> statement-breakpoint
CREATE INDEX "units_project_status_idx" ON "units" USING btree ("project_id","status");--> statement-breakpoint
CREATE INDEX "units_building_idx" ON "units" USING btree ("building_id","floor");--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_status_ck" CHECK (status in ('draft', 'submitted', 'returned', 'admitted', 'rejected', 'withdrawn', 'removed', 'lapsed', 'cancelled', 'purchased'));