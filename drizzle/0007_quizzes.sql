CREATE TYPE "public"."lesson_kind" AS ENUM('lesson', 'quiz', 'assignment');--> statement-breakpoint
CREATE TYPE "public"."quiz_question_type" AS ENUM('single', 'multiple', 'true_false', 'short_text', 'numeric');--> statement-breakpoint
CREATE TYPE "public"."quiz_show_answers" AS ENUM('after_submit', 'after_pass', 'never');--> statement-breakpoint
CREATE TABLE "quiz_answers" (
	"attempt_id" uuid NOT NULL,
	"question_id" uuid NOT NULL,
	"answer" jsonb,
	"correct" boolean,
	"points_awarded" double precision,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quiz_answers_attempt_id_question_id_pk" PRIMARY KEY("attempt_id","question_id")
);
--> statement-breakpoint
CREATE TABLE "quiz_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lesson_id" uuid NOT NULL,
	"enrollment_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deadline_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"question_order" uuid[] NOT NULL,
	"option_order" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"score" double precision,
	"points_earned" double precision,
	"points_possible" integer,
	"passed" boolean
);
--> statement-breakpoint
CREATE TABLE "quiz_extra_attempts" (
	"lesson_id" uuid NOT NULL,
	"enrollment_id" uuid NOT NULL,
	"extra" integer DEFAULT 0 NOT NULL,
	"granted_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quiz_extra_attempts_lesson_id_enrollment_id_pk" PRIMARY KEY("lesson_id","enrollment_id")
);
--> statement-breakpoint
CREATE TABLE "quiz_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lesson_id" uuid NOT NULL,
	"type" "quiz_question_type" NOT NULL,
	"prompt" text NOT NULL,
	"points" integer DEFAULT 1 NOT NULL,
	"explanation" text,
	"options" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"partial_credit" boolean DEFAULT false NOT NULL,
	"accepted_answers" text[] DEFAULT '{}'::text[] NOT NULL,
	"numeric_answer" double precision,
	"tolerance" double precision DEFAULT 0 NOT NULL,
	"ord" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quiz_questions_points_positive" CHECK ("quiz_questions"."points" >= 1),
	CONSTRAINT "quiz_questions_tolerance_nonnegative" CHECK ("quiz_questions"."tolerance" >= 0)
);
--> statement-breakpoint
CREATE TABLE "quizzes" (
	"lesson_id" uuid PRIMARY KEY NOT NULL,
	"passing_score" integer DEFAULT 70 NOT NULL,
	"max_attempts" integer,
	"time_limit_minutes" integer,
	"shuffle_questions" boolean DEFAULT false NOT NULL,
	"shuffle_options" boolean DEFAULT false NOT NULL,
	"show_answers" "quiz_show_answers" DEFAULT 'after_submit' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quizzes_passing_score_range" CHECK ("quizzes"."passing_score" between 0 and 100),
	CONSTRAINT "quizzes_max_attempts_positive" CHECK ("quizzes"."max_attempts" is null or "quizzes"."max_attempts" >= 1),
	CONSTRAINT "quizzes_time_limit_positive" CHECK ("quizzes"."time_limit_minutes" is null or "quizzes"."time_limit_minutes" >= 1)
);
--> statement-breakpoint
ALTER TABLE "lessons" ADD COLUMN "kind" "lesson_kind" DEFAULT 'lesson' NOT NULL;--> statement-breakpoint
ALTER TABLE "quiz_answers" ADD CONSTRAINT "quiz_answers_attempt_id_quiz_attempts_id_fk" FOREIGN KEY ("attempt_id") REFERENCES "public"."quiz_attempts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quiz_answers" ADD CONSTRAINT "quiz_answers_question_id_quiz_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."quiz_questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quiz_attempts" ADD CONSTRAINT "quiz_attempts_lesson_id_quizzes_lesson_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."quizzes"("lesson_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quiz_attempts" ADD CONSTRAINT "quiz_attempts_enrollment_id_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."enrollments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quiz_extra_attempts" ADD CONSTRAINT "quiz_extra_attempts_lesson_id_quizzes_lesson_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."quizzes"("lesson_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quiz_extra_attempts" ADD CONSTRAINT "quiz_extra_attempts_enrollment_id_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."enrollments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quiz_extra_attempts" ADD CONSTRAINT "quiz_extra_attempts_granted_by_users_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quiz_questions" ADD CONSTRAINT "quiz_questions_lesson_id_quizzes_lesson_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."quizzes"("lesson_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quizzes" ADD CONSTRAINT "quizzes_lesson_id_lessons_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."lessons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "quiz_answers_question_id_idx" ON "quiz_answers" USING btree ("question_id");--> statement-breakpoint
CREATE UNIQUE INDEX "quiz_attempts_lesson_enrollment_number_unique" ON "quiz_attempts" USING btree ("lesson_id","enrollment_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "quiz_attempts_one_open" ON "quiz_attempts" USING btree ("lesson_id","enrollment_id") WHERE "quiz_attempts"."submitted_at" is null;--> statement-breakpoint
CREATE INDEX "quiz_attempts_enrollment_id_idx" ON "quiz_attempts" USING btree ("enrollment_id");--> statement-breakpoint
CREATE INDEX "quiz_attempts_lesson_id_submitted_at_idx" ON "quiz_attempts" USING btree ("lesson_id","submitted_at");--> statement-breakpoint
CREATE INDEX "quiz_extra_attempts_enrollment_id_idx" ON "quiz_extra_attempts" USING btree ("enrollment_id");--> statement-breakpoint
CREATE INDEX "quiz_extra_attempts_granted_by_idx" ON "quiz_extra_attempts" USING btree ("granted_by");--> statement-breakpoint
CREATE INDEX "quiz_questions_lesson_id_ord_idx" ON "quiz_questions" USING btree ("lesson_id","ord");