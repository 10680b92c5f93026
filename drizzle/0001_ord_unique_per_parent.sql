-- Curriculum order is dense and unique per parent. Deferred to commit time, so that a reorder can renumber every row of
-- a parent in one transaction (Postgres checks immediate unique constraints row by row, which would trip mid-swap).
-- Custom SQL because Drizzle's schema builder cannot declare a deferrable constraint.
ALTER TABLE "modules" ADD CONSTRAINT "modules_course_id_ord_unique" UNIQUE ("course_id", "ord") DEFERRABLE INITIALLY DEFERRED;
--> statement-breakpoint
ALTER TABLE "lessons" ADD CONSTRAINT "lessons_module_id_ord_unique" UNIQUE ("module_id", "ord") DEFERRABLE INITIALLY DEFERRED;
