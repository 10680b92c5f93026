import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { requireCourseEditor } from "@/lib/courses/course-editor-access";
import type { LearnersQuery } from "@/lib/validation/analytics";
import { requireCohortFilter } from "./cohort-filter";
import { csvLine, slugify, type CsvDownload } from "./csv";
import { oneCourse } from "./get-course-analytics";
import { selectLearnerRows, type LearnersCursor } from "./learner-rows";

/** Rows per statement: each one sorts what is left of the course's learners, so fewer, larger batches cost less. */
const BATCH = 5000;
const HEADER = ["Name", "E-mail", "Enrolled at", "Progress (%)", "Completed at", "Last activity", "Certificate"];

/**
 * Every learner of the course matching the search (and cohort: 404 when the viewer may not filter this course by it),
 * in the table's order, as CSV. The rows are read in keyset batches
 * while the response is sent, so memory stays bounded however many learners there are.
 */
export async function exportCourseLearners(
  viewer: Viewer | null,
  courseId: string,
  query: Pick<LearnersQuery, "q" | "sort" | "dir" | "cohortId">,
  now: Date = new Date(),
  batchSize: number = BATCH,
): Promise<CsvDownload> {
  const course = await requireCourseEditor(viewer, courseId);
  await requireCohortFilter(viewer, oneCourse(courseId), query.cohortId);
  const encoder = new TextEncoder();
  let after: LearnersCursor | undefined;
  let done = false;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csvLine(HEADER)));
    },
    async pull(controller) {
      if (done) return;
      const { rows, last } = await selectLearnerRows(courseId, query, { limit: batchSize, after });
      if (last) {
        after = last;
        controller.enqueue(
          encoder.encode(
            rows
              .map((r) => csvLine([r.name, r.email, r.enrolledAt, r.progress, r.completedAt, r.lastActivityAt, r.certificateCode]))
              .join(""),
          ),
        );
      }
      if (rows.length < batchSize) {
        done = true;
        controller.close();
      }
    },
  });
  return { fileName: `${slugify(course.title, "course")}-learners-${now.toISOString().slice(0, 10)}.csv`, body };
}
