import "server-only";
import { sql } from "drizzle-orm";
import { csvLine, slugify, type CsvDownload } from "@/lib/analytics/csv";
import { isoSql, queryRows } from "@/lib/analytics/sql-rows";
import type { Viewer } from "@/lib/auth/viewer";
import { requireCourseEditor } from "@/lib/courses/course-editor-access";
import { bestAttempts, requireQuizOf, secondsTaken } from "./results-queries";
import type { ResultsAttempt } from "./results-types";

const BATCH = 5000;
const HEADER = [
  "Learner",
  "E-mail",
  "Attempt",
  "Score (%)",
  "Points",
  "Points possible",
  "Passed",
  "Started at",
  "Submitted at",
  "Time taken (s)",
  "Counted in the figures",
];

/** The full-precision submitted_at as text (the ISO column keeps milliseconds only) and the id. */
type Cursor = { key: string; attemptId: string };

function batch(lessonId: string, after: Cursor | undefined, limit: number) {
  const keyset = after ? sql`and (a.submitted_at, a.id) > (${after.key}::timestamptz, ${after.attemptId}::uuid)` : sql``;
  return queryRows<ResultsAttempt & { cursorKey: string }>(sql`
    with best as (${bestAttempts(lessonId)})
    select a.id as "attemptId", u.name as "learnerName", u.email as "learnerEmail", a.number, a.score,
      a.points_earned as "pointsEarned", a.points_possible as "pointsPossible", a.passed,
      ${isoSql(sql`a.started_at`)} as "startedAt", ${isoSql(sql`a.submitted_at`)} as "submittedAt",
      round(${secondsTaken})::int as seconds,
      (b.id is not null) as counted, a.submitted_at::text as "cursorKey"
    from quiz_attempts a
    join enrollments e on e.id = a.enrollment_id
    join users u on u.id = e.learner_id
    left join best b on b.id = a.id
    where a.lesson_id = ${lessonId} and a.score is not null ${keyset}
    order by a.submitted_at, a.id
    limit ${limit}`);
}

/**
 * Every graded attempt of the quiz as CSV, oldest first, read in keyset batches while the response is sent. Names and
 * addresses go through csvCell, which defuses text a spreadsheet would run as a formula.
 */
export async function exportQuizResults(
  viewer: Viewer | null,
  courseId: string,
  lessonId: string,
  now: Date = new Date(),
  batchSize: number = BATCH,
): Promise<CsvDownload> {
  const course = await requireCourseEditor(viewer, courseId);
  const quiz = await requireQuizOf(course.id, lessonId);
  const encoder = new TextEncoder();
  let after: Cursor | undefined;
  let done = false;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csvLine(HEADER)));
    },
    async pull(controller) {
      if (done) return;
      const rows = await batch(lessonId, after, batchSize);
      const last = rows.at(-1);
      if (last) {
        after = { key: last.cursorKey, attemptId: last.attemptId };
        const lines = rows.map((r) =>
          csvLine([
            r.learnerName,
            r.learnerEmail,
            r.number,
            r.score,
            r.pointsEarned,
            r.pointsPossible,
            r.passed ? "yes" : "no",
            r.startedAt,
            r.submittedAt,
            r.seconds,
            r.counted ? "yes" : "no",
          ]),
        );
        controller.enqueue(encoder.encode(lines.join("")));
      }
      if (rows.length < batchSize) {
        done = true;
        controller.close();
      }
    },
  });
  const name = `${slugify(course.title, "course")}-${slugify(quiz.title, "quiz")}-results-${now.toISOString().slice(0, 10)}.csv`;
  return { fileName: name, body };
}
