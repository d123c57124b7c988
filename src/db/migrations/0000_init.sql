CREATE SEQUENCE "public"."application_reg_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE SEQUENCE "public"."notice_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"username" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" text NOT NULL,
	"district_code" text,
	"display_name" text NOT NULL,
	"phone_enc" text,
	"phone_blind" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"disabled_at" timestamp with time zone,
	CONSTRAINT "accounts_username_unique" UNIQUE("username"),
	CONSTRAINT "accounts_role_ck" CHECK (role in ('applicant', 'district_staff', 'city_staff', 'auditor', 'implementer')),
	CONSTRAINT "accounts_district_staff_ck" CHECK (role <> 'district_staff' or district_code is not null)
);
--> statement-breakpoint
CREATE TABLE "active_persons" (
	"id_blind" text PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"since" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "application_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_account_id" uuid,
	"kind" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"reason" text,
	"article" text,
	"evidence" jsonb
);
--> statement-breakpoint
CREATE TABLE "application_members" (
	"revision_id" uuid NOT NULL,
	"idx" smallint NOT NULL,
	"relation" text NOT NULL,
	"id_blind" text NOT NULL,
	"birth_date" date NOT NULL,
	"sex" text NOT NULL,
	"hukou_type" text NOT NULL,
	"hukou_city" text NOT NULL,
	CONSTRAINT "application_members_revision_id_idx_pk" PRIMARY KEY("revision_id","idx"),
	CONSTRAINT "application_members_sex_ck" CHECK (sex in ('M', 'F'))
);
--> statement-breakpoint
CREATE TABLE "application_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"form_enc" text NOT NULL,
	"change_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"decision_reason" text,
	"verdict" jsonb,
	CONSTRAINT "application_revisions_app_seq_uq" UNIQUE("application_id","seq"),
	CONSTRAINT "application_revisions_kind_ck" CHECK (kind in ('initial', 'change')),
	CONSTRAINT "application_revisions_status_ck" CHECK (status in ('draft', 'submitted', 'returned', 'approved', 'rejected', 'superseded'))
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reg_code" text NOT NULL,
	"account_id" uuid NOT NULL,
	"district_code" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"category" text,
	"priority" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"masked_applicant_name" text,
	"masked_applicant_id" text,
	"current_revision" integer DEFAULT 1 NOT NULL,
	"submitted_at" timestamp with time zone,
	"admitted_on" date,
	"last_confirmed_on" date,
	"confirm_deadline" date,
	"last_reminded_for" date,
	"purchased_on" date,
	"notice_no" text,
	"lapsed_on" date,
	"closed_on" date,
	"closed_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "applications_reg_code_unique" UNIQUE("reg_code"),
	CONSTRAINT "applications_notice_no_unique" UNIQUE("notice_no"),
	CONSTRAINT "applications_status_ck" CHECK (status in ('draft', 'submitted', 'returned', 'admitted', 'rejected', 'withdrawn', 'removed', 'lapsed', 'cancelled')),
	CONSTRAINT "applications_category_ck" CHECK (category is null or category in ('wage_family', 'talent'))
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_account_id" uuid,
	"actor_role" text NOT NULL,
	"action" text NOT NULL,
	"target_type" text NOT NULL,
	"target_id" text NOT NULL,
	"detail" jsonb NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "data_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"revision_id" uuid,
	"department" text NOT NULL,
	"purpose" text DEFAULT 'review' NOT NULL,
	"request" jsonb NOT NULL,
	"response" jsonb NOT NULL,
	"provider" text NOT NULL,
	"checked_at" timestamp with time zone NOT NULL,
	CONSTRAINT "data_checks_department_ck" CHECK (department in ('property', 'civil_affairs', 'social_insurance', 'provident_fund'))
);
--> statement-breakpoint
CREATE TABLE "districts" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	CONSTRAINT "districts_kind_ck" CHECK (kind in ('district', 'county', 'zone'))
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"key" text NOT NULL,
	"account_id" uuid NOT NULL,
	"route" text NOT NULL,
	"request_hash" text,
	"status_code" integer,
	"response" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_key_account_id_pk" PRIMARY KEY("key","account_id")
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"run_at" timestamp with time zone DEFAULT now() NOT NULL,
	"singleton_key" text,
	"locked_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"result" jsonb,
	"done_at" timestamp with time zone,
	"failed" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notices" (
	"notice_no" text PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"issued_on" date NOT NULL,
	"payload" jsonb NOT NULL,
	CONSTRAINT "notices_kind_ck" CHECK (kind in ('admission', 'removal', 'lapse', 'cancellation'))
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"template" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"dispatched_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"read_at" timestamp with time zone,
	CONSTRAINT "notifications_channel_ck" CHECK (channel in ('in_app', 'sms', 'email'))
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_district_code_districts_code_fk" FOREIGN KEY ("district_code") REFERENCES "public"."districts"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "active_persons" ADD CONSTRAINT "active_persons_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_actor_account_id_accounts_id_fk" FOREIGN KEY ("actor_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_members" ADD CONSTRAINT "application_members_revision_id_application_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."application_revisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_revisions" ADD CONSTRAINT "application_revisions_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_revisions" ADD CONSTRAINT "application_revisions_decided_by_accounts_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_district_code_districts_code_fk" FOREIGN KEY ("district_code") REFERENCES "public"."districts"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_checks" ADD CONSTRAINT "data_checks_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_checks" ADD CONSTRAINT "data_checks_revision_id_application_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."application_revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "accounts_phone_blind_idx" ON "accounts" USING btree ("phone_blind");--> statement-breakpoint
CREATE INDEX "active_persons_app_idx" ON "active_persons" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "application_events_app_idx" ON "application_events" USING btree ("application_id","id");--> statement-breakpoint
CREATE INDEX "application_members_blind_idx" ON "application_members" USING btree ("id_blind");--> statement-breakpoint
CREATE INDEX "application_revisions_status_idx" ON "application_revisions" USING btree ("status","kind");--> statement-breakpoint
CREATE INDEX "applications_account_idx" ON "applications" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "applications_district_status_idx" ON "applications" USING btree ("district_code","status","submitted_at");--> statement-breakpoint
CREATE INDEX "applications_admitted_idx" ON "applications" USING btree ("status","id");--> statement-breakpoint
CREATE INDEX "applications_deadline_idx" ON "applications" USING btree ("confirm_deadline") WHERE status = 'admitted';--> statement-breakpoint
CREATE INDEX "applications_public_idx" ON "applications" USING btree ("admitted_on","reg_code") WHERE status = 'admitted';--> statement-breakpoint
CREATE INDEX "audit_log_target_idx" ON "audit_log" USING btree ("target_type","target_id");--> statement-breakpoint
CREATE UNIQUE INDEX "audit_log_hash_uq" ON "audit_log" USING btree ("hash");--> statement-breakpoint
CREATE INDEX "data_checks_revision_idx" ON "data_checks" USING btree ("revision_id");--> statement-breakpoint
CREATE INDEX "data_checks_app_idx" ON "data_checks" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "jobs_due_idx" ON "jobs" USING btree ("run_at") WHERE done_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "jobs_singleton_uq" ON "jobs" USING btree ("name","singleton_key") WHERE done_at is null and singleton_key is not null;--> statement-breakpoint
CREATE INDEX "notices_app_idx" ON "notices" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "notifications_account_idx" ON "notifications" USING btree ("account_id","created_at");--> statement-breakpoint
CREATE INDEX "notifications_pending_idx" ON "notifications" USING btree ("created_at") WHERE dispatched_at is null;--> statement-breakpoint
CREATE INDEX "sessions_account_idx" ON "sessions" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "sessions_expires_idx" ON "sessions" USING btree ("expires_at");