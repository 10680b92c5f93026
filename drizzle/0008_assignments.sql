CREATE TYPE "public"."submission_status" AS ENUM('submitted', 'graded', 'returned');--> statement-breakpoint
ALTER TYPE "public"."upload_kind" ADD VALUE 'submission';--> statement-breakpoint
CREATE TABLE "assignment_submissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lesson_id" uuid NOT NULL,
	"enrollment_id" uuid NOT NULL,
	"status" "submission_status" DEFAULT 'submitted' NOT NULL,
	"late" boolean DEFAULT false NOT NULL,
	"versions" integer DEFAULT 1 NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"points" integer,
	"passed" boolean,
	"graded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assignments" (
	"lesson_id" uuid PRIMARY KEY NOT NULL,
	"instructions" text DEFAULT '' NOT NULL,
	"due_at" timestamp with time zone,
	"max_points" integer DEFAULT 100 NOT NULL,
	"passing_points" integer DEFAULT 50 NOT NULL,
	"accept_text" boolean DEFAULT true NOT NULL,
	"accept_files" boolean DEFAULT true NOT NULL,
	"accepted_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"max_files" integer DEFAULT 3 NOT NULL,
	"max_file_bytes" bigint DEFAULT 52428800 NOT NULL,
	"allow_late" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assignments_max_points_range" CHECK ("assignments"."max_points" between 1 and 10000),
	CONSTRAINT "assignments_passing_points_range" CHECK ("assignments"."passing_points" between 0 and "assignments"."max_points"),
	CONSTRAINT "assignments_max_files_range" CHECK ("assignments"."max_files" between 1 and 20),
	CONSTRAINT "assignments_max_file_bytes_positive" CHECK ("assignments"."max_file_bytes" >= 1),
	CONSTRAINT "assignments_accepts_something" CHECK ("assignments"."accept_text" or "assignments"."accept_files")
);
--> statement-breakpoint
CREATE TABLE "submission_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"object_key" text NOT NULL,
	"file_name" varchar(512) NOT NULL,
	"content_type" text NOT NULL,
	"size" bigint NOT NULL,
	"ord" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "submission_files_object_key_unique" UNIQUE("object_key")
);
--> statement-breakpoint
CREATE TABLE "submission_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"submission_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"text" text,
	"late" boolean DEFAULT false NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"points" integer,
	"feedback" text,
	"returned_for_revision" boolean DEFAULT false NOT NULL,
	"graded_at" timestamp with time zone,
	"graded_by" text
);
--> statement-breakpoint
ALTER TABLE "assignment_submissions" ADD CONSTRAINT "assignment_submissions_lesson_id_assignments_lesson_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."assignments"("lesson_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_submissions" ADD CONSTRAINT "assignment_submissions_enrollment_id_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."enrollments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_lesson_id_lessons_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."lessons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_files" ADD CONSTRAINT "submission_files_version_id_submission_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."submission_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_versions" ADD CONSTRAINT "submission_versions_submission_id_assignment_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."assignment_submissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_versions" ADD CONSTRAINT "submission_versions_graded_by_users_id_fk" FOREIGN KEY ("graded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "assignment_submissions_lesson_enrollment_unique" ON "assignment_submissions" USING btree ("lesson_id","enrollment_id");--> statement-breakpoint
CREATE INDEX "assignment_submissions_enrollment_id_idx" ON "assignment_submissions" USING btree ("enrollment_id");--> statement-breakpoint
CREATE INDEX "assignment_submissions_lesson_status_submitted_idx" ON "assignment_submissions" USING btree ("lesson_id","status","submitted_at");--> statement-breakpoint
CREATE INDEX "submission_files_version_id_idx" ON "submission_files" USING btree ("version_id");--> statement-breakpoint
CREATE UNIQUE INDEX "submission_versions_submission_number_unique" ON "submission_versions" USING btree ("submission_id","number");--> statement-breakpoint
CREATE INDEX "submission_versions_graded_by_idx" ON "submission_versions" USING btree ("graded_by");