import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { requireCourseEditor } from "@/lib/courses/course-editor-access";
import { LEARNERS_PAGE_SIZE, type LearnersQuery } from "@/lib/validation/analytics";
import { requireCohortFilter } from "./cohort-filter";
import { oneCourse } from "./get-course-analytics";
import { countLearners, selectLearnerRows } from "./learner-rows";
import type { LearnersPage } from "./types";

/** One page of the learners of a course the viewer has passed the editor check for, with the total that match. */
export async function learnersPageOf(courseId: string, query: LearnersQuery): Promise<LearnersPage> {
  const [{ rows }, total] = await Promise.all([
    selectLearnerRows(courseId, query, { limit: LEARNERS_PAGE_SIZE, offset: (query.page - 1) * LEARNERS_PAGE_SIZE }),
    countLearners(courseId, query.q, query.cohortId),
  ]);
  return {
    rows,
    total,
    page: query.page,
    pageSize: LEARNERS_PAGE_SIZE,
  };
}

/**
 * One page of the course's learners, searched by name or e-mail and sorted, for its instructor or an admin; with
 * `query.cohortId`, that cohort's members only (404 when the viewer may not filter this course by it).
 */
export async function listCourseLearners(viewer: Viewer | null, courseId: string, query: LearnersQuery): Promise<LearnersPage> {
  await requireCourseEditor(viewer, courseId);
  await requireCohortFilter(viewer, oneCourse(courseId), query.cohortId);
  return learnersPageOf(courseId, query);
}
