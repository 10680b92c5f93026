import "server-only";
import { and, eq } from "drizzle-orm";
import type { Viewer } from "@/lib/auth/viewer";
import { db, type Transaction } from "@/lib/db/client";
import { assignmentSubmissions, assignments, lessons, modules, type Assignment, type AssignmentSubmission } from "@/lib/db/schema";
import { AppError } from "@/lib/http/errors";
import { assertEnrollmentOpen, requireContentAccess } from "@/lib/learning/course-access";

/**
 * Who may hand in an assignment, and whether they may now: the learner enrolled in the course (401 signed out; 404 for a
 * course they may not see or a lesson that is not an assignment of it; 403 when not enrolled, editors and admins
 * included, since a submission belongs to an enrollment).
 */

export type Submitter = { courseId: string; userId: string; enrollmentId: string; endsAt: Date | null; assignment: Assignment };

export const notAnAssignment = () => new AppError("NOT_FOUND", "This assignment does not exist in this course.");

/** The assignment's settings, when the lesson is an assignment of the course. */
export async function assignmentOfCourse(courseId: string, lessonId: string, tx: Transaction | typeof db = db): Promise<Assignment> {
  const [row] = await tx
    .select({ assignment: assignments, kind: lessons.kind })
    .from(lessons)
    .innerJoin(modules, eq(modules.id, lessons.moduleId))
    .leftJoin(assignments, eq(assignments.lessonId, lessons.id))
    .where(and(eq(lessons.id, lessonId), eq(modules.courseId, courseId)));
  if (!row || row.kind !== "assignment" || !row.assignment) throw notAnAssignment();
  return row.assignment;
}

export async function requireSubmitter(viewer: Viewer | null, courseId: string, lessonId: string): Promise<Submitter> {
  const access = await requireContentAccess(viewer, courseId);
  const assignment = await assignmentOfCourse(courseId, lessonId);
  if (!access.enrollment) throw new AppError("FORBIDDEN", "Enroll in this course to hand in its assignments.");
  return { courseId, userId: viewer!.id, enrollmentId: access.enrollment.id, endsAt: access.enrollment.endsAt, assignment };
}

/** requireSubmitter for a write (an upload or a hand-in): refused once the enrollment has ended. */
export async function requireActiveSubmitter(viewer: Viewer | null, courseId: string, lessonId: string): Promise<Submitter> {
  const submitter = await requireSubmitter(viewer, courseId, lessonId);
  assertEnrollmentOpen(submitter);
  return submitter;
}

/** The submitter's submission of this assignment, if they have handed anything in. */
export async function submissionOf(
  submitter: Pick<Submitter, "enrollmentId" | "assignment">,
  tx: Transaction | typeof db = db,
): Promise<AssignmentSubmission | null> {
  const [row] = await tx
    .select()
    .from(assignmentSubmissions)
    .where(
      and(
        eq(assignmentSubmissions.lessonId, submitter.assignment.lessonId),
        eq(assignmentSubmissions.enrollmentId, submitter.enrollmentId),
      ),
    );
  return row ?? null;
}

/**
 * Whether a hand-in is accepted now, and whether it is late: refused once graded (a revision request reopens it), and
 * past the due date unless the assignment accepts late work, which is then marked late.
 */
export function submittingState(
  assignment: Pick<Assignment, "dueAt" | "allowLate">,
  submission: Pick<AssignmentSubmission, "status"> | null,
  now = new Date(),
): { open: true; late: boolean } | { open: false; reason: string } {
  if (submission?.status === "graded") return { open: false, reason: "This assignment has been graded: it can no longer be replaced." };
  const late = assignment.dueAt !== null && now.getTime() > assignment.dueAt.getTime();
  if (late && !assignment.allowLate) {
    return { open: false, reason: "The due date has passed: this assignment no longer accepts submissions." };
  }
  return { open: true, late };
}

/** submittingState, as a 409 when closed. */
export function requireSubmittingOpen(
  assignment: Pick<Assignment, "dueAt" | "allowLate">,
  submission: Pick<AssignmentSubmission, "status"> | null,
  now = new Date(),
): { late: boolean } {
  const state = submittingState(assignment, submission, now);
  if (!state.open) throw new AppError("CONFLICT", state.reason);
  return { late: state.late };
}
