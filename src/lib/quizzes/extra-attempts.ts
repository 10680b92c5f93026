import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf } from "@/lib/analytics/sql-rows";
import { db } from "@/lib/db/client";
import { notify } from "@/lib/notifications/notifications";
import type { Viewer } from "@/lib/auth/viewer";
import { requireCourseEditor } from "@/lib/courses/course-editor-access";
import { AppError } from "@/lib/http/errors";
import { requireQuizOf } from "./results-queries";
import type { GrantedAttempt } from "./results-types";

/**
 * Grants a learner enrolled in the course one more attempt at the quiz, beyond its maxAttempts, for the course's
 * editors: quiz_extra_attempts.extra goes up by one. One statement finds the enrollment and writes, so a learner who
 * is not (or no longer) enrolled gets nothing written and a 404. On a quiz without a limit the grant is kept too, and
 * counts if a limit is set later.
 */
export async function grantExtraAttempt(
  viewer: Viewer | null,
  courseId: string,
  lessonId: string,
  learnerId: string,
): Promise<GrantedAttempt> {
  const course = await requireCourseEditor(viewer, courseId);
  const quiz = await requireQuizOf(course.id, lessonId);
  const row = await db.transaction(async (tx) => {
    const [granted] = rowsOf<{ extra: number; used: number; title: string }>(
      await tx.execute(sql`
    with enrollment as (
      select id from enrollments where course_id = ${course.id} and learner_id = ${learnerId}
    ), granted as (
      insert into quiz_extra_attempts (lesson_id, enrollment_id, extra, granted_by, updated_at)
      select ${lessonId}, id, 1, ${viewer!.id}, now() from enrollment
      on conflict (lesson_id, enrollment_id)
      do update set extra = quiz_extra_attempts.extra + 1, granted_by = excluded.granted_by, updated_at = now()
      returning enrollment_id, extra
    )
    select g.extra, (select count(*)::int from quiz_attempts a where a.lesson_id = ${lessonId} and a.enrollment_id = g.enrollment_id) as used,
      (select title from lessons where id = ${lessonId}) as title
    from granted g`),
    );
    if (!granted) throw new AppError("NOT_FOUND", "This learner is not enrolled in this course.");
    await notify(tx, "attempts_granted", [
      {
        userId: learnerId,
        title: `One more attempt: ${granted.title}`,
        body: "Your instructor gave you another try at this quiz.",
        link: `/my-courses/${course.id}/lessons/${lessonId}`,
      },
    ]);
    return granted;
  });
  return {
    learnerId,
    extraAttempts: row.extra,
    attemptsAllowed: quiz.maxAttempts === null ? null : quiz.maxAttempts + row.extra,
    attemptsUsed: row.used,
  };
}
