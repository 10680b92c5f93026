import "server-only";
import { sql } from "drizzle-orm";
import { requireCourseEditor } from "@/lib/courses/course-editor-access";
import { LEARNERS_PAGE_SIZE, type LearnersQuery } from "@/lib/validation/analytics";
import { learnersCondition, selectLearnerRows } from "./learner-rows";
import { queryRows } from "./sql-rows";
import type { LearnersPage } from "./types";

/** One page of the course's learners, searched by name or e-mail and sorted, with the total that match. */
export async function listCourseLearners(courseId: string, query: LearnersQuery): Promise<LearnersPage> {
  await requireCourseEditor(courseId);
  const where = learnersCondition(courseId, query.q);
  const [{ rows }, [total]] = await Promise.all([
    selectLearnerRows(courseId, query, { limit: LEARNERS_PAGE_SIZE, offset: (query.page - 1) * LEARNERS_PAGE_SIZE }),
    queryRows<{ n: number }>(sql`select count(*)::int as n from enrollments e join users u on u.id = e.learner_id where ${where}`),
  ]);
  return {
    rows,
    total: total?.n ?? 0,
    page: query.page,
    pageSize: LEARNERS_PAGE_SIZE,
  };
}
