DROP INDEX "lesson_progress_lesson_id_idx";--> statement-breakpoint
CREATE INDEX "enrollments_course_id_enrolled_at_idx" ON "enrollments" USING btree ("course_id","enrolled_at");--> statement-breakpoint
CREATE INDEX "enrollments_course_id_completed_at_idx" ON "enrollments" USING btree ("course_id","completed_at");--> statement-breakpoint
CREATE INDEX "enrollments_completed_at_idx" ON "enrollments" USING btree ("completed_at");--> statement-breakpoint
CREATE INDEX "lesson_progress_lesson_id_completed_at_idx" ON "lesson_progress" USING btree ("lesson_id","completed_at");