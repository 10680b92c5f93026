import "server-only";
import { notifySubmissionWaiting } from "@/lib/notifications/triggers";
import { and, asc, desc, eq, gt, inArray } from "drizzle-orm";
import { analyticsChanged } from "@/lib/analytics/shared-figures";
import type { Viewer } from "@/lib/auth/viewer";
import { db, type Transaction } from "@/lib/db/client";
import {
  assignmentSubmissions,
  submissionFiles,
  submissionVersions,
  uploadSessions,
  type Assignment,
  type AssignmentSubmission,
} from "@/lib/db/schema";
import { AppError } from "@/lib/http/errors";
import { getStorage } from "@/lib/storage";
import { displayFileName } from "@/lib/validation/file-types";
import type { SubmitAssignmentInput } from "@/lib/validation/assignment";
import { requireCourseEditor } from "@/lib/courses/course-editor-access";
import {
  assignmentOfCourse,
  requireActiveSubmitter,
  requireSubmitter,
  requireSubmittingOpen,
  submittingState,
  type Submitter,
} from "./assignment-access";

/** How long a file URL of a submission lives. */
export const SUBMISSION_URL_SECONDS = 60 * 60;
/**
 * A completed upload waits this long to be handed in; the sweeper removes its file after SUBMISSION_ORPHAN_GRACE_MS
 * (an hour longer, src/lib/uploads/sweep-uploads.ts), so a file accepted here is never one the sweeper is removing.
 */
export const SUBMISSION_UPLOAD_USABLE_MS = 23 * 60 * 60 * 1000;

export type SubmissionFileView = {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  url: string;
  previewUrl: string | null;
};
export type SubmissionVersionView = {
  number: number;
  text: string | null;
  late: boolean;
  submittedAt: string;
  points: number | null;
  feedback: string | null;
  returnedForRevision: boolean;
  gradedAt: string | null;
  files: SubmissionFileView[];
};
export type SubmissionView = {
  id: string;
  status: AssignmentSubmission["status"];
  late: boolean;
  points: number | null;
  passed: boolean | null;
  submittedAt: string;
  gradedAt: string | null;
  /** Newest first. */
  versions: SubmissionVersionView[];
};

/** PDFs and images open in the browser's own viewer; nothing else is ever shown inline. */
const PREVIEWABLE = /^(application\/pdf|image\/(png|jpeg|webp|gif))$/;

async function fileUrls(key: string, fileName: string, contentType: string) {
  const storage = getStorage();
  const options = { expiresInSeconds: SUBMISSION_URL_SECONDS, fileName, contentType };
  const [url, previewUrl] = await Promise.all([
    storage.signGet(key, { ...options, disposition: "attachment" }),
    PREVIEWABLE.test(contentType) ? storage.signGet(key, { ...options, disposition: "inline" }) : null,
  ]);
  return { url, previewUrl };
}

/** A submission with its versions (newest first) and their files, with signed URLs. Callers check who may read it. */
export async function submissionView(submission: AssignmentSubmission): Promise<SubmissionView> {
  const versions = await db
    .select()
    .from(submissionVersions)
    .where(eq(submissionVersions.submissionId, submission.id))
    .orderBy(desc(submissionVersions.number));
  const files =
    versions.length === 0
      ? []
      : await db
          .select()
          .from(submissionFiles)
          .where(
            inArray(
              submissionFiles.versionId,
              versions.map((v) => v.id),
            ),
          )
          .orderBy(asc(submissionFiles.ord));
  // Signed in parallel, then grouped by version in their stored order.
  const views = await Promise.all(
    files.map(async (f) => ({
      versionId: f.versionId,
      file: {
        id: f.id,
        fileName: f.fileName,
        contentType: f.contentType,
        size: f.size,
        ...(await fileUrls(f.objectKey, f.fileName, f.contentType)),
      },
    })),
  );
  const filesOf = (versionId: string): SubmissionFileView[] => views.filter((v) => v.versionId === versionId).map((v) => v.file);
  return {
    id: submission.id,
    status: submission.status,
    late: submission.late,
    points: submission.points,
    passed: submission.passed,
    submittedAt: submission.submittedAt.toISOString(),
    gradedAt: submission.gradedAt?.toISOString() ?? null,
    versions: versions.map((v) => ({
      number: v.number,
      text: v.text,
      late: v.late,
      submittedAt: v.submittedAt.toISOString(),
      points: v.points,
      feedback: v.feedback,
      returnedForRevision: v.returnedForRevision,
      gradedAt: v.gradedAt?.toISOString() ?? null,
      files: filesOf(v.id),
    })),
  };
}

