CREATE TYPE "public"."email_token_purpose" AS ENUM('verify_email', 'change_email');--> statement-breakpoint
CREATE TYPE "public"."instructor_request_status" AS ENUM('pending', 'approved', 'declined');--> statement-breakpoint
CREATE TABLE "email_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"purpose" "email_token_purpose" NOT NULL,
	"email" text NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "email_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "instructor_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"message" text,
	"status" "instructor_request_status" DEFAULT 'pending' NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"seen_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "upload_sessions" ADD COLUMN "staging_key" text;--> statement-breakpoint
ALTER TABLE "email_tokens" ADD CONSTRAINT "email_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instructor_requests" ADD CONSTRAINT "instructor_requests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instructor_requests" ADD CONSTRAINT "instructor_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "email_tokens_user_id_idx" ON "email_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "instructor_requests_user_id_idx" ON "instructor_requests" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "instructor_requests_decided_by_idx" ON "instructor_requests" USING btree ("decided_by");--> statement-breakpoint
CREATE INDEX "instructor_requests_status_created_at_idx" ON "instructor_requests" USING btree ("status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "instructor_requests_one_pending_per_user" ON "instructor_requests" USING btree ("user_id") WHERE "instructor_requests"."status" = 'pending';--> statement-breakpoint
ALTER TABLE "upload_sessions" ADD CONSTRAINT "upload_sessions_staging_key_unique" UNIQUE("staging_key");--> statement-breakpoint
-- Accounts made before e-mail verification existed were trusted when they were made; they stay trusted.
UPDATE "users" SET "email_verified" = "created_at" WHERE "email_verified" IS NULL;--> statement-breakpoint
-- Uploads in flight write their final key directly; they end now (the sweeper removes what they stored) and start again
-- on a staging key.
UPDATE "upload_sessions" SET "expires_at" = now() WHERE "status" = 'pending';
