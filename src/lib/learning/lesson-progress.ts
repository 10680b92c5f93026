import "server-only";
import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import { requireSignedIn, type Viewer } from "@/lib/auth/viewer";
import { db, type Transaction } from "@/lib/db/client";
import { courses, enrollments, lessonProgress, lessons, modules } from "@/lib/db/schema";
import { analyticsChanged } from "@/lib/analytics/shared-figures";
import { queryRows } from "@/lib/analytics/sql-rows";
import { AppError } from "@/lib/http/errors";
import { assertEnrollmentOpen, requireEnrollment } from "./course-access";
import { recomputeProgress } from "./progress";

async function requireLessonInCourse(courseId: string, lessonId: string) {
  const [row] = await db
    .select({ id: lessons.id, kind: lessons.kind })
    .from(lessons)
    .innerJoin(modules, eq(modules.id, lessons.moduleId))
    .where(and(eq(lessons.id, lessonId), eq(modules.courseId, courseId)));
  if (!row) throw new AppError("NOT_FOUND", "This lesson does not exist in this course.");
  return row;
}

/**
 * Writes the lesson's completion and recomputes the enrollment's progress, inside the caller's transaction. The
 * enrollment row is locked first, so concurrent completions in one enrollment count each other. Also used by quiz
 * grading: a passed quiz completes its lesson in the grading's transaction.
 */
type Completion = { courseId: string; enrollmentId: string; lessonId: string; completed: boolean; now: Date };

export async function writeLessonCompletion(tx: Transaction, completion: Completion) {
  const { enrollmentId, lessonId, completed, now } = completion;
  await tx.select({ id: enrollments.id }).from(enrollments).where(eq(enrollments.id, enrollmentId)).for("update");
  await tx
    .insert(lessonProgress)
    .values({ enrollmentId, lessonId, completed, completedAt: completed ? now : null, updatedAt: now })
    .onConflictDoUpdate({
      target: [lessonProgress.enrollmentId, lessonProgress.lessonId],
      set: {
        completed,
        completedAt: completed ? sql`coalesce(${lessonProgress.completedAt}, ${now.toISOString()}::timestamptz)` : null,
        updatedAt: now,
      },
    });
  return progressAfterCompletion(tx, completion);
}

/** The enrollment's progress recomputed after a completion was written (the row is already locked), and the answer. */
async function progressAfterCompletion(tx: Transaction, { courseId, enrollmentId, lessonId, completed, now }: Completion) {
  const [updated] = await recomputeProgress(tx, courseId, { enrollmentId, accessedAt: now });
  return { lessonId, completed, progress: updated!.progress, courseCompleted: updated!.completedAt !== null };
}

type CompletionTarget = { viewerId: string; courseId: string; lessonId: string; at: SQL };

/** The learner's open enrollment in a published course (as `e`), when the lesson is a plain lesson of that course. */
const openEnrollmentWithPlainLesson = ({ viewerId, courseId, lessonId, at }: CompletionTarget, extraColumns = sql``) => sql`
  select e.id${extraColumns} from ${enrollments} e join ${courses} c on c.id = e.course_id and c.is_published
  where e.course_id = ${courseId} and e.learner_id = ${viewerId} and (e.ends_at is null or e.ends_at > ${at})
    and exists (
      select 1 from ${lessons} l join ${modules} m on m.id = l.module_id
      where l.id = ${lessonId} and m.course_id = ${courseId} and l.kind = 'lesson'
    )`;

/** Writes the lesson's completion for the enrollment ids in `source` (a CTE with an `id` column); returns enrollment_id. */
const upsertCompletion = (source: SQL, { lessonId, completed, at }: { lessonId: string; completed: boolean; at: SQL }) => sql`
  insert into ${lessonProgress} (enrollment_id, lesson_id, completed, completed_at, updated_at)
  select id, ${lessonId}::uuid, ${completed}::boolean, ${completed ? at : sql`null::timestamptz`}, ${at} from ${source}
  on conflict (enrollment_id, lesson_id) do update
    set completed = excluded.completed,
        completed_at = ${completed ? sql`coalesce(${lessonProgress}.completed_at, ${at})` : null},
        updated_at = excluded.updated_at
  returning enrollment_id`;

