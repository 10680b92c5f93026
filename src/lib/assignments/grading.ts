import "server-only";
import { and, asc, desc, eq, type SQL } from "drizzle-orm";
import { analyticsChanged } from "@/lib/analytics/shared-figures";
import { requireRoleOf, type Viewer } from "@/lib/auth/viewer";
import { requireCourseEditor } from "@/lib/courses/course-editor-access";
import { db } from "@/lib/db/client";
import { assignmentSubmissions, assignments, courses, enrollments, lessons, modules, submissionVersions, users } from "@/lib/db/schema";
import { AppError } from "@/lib/http/errors";
import { writeLessonCompletion } from "@/lib/learning/lesson-progress";
import { notify } from "@/lib/notifications/notifications";
import type { GradeSubmissionInput, SubmissionQueueQuery } from "@/lib/validation/assignment";
import { assignmentSettings } from "./manage-assignment";
import { submissionView } from "./submissions";

/** The grading queue holds at most this many rows; the filters narrow it. */
export const QUEUE_LIMIT = 500;

export type QueueRow = {
  id: string;
  courseId: string;
  courseTitle: string;
  lessonId: string;
  lessonTitle: string;
  learnerName: string | null;
  learnerEmail: string;
  status: "submitted" | "graded" | "returned";
  late: boolean;
  versions: number;
  submittedAt: string;
  points: number | null;
  maxPoints: number;
};

/**
 * The grading queue across the courses the viewer edits (an admin: every course), oldest hand-in first, filtered by
 * course, assignment and status ("late" is a submission waiting for a grade that came in after the due date).
 */
export async function listSubmissionQueue(viewer: Viewer | null, query: SubmissionQueueQuery): Promise<QueueRow[]> {
  const editor = requireRoleOf(viewer, "INSTRUCTOR", "ADMIN");
  const where: SQL[] = [];
  if (editor.role !== "ADMIN") where.push(eq(courses.instructorId, editor.id));
  if (query.courseId) where.push(eq(courses.id, query.courseId));
  if (query.lessonId) where.push(eq(assignmentSubmissions.lessonId, query.lessonId));
  if (query.status === "late") where.push(eq(assignmentSubmissions.status, "submitted"), eq(assignmentSubmissions.late, true));
  else if (query.status) where.push(eq(assignmentSubmissions.status, query.status));
  const rows = await db
    .select({
      id: assignmentSubmissions.id,
      courseId: courses.id,
      courseTitle: courses.title,
      lessonId: lessons.id,
      lessonTitle: lessons.title,
      learnerName: users.name,
      learnerEmail: users.email,
      status: assignmentSubmissions.status,
      late: assignmentSubmissions.late,
      versions: assignmentSubmissions.versions,
      submittedAt: assignmentSubmissions.submittedAt,
      points: assignmentSubmissions.points,
      maxPoints: assignments.maxPoints,
    })
    .from(assignmentSubmissions)
    .innerJoin(assignments, eq(assignments.lessonId, assignmentSubmissions.lessonId))
    .innerJoin(lessons, eq(lessons.id, assignmentSubmissions.lessonId))
    .innerJoin(modules, eq(modules.id, lessons.moduleId))
    .innerJoin(courses, eq(courses.id, modules.courseId))
    .innerJoin(enrollments, eq(enrollments.id, assignmentSubmissions.enrollmentId))
    .innerJoin(users, eq(users.id, enrollments.learnerId))
    .where(and(...where))
    .orderBy(asc(assignmentSubmissions.submittedAt), asc(assignmentSubmissions.id))
    .limit(QUEUE_LIMIT);
  return rows.map((r) => ({ ...r, submittedAt: r.submittedAt.toISOString() }));
}

/** The assignments of the courses the viewer edits (an admin: every course), for the queue's filters. */
export async function listGradableAssignments(viewer: Viewer | null) {
  const editor = requireRoleOf(viewer, "INSTRUCTOR", "ADMIN");
  return db
    .select({ courseId: courses.id, courseTitle: courses.title, lessonId: lessons.id, lessonTitle: lessons.title })
    .from(lessons)
    .innerJoin(modules, eq(modules.id, lessons.moduleId))
    .innerJoin(courses, eq(courses.id, modules.courseId))
    .where(and(eq(lessons.kind, "assignment"), editor.role === "ADMIN" ? undefined : eq(courses.instructorId, editor.id)))
    .orderBy(asc(courses.title), asc(modules.ord), asc(lessons.ord));
}

/** A submission of one of the course's assignments; anything else (another course's, a made-up id) is a 404. */
async function submissionInCourse(courseId: string, submissionId: string) {
  const [row] = await db
    .select({ submission: assignmentSubmissions, assignment: assignments, lessonTitle: lessons.title, learnerId: enrollments.learnerId })
    .from(assignmentSubmissions)
    .innerJoin(assignments, eq(assignments.lessonId, assignmentSubmissions.lessonId))
    .innerJoin(lessons, eq(lessons.id, assignmentSubmissions.lessonId))
    .innerJoin(modules, eq(modules.id, lessons.moduleId))
    .innerJoin(enrollments, eq(enrollments.id, assignmentSubmissions.enrollmentId))
    .where(and(eq(assignmentSubmissions.id, submissionId), eq(modules.courseId, courseId)));
  if (!row) throw new AppError("NOT_FOUND", "This submission does not exist in this course.");
  return row;
}

/** The grading view: the assignment, the learner, and the submission with every version and its files. Editors only. */
export async function getSubmissionForGrading(viewer: Viewer | null, courseId: string, submissionId: string) {
  await requireCourseEditor(viewer, courseId);
  const { submission, assignment, lessonTitle, learnerId } = await submissionInCourse(courseId, submissionId);
  const [learner] = await db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(eq(users.id, learnerId));
  return {
    courseId,
    lessonId: assignment.lessonId,
    lessonTitle,
    assignment: assignmentSettings(assignment),
    learner: learner!,
    submission: await submissionView(submission),
  };
}

/**
 * Grades the latest version: points (within the assignment's maximum) and markdown feedback, or a request for a revision,
 * which reopens submitting. A grade at or above the passing points completes the lesson and moves the enrollment's
 * progress in the same transaction; a later grade below it (a regrade) takes the completion back. A submission waiting
 * for the learner's revision has nothing new to grade (409).
 */
export async function gradeSubmission(viewer: Viewer | null, courseId: string, submissionId: string, input: GradeSubmissionInput) {
  const editor = requireRoleOf(viewer, "INSTRUCTOR", "ADMIN");
  await requireCourseEditor(editor, courseId);
  const { assignment } = await submissionInCourse(courseId, submissionId);
  if (input.points > assignment.maxPoints) {
    const message = `The points can be at most ${assignment.maxPoints}.`;
    throw new AppError("VALIDATION_FAILED", message, { fields: { points: message } });
  }
  const now = new Date();
  const graded = await db.transaction(async (tx) => {
    const [current] = await tx.select().from(assignmentSubmissions).where(eq(assignmentSubmissions.id, submissionId)).for("update");
    if (!current) throw new AppError("NOT_FOUND", "This submission does not exist in this course.");
    if (current.status === "returned") {
      throw new AppError("CONFLICT", "This submission was returned for revision: grade it when the learner hands it in again.");
    }
    const [latest] = await tx
      .select({ id: submissionVersions.id })
      .from(submissionVersions)
      .where(eq(submissionVersions.submissionId, submissionId))
      .orderBy(desc(submissionVersions.number))
      .limit(1);
    const feedback = input.feedback.trim() === "" ? null : input.feedback;
    await tx
      .update(submissionVersions)
      .set({ points: input.points, feedback, returnedForRevision: input.returnForRevision, gradedAt: now, gradedBy: editor.id })
      .where(eq(submissionVersions.id, latest!.id));
    const passed = !input.returnForRevision && input.points >= assignment.passingPoints;
    const [row] = await tx
      .update(assignmentSubmissions)
      .set({
        status: input.returnForRevision ? "returned" : "graded",
        points: input.points,
        passed: input.returnForRevision ? null : passed,
        gradedAt: now,
        updatedAt: now,
      })
      .where(eq(assignmentSubmissions.id, submissionId))
      .returning();
    const completion = await writeLessonCompletion(tx, {
      courseId,
      enrollmentId: current.enrollmentId,
      lessonId: assignment.lessonId,
      completed: passed,
      now,
    });
    const [about] = await tx
      .select({ learnerId: enrollments.learnerId, title: lessons.title })
      .from(enrollments)
      .innerJoin(lessons, eq(lessons.id, assignment.lessonId))
      .where(eq(enrollments.id, current.enrollmentId));
    await notify(tx, input.returnForRevision ? "assignment_returned" : "assignment_graded", [
      {
        userId: about!.learnerId,
        title: input.returnForRevision ? `Returned for a revision: ${about!.title}` : `Graded: ${about!.title}`,
        body: input.returnForRevision
          ? "Read the feedback and hand it in again."
          : `${input.points} of ${assignment.maxPoints} points: ${passed ? "passed" : "not passed yet"}.`,
        link: `/my-courses/${courseId}/lessons/${assignment.lessonId}`,
      },
    ]);
    return { submission: row!, completion };
  });
  analyticsChanged(courseId);
  return { submission: await submissionView(graded.submission), progress: graded.completion.progress };
}