/** The assignment as its learner sees it: what it asks, and whether a hand-in is accepted now. */
export function assignmentForLearner(assignment: Assignment, submission: AssignmentSubmission | null, now = new Date()) {
  const state = submittingState(assignment, submission, now);
  return {
    lessonId: assignment.lessonId,
    instructions: assignment.instructions,
    dueAt: assignment.dueAt?.toISOString() ?? null,
    maxPoints: assignment.maxPoints,
    passingPoints: assignment.passingPoints,
    acceptText: assignment.acceptText,
    acceptFiles: assignment.acceptFiles,
    acceptedTypes: assignment.acceptedTypes,
    maxFiles: assignment.maxFiles,
    maxFileBytes: assignment.maxFileBytes,
    allowLate: assignment.allowLate,
    canSubmit: state.open,
    /** Why a hand-in is refused now, or whether it would be late. */
    ...(state.open ? { late: state.late, closedReason: null } : { late: false, closedReason: state.reason }),
  };
}

async function lockedSubmission(tx: Transaction, submitter: Submitter): Promise<AssignmentSubmission | null> {
  const [row] = await tx
    .select()
    .from(assignmentSubmissions)
    .where(
      and(
        eq(assignmentSubmissions.lessonId, submitter.assignment.lessonId),
        eq(assignmentSubmissions.enrollmentId, submitter.enrollmentId),
      ),
    )
    .for("update");
  return row ?? null;
}

const badFiles = () =>
  new AppError("BAD_REQUEST", "A file was not uploaded for this assignment, or was handed in already. Upload it again.", {
    fields: { uploadIds: "Upload the file again." },
  });

/**
 * Hands in the learner's work: a new version of their submission (the first makes the submission), with its text and
 * the files they uploaded for this assignment. Refused once graded, and past the due date unless late work is
 * accepted (then marked late); a revision request reopens it. Each version is kept. One transaction: the submission
 * row is locked, so two hand-ins at once make two versions in turn, and a file is handed in once.
 */