/**
 * setLessonCompleted's locking path, in a transaction: the learner's open enrollment in a published course is locked
 * (as writeLessonCompletion locks it, so that concurrent completions count each other) and the completion of a plain
 * lesson of that course written, in one statement. Its enrollment id, or null when any of that does not hold; the
 * caller then takes the full path, whose checks answer the right error (or write, for an editor enrolled in their own
 * draft).
 */
async function lockAndWriteCompletion(
  tx: Transaction,
  { viewerId, courseId, lessonId, completed, now }: { viewerId: string; courseId: string; lessonId: string; completed: boolean; now: Date },
): Promise<string | null> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const result = await tx.execute<{ enrollment_id: string }>(sql`
    with target as (
      ${openEnrollmentWithPlainLesson({ viewerId, courseId, lessonId, at })}
      for update of e
    )
    ${upsertCompletion(sql`target`, { lessonId, completed, at })}`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { enrollment_id: string }[];
  return rows[0]?.enrollment_id ?? null;
}

/**
 * The common case of setLessonCompleted as one statement, without a transaction (on a database server a transaction
 * costs a BEGIN and a COMMIT): the learner's open enrollment in a published course, a plain lesson of that course, and
 * a completion that leaves the course below 100 % (reaching 100 issues certificates and notifies, which the transaction
 * of the locking path does). The enrollment's progress is computed from the statement's snapshot (this lesson as
 * written, the others as read) and written only if the enrollment row is still the version that snapshot saw (its
 * xmin): every write of a completion rewrites the enrollment's progress in its own transaction (./progress.ts), so a
 * completion committed or in progress since then makes this statement write nothing, after waiting for its row lock.
 * The completion is written only together with the progress. `enrollmentId` is null when the checks do not hold (the
 * full path answers the right error), `progress` null when nothing was written.
 */
async function completeInOneStatement({
  viewerId,
  courseId,
  lessonId,
  completed,
  now,
}: {
  viewerId: string;
  courseId: string;
  lessonId: string;
  completed: boolean;
  now: Date;
}): Promise<{ enrollmentId: string | null; progress: number | null }> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const [row] = await queryRows<{ enrollment_id: string | null; progress: number | null }>(sql`
    with target as (
      ${openEnrollmentWithPlainLesson({ viewerId, courseId, lessonId, at }, sql`, e.xmin as seen`)}
    ),
    computed as (
      select t.id, t.seen, (100 * (
          (select count(*)::int from ${lessonProgress} lp
           join ${lessons} l on l.id = lp.lesson_id join ${modules} m on m.id = l.module_id
           where m.course_id = ${courseId} and lp.enrollment_id = t.id and lp.completed and lp.lesson_id <> ${lessonId})
          + case when ${completed}::boolean then 1 else 0 end
        )) / (select count(*)::int from ${lessons} l join ${modules} m on m.id = l.module_id where m.course_id = ${courseId}) as progress
      from target t
    ),
    updated as (
      update ${enrollments} e set progress = c.progress, completed_at = null, last_accessed_at = ${at}
      from computed c
      where e.id = c.id and e.xmin = c.seen and c.progress < 100
      returning e.id, e.progress
    ),
    written as (
      ${upsertCompletion(sql`updated`, { lessonId, completed, at })}
    )
    select (select id from target) as enrollment_id, (select progress from updated where id in (select enrollment_id from written)) as progress`);
  return {
    enrollmentId: row?.enrollment_id ?? null,
    progress: row?.progress === null || row?.progress === undefined ? null : Number(row.progress),
  };
}

/**
 * Marks a lesson complete (or not) and recomputes the enrollment's progress atomically (./progress.ts): in one
 * statement in the common case, else in one transaction that locks the enrollment first.
 * A quiz is completed by passing it and an assignment by a passing grade, not by hand: both marking one complete and
 * undoing that are refused (409), so what was passed stays complete and what was not stays open.
 */
export async function setLessonCompleted(viewer: Viewer | null, courseId: string, lessonId: string, completed: boolean) {
  const learner = requireSignedIn(viewer);
  const now = new Date();
  const fast = await completeInOneStatement({ viewerId: learner.id, courseId, lessonId, completed, now });
  if (fast.progress !== null) {
    analyticsChanged(courseId);
    return { lessonId, completed, progress: fast.progress, courseCompleted: false };
  }
  // The checks held but the statement wrote nothing (the course reaches 100 %, or another completion came first):
  // the transaction that locks the enrollment first, in two statements.
  const done =
    fast.enrollmentId &&
    (await db.transaction(async (tx) => {
      const enrollmentId = await lockAndWriteCompletion(tx, { viewerId: learner.id, courseId, lessonId, completed, now });
      return enrollmentId && progressAfterCompletion(tx, { courseId, enrollmentId, lessonId, completed, now });
    }));
  if (done) {
    analyticsChanged(courseId);
    return done;
  }
  const { enrollment } = await requireEnrollment(viewer, courseId);
  assertEnrollmentOpen(enrollment);
  const lesson = await requireLessonInCourse(courseId, lessonId);
  if (lesson.kind === "quiz") {
    throw new AppError(
      "CONFLICT",
      completed ? "Pass the quiz to complete it." : "A quiz is complete once it is passed; that cannot be undone by hand.",
    );
  }
  if (lesson.kind === "assignment") {
    throw new AppError(
      "CONFLICT",
      completed
        ? "An assignment is complete once it is graded with a passing grade."
        : "An assignment is complete once it is graded with a passing grade; that cannot be undone by hand.",
    );
  }
  const result = await db.transaction((tx) =>
    writeLessonCompletion(tx, { courseId, enrollmentId: enrollment.id, lessonId, completed, now: new Date() }),
  );
  analyticsChanged(courseId);
  return result;
}

/** Keeps where the learner is in a lesson's video, so that any device resumes there. */
export async function saveVideoPosition(viewer: Viewer | null, courseId: string, lessonId: string, seconds: number) {
  const { enrollment } = await requireEnrollment(viewer, courseId);
  assertEnrollmentOpen(enrollment);
  await requireLessonInCourse(courseId, lessonId);
  const now = new Date();
  await db
    .insert(lessonProgress)
    .values({ enrollmentId: enrollment.id, lessonId, videoPosition: seconds, updatedAt: now })
    .onConflictDoUpdate({
      target: [lessonProgress.enrollmentId, lessonProgress.lessonId],
      set: { videoPosition: seconds, updatedAt: now },
    });
  return { lessonId, position: seconds };
}

/** How stale enrollments.last_accessed_at may be before a visit writes it again: "last active" is coarse. */
export const LAST_ACCESS_REFRESH_MS = 5 * 60 * 1000;

/**
 * Records that the learner opened the lesson (the player tells once it is on screen): the lesson's progress row gets
 * updated_at now (it is then the lesson opened last, where the dashboard's "continue where you stopped" goes) and the
 * enrollment its last access, in one transaction. Nothing is written when the lesson already is the one used last and
 * the last access is recent, so reloading a lesson costs no write.
 */
export async function recordLessonOpened(viewer: Viewer | null, courseId: string, lessonId: string) {
  const { enrollment } = await requireEnrollment(viewer, courseId);
  await requireLessonInCourse(courseId, lessonId);
  const [last] = await db
    .select({ lessonId: lessonProgress.lessonId })
    .from(lessonProgress)
    .where(eq(lessonProgress.enrollmentId, enrollment.id))
    .orderBy(desc(lessonProgress.updatedAt))
    .limit(1);
  const recent = enrollment.lastAccessedAt !== null && Date.now() - enrollment.lastAccessedAt.getTime() <= LAST_ACCESS_REFRESH_MS;
  if (recent && last?.lessonId === lessonId) return { lessonId, recorded: false };
  const now = new Date();
  // The enrollment first, as every completion writes them: in the other order, opening a lesson while it is being
  // completed could deadlock on a database server (each transaction holding the row the other waits for).
  await db.transaction(async (tx) => {
    await tx.update(enrollments).set({ lastAccessedAt: now }).where(eq(enrollments.id, enrollment.id));
    await tx
      .insert(lessonProgress)
      .values({ enrollmentId: enrollment.id, lessonId, updatedAt: now })
      .onConflictDoUpdate({ target: [lessonProgress.enrollmentId, lessonProgress.lessonId], set: { updatedAt: now } });
  });
  return { lessonId, recorded: true };
}
