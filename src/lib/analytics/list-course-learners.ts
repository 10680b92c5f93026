import "server-only";
import { requireCourseEditor } from "@/lib/courses/course-editor-access";
import { LEARNERS_PAGE_SIZE, type LearnersQuery } from "@/lib/validation/analytics";
import { countLearners, selectLearnerRows } from "./learner-rows";
import type { LearnersPage } from "./types";

/** One page of the course's learners, searched by name or e-mail and sorted, with the total that match. */
export async function listCourseLearners(courseId: string, query: LearnersQuery): Promise<LearnersPage> {
  await requireCourseEditor(courseId);
  const [{ rows }, total] = await Promise.all([
    selectLearnerRows(courseId, query, { limit: LEARNERS_PAGE_SIZE, offset: (query.page - 1) * LEARNERS_PAGE_SIZE }),
    countLearners(courseId, query.q),
  ]);
  return {
    rows,
    total,
    page: query.page,
    pageSize: LEARNERS_PAGE_SIZE,
  };
}