export async function submitAssignment(viewer: Viewer | null, courseId: string, lessonId: string, input: SubmitAssignmentInput) {
  const submitter = await requireActiveSubmitter(viewer, courseId, lessonId);
  const { assignment } = submitter;
  if (input.text !== undefined && !assignment.acceptText) {
    throw new AppError("BAD_REQUEST", "This assignment takes files, not a text answer.", { fields: { text: "No text answer here." } });
  }
  if (input.uploadIds.length > 0 && !assignment.acceptFiles) {
    throw new AppError("BAD_REQUEST", "This assignment takes a text answer, not files.", { fields: { uploadIds: "No files here." } });
  }
  if (input.uploadIds.length > assignment.maxFiles) {
    throw new AppError("BAD_REQUEST", `This assignment takes at most ${assignment.maxFiles} file${assignment.maxFiles === 1 ? "" : "s"}.`, {
      fields: { uploadIds: `At most ${assignment.maxFiles}.` },
    });
  }
  const now = new Date();
  const submission = await db.transaction(async (tx) => {
    const saved = await handIn(tx);
    await notifySubmissionWaiting(tx, courseId, lessonId, saved.id);
    return saved;
  });
  // The course's figures count hand-ins: drop the shared ones, as a completion does.
  analyticsChanged(courseId);
  return { assignment: assignmentForLearner(assignment, submission, now), submission: await submissionView(submission) };

  /** The hand-in itself: a first submission, or a new version of the learner's one. */
  async function handIn(tx: Transaction) {
    let current = await lockedSubmission(tx, submitter);
    const { late } = requireSubmittingOpen(assignment, current, now);
    const uploads =
      input.uploadIds.length === 0
        ? []
        : await tx
            .select()
            .from(uploadSessions)
            .where(
              and(
                inArray(uploadSessions.id, input.uploadIds),
                eq(uploadSessions.kind, "submission"),
                eq(uploadSessions.userId, submitter.userId),
                eq(uploadSessions.lessonId, lessonId),
                eq(uploadSessions.status, "completed"),
                gt(uploadSessions.completedAt, new Date(now.getTime() - SUBMISSION_UPLOAD_USABLE_MS)),
              ),
            )
            .for("update");
    if (uploads.length !== input.uploadIds.length) throw badFiles();
    const used = await tx
      .select({ key: submissionFiles.objectKey })
      .from(submissionFiles)
      .where(
        inArray(
          submissionFiles.objectKey,
          uploads.map((u) => u.objectKey),
        ),
      );
    if (used.length > 0) throw badFiles();

    if (!current) {
      const [created] = await tx
        .insert(assignmentSubmissions)
        .values({ lessonId, enrollmentId: submitter.enrollmentId, status: "submitted", late, versions: 1, submittedAt: now })
        .onConflictDoNothing()
        .returning();
      if (created) return insertVersion(tx, created, 1, input, late, now, uploads);
      // A first hand-in made at the same moment got in first: this one becomes its next version.
      current = (await lockedSubmission(tx, submitter))!;
      requireSubmittingOpen(assignment, current, now);
    }
    const [updated] = await tx
      .update(assignmentSubmissions)
      .set({
        status: "submitted",
        late,
        versions: current.versions + 1,
        submittedAt: now,
        points: null,
        passed: null,
        gradedAt: null,
        updatedAt: now,
      })
      .where(eq(assignmentSubmissions.id, current.id))
      .returning();
    return insertVersion(tx, updated!, updated!.versions, input, late, now, uploads);
  }
}

async function insertVersion(
  tx: Transaction,
  submission: AssignmentSubmission,
  number: number,
  input: SubmitAssignmentInput,
  late: boolean,
  now: Date,
  uploads: { id: string; objectKey: string; fileName: string; contentType: string; declaredSize: number }[],
) {
  const [version] = await tx
    .insert(submissionVersions)
    .values({ submissionId: submission.id, number, text: input.text ?? null, late, submittedAt: now })
    .returning({ id: submissionVersions.id });
  const byId = new Map(uploads.map((u) => [u.id, u]));
  if (uploads.length > 0) {
    await tx.insert(submissionFiles).values(
      input.uploadIds.map((uploadId, ord) => {
        const upload = byId.get(uploadId)!;
        return {
          versionId: version!.id,
          objectKey: upload.objectKey,
          fileName: displayFileName(upload.fileName),
          contentType: upload.contentType,
          size: upload.declaredSize,
          ord,
        };
      }),
    );
  }
  return submission;
}

/** The assignment as a learner would see it before handing anything in, for the editors' preview. */
export async function previewAssignment(viewer: Viewer | null, courseId: string, lessonId: string) {
  await requireCourseEditor(viewer, courseId);
  return assignmentForLearner(await assignmentOfCourse(courseId, lessonId), null);
}

/** The learner's own submission of the assignment (null before the first hand-in), with the assignment as they see it. */
export async function getMySubmission(viewer: Viewer | null, courseId: string, lessonId: string) {
  const submitter = await requireSubmitter(viewer, courseId, lessonId);
  const [submission] = await db
    .select()
    .from(assignmentSubmissions)
    .where(and(eq(assignmentSubmissions.lessonId, lessonId), eq(assignmentSubmissions.enrollmentId, submitter.enrollmentId)));
  return {
    assignment: assignmentForLearner(submitter.assignment, submission ?? null),
    submission: submission ? await submissionView(submission) : null,
  };
}
