import fs from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { assignmentCourse, enrolledLearner, uploadSubmissionFile } from "../../../tests/helpers/assignment-db";
import { refusal } from "../../../tests/helpers/refusal";
import { withTestDatabase } from "../../../tests/helpers/test-database";
import { withTestStorage } from "../../../tests/helpers/test-storage";
import { files } from "../../../tests/helpers/upload-fixtures";
import { insertUser } from "../../../tests/helpers/user-fixtures";
import { deleteCourse } from "@/lib/courses/manage-course";
import { unenrollByStaff } from "@/lib/enrollments/staff-enrollment";
import { createLesson, deleteLesson } from "@/lib/curriculum/manage-lessons";
import { db } from "@/lib/db/client";
import { assignments, enrollments, lessonProgress, submissionFiles, submissionVersions, uploadSessions } from "@/lib/db/schema";
import { setLessonCompleted } from "@/lib/learning/lesson-progress";
import { sweepUploads } from "@/lib/uploads";
import { startSubmissionUpload } from "./submission-upload";
import { getAssignmentForEditor, updateAssignmentSettings } from "./manage-assignment";
import { getMySubmission, submitAssignment } from "./submissions";
import { getSubmissionForGrading, gradeSubmission, listSubmissionQueue } from "./grading";

withTestDatabase();
const storage = withTestStorage();
beforeEach(() => {
  for (const entry of fs.readdirSync(storage.root)) fs.rmSync(path.join(storage.root, entry), { recursive: true, force: true });
});

const HOUR = 3600_000;
const storedFiles = () =>
  fs
    .readdirSync(storage.root, { recursive: true, encoding: "utf8" })
    .filter((f) => fs.statSync(path.join(storage.root, f)).isFile())
    .filter((f) => f.includes("/submissions/"));

const progressOf = async (courseId: string, learnerId: string) =>
  (
    await db
      .select()
      .from(enrollments)
      .where(and(eq(enrollments.courseId, courseId), eq(enrollments.learnerId, learnerId)))
  )[0]!.progress;
const completedRows = async (lessonId: string) =>
  (await db.select().from(lessonProgress).where(eq(lessonProgress.lessonId, lessonId))).filter((r) => r.completed).length;

describe("assignment settings", () => {
  it("are made with the lesson, read by its editors, and changed only into settings that fit together", async () => {
    const f = await assignmentCourse();
    const lesson = await createLesson(f.instructor, f.courseId, f.moduleId, { title: "Lab report", kind: "assignment" });
    const path = { courseId: f.courseId, moduleId: f.moduleId, lessonId: lesson.id };
    expect((await getAssignmentForEditor(f.instructor, path)).settings).toMatchObject({
      maxPoints: 100,
      passingPoints: 50,
      allowLate: false,
    });

    const due = "2030-01-31T17:00:00.000Z";
    expect(await updateAssignmentSettings(f.instructor, path, { maxPoints: 20, passingPoints: 12, dueAt: due })).toMatchObject({
      maxPoints: 20,
      passingPoints: 12,
      dueAt: due,
    });
    // Passing points above the maximum, after merging with what is stored: a 400 naming the field, nothing written.
    const tooHigh = await refusal(updateAssignmentSettings(f.instructor, path, { passingPoints: 21 }));
    expect(tooHigh.code).toBe("VALIDATION_FAILED");
    expect(tooHigh.options.fields).toEqual({ passingPoints: "The passing points cannot be more than the maximum points." });
    const nothing = await refusal(updateAssignmentSettings(f.instructor, path, { acceptText: false, acceptFiles: false }));
    expect(nothing.options.fields).toHaveProperty("acceptFiles");
    expect((await db.select().from(assignments).where(eq(assignments.lessonId, lesson.id)))[0]).toMatchObject({
      maxPoints: 20,
      passingPoints: 12,
      acceptText: true,
      acceptFiles: true,
    });

    // Another instructor cannot read or change it; a learner is not an editor; a reading lesson is no assignment.
    const other = await insertUser({ role: "INSTRUCTOR" });
    expect((await refusal(getAssignmentForEditor(other, path))).code).toBe("FORBIDDEN");
    expect((await refusal(updateAssignmentSettings(await insertUser(), path, { maxPoints: 5 }))).code).toBe("FORBIDDEN");
    expect((await refusal(getAssignmentForEditor(f.instructor, { ...path, lessonId: f.readingLessonId }))).code).toBe("NOT_FOUND");
  });
});

describe("handing in", () => {
  it("keeps every version, replaceable until graded; a revision request reopens it", async () => {
    const f = await assignmentCourse();
    const learner = await enrolledLearner(f.courseId);
    const first = await submitAssignment(learner, f.courseId, f.lessonId, { text: "First draft.", uploadIds: [] });
    expect(first.submission).toMatchObject({ status: "submitted", late: false, versions: [{ number: 1, text: "First draft." }] });
    const second = await submitAssignment(learner, f.courseId, f.lessonId, { text: "Second draft.", uploadIds: [] });
    expect(second.submission.versions.map((v) => [v.number, v.text])).toEqual([
      [2, "Second draft."],
      [1, "First draft."],
    ]);

    const returned = await gradeSubmission(f.instructor, f.courseId, second.submission.id, {
      points: 30,
      feedback: "Cite your sources.",
      returnForRevision: true,
    });
    expect(returned.submission).toMatchObject({ status: "returned", passed: null });
    expect(await completedRows(f.lessonId)).toBe(0);
    // Nothing new to grade until the learner hands in again.
    expect(
      (
        await refusal(
          gradeSubmission(f.instructor, f.courseId, second.submission.id, { points: 80, feedback: "", returnForRevision: false }),
        )
      ).code,
    ).toBe("CONFLICT");
    const third = await submitAssignment(learner, f.courseId, f.lessonId, { text: "With sources.", uploadIds: [] });
    expect(third.submission.status).toBe("submitted");
    expect(third.submission.versions[1]).toMatchObject({
      number: 2,
      points: 30,
      feedback: "Cite your sources.",
      returnedForRevision: true,
    });

    await gradeSubmission(f.instructor, f.courseId, third.submission.id, { points: 80, feedback: "**Good.**", returnForRevision: false });
    const graded = await refusal(submitAssignment(learner, f.courseId, f.lessonId, { text: "Fourth.", uploadIds: [] }));
    expect(graded.code).toBe("CONFLICT");
    expect(graded.userMessage).toMatch(/graded/);
    const mine = await getMySubmission(learner, f.courseId, f.lessonId);
    expect(mine.assignment).toMatchObject({ canSubmit: false, closedReason: expect.stringMatching(/graded/) });
    expect(mine.submission).toMatchObject({ status: "graded", points: 80, passed: true });
    expect(mine.submission!.versions).toHaveLength(3);
    expect(await db.select().from(submissionVersions)).toHaveLength(3);
  });

  it("refuses work past the due date, or takes it marked late when the assignment accepts late work", async () => {
    const past = new Date(Date.now() - HOUR);
    const strict = await assignmentCourse({ dueAt: past });
    const learner = await enrolledLearner(strict.courseId);
    const closed = await refusal(submitAssignment(learner, strict.courseId, strict.lessonId, { text: "Late.", uploadIds: [] }));
    expect(closed.code).toBe("CONFLICT");
    expect(closed.userMessage).toMatch(/due date has passed/);
    expect((await getMySubmission(learner, strict.courseId, strict.lessonId)).submission).toBeNull();

    const lenient = await assignmentCourse({ dueAt: past, allowLate: true });
    const other = await enrolledLearner(lenient.courseId);
    const late = await submitAssignment(other, lenient.courseId, lenient.lessonId, { text: "Late but here.", uploadIds: [] });
    expect(late.submission).toMatchObject({ status: "submitted", late: true, versions: [{ late: true }] });
    expect(await listSubmissionQueue(lenient.instructor, { status: "late" })).toHaveLength(1);
    expect(await listSubmissionQueue(lenient.instructor, { status: "graded" })).toHaveLength(0);

    const future = await assignmentCourse({ dueAt: new Date(Date.now() + HOUR) });
    const onTime = await enrolledLearner(future.courseId);
    expect((await submitAssignment(onTime, future.courseId, future.lessonId, { text: "On time.", uploadIds: [] })).submission.late).toBe(
      false,
    );
  });

  it("takes only what the assignment accepts: text or files, their number, type and size", async () => {
    const filesOnly = await assignmentCourse({ acceptText: false, maxFiles: 1, acceptedTypes: ["application/pdf"], maxFileBytes: 4096 });
    const learner = await enrolledLearner(filesOnly.courseId);
    expect((await refusal(submitAssignment(learner, filesOnly.courseId, filesOnly.lessonId, { text: "Hi", uploadIds: [] }))).code).toBe(
      "BAD_REQUEST",
    );
    const start = (fileName: string, contentType: string, size: number) =>
      startSubmissionUpload(learner, { courseId: filesOnly.courseId, lessonId: filesOnly.lessonId, fileName, contentType, size });
    expect((await refusal(start("a.png", "image/png", 100))).code).toBe("UNSUPPORTED_MEDIA_TYPE");
    expect((await refusal(start("a.pdf", "application/pdf", 5000))).code).toBe("PAYLOAD_TOO_LARGE");
    expect((await refusal(start("a.exe", "application/x-msdownload", 100))).code).toBe("UNSUPPORTED_MEDIA_TYPE");
    const a = await uploadSubmissionFile(learner, filesOnly, files.pdf);
    const b = await uploadSubmissionFile(learner, filesOnly, files.pdf, { fileName: "b.pdf" });
    const tooMany = await refusal(
      submitAssignment(learner, filesOnly.courseId, filesOnly.lessonId, { uploadIds: [a.uploadId, b.uploadId] }),
    );
    expect(tooMany.userMessage).toBe("This assignment takes at most 1 file.");
    const done = await submitAssignment(learner, filesOnly.courseId, filesOnly.lessonId, { uploadIds: [a.uploadId] });
    expect(done.submission.versions[0]!.files).toEqual([
      expect.objectContaining({ fileName: "essay.pdf", contentType: "application/pdf", size: files.pdf.length, url: expect.any(String) }),
    ]);
    expect(done.submission.versions[0]!.files[0]!.previewUrl).toEqual(expect.any(String));
    // A file is handed in once; another learner's upload is not theirs to hand in.
    expect((await refusal(submitAssignment(learner, filesOnly.courseId, filesOnly.lessonId, { uploadIds: [a.uploadId] }))).code).toBe(
      "BAD_REQUEST",
    );
    const other = await enrolledLearner(filesOnly.courseId);
    expect((await refusal(submitAssignment(other, filesOnly.courseId, filesOnly.lessonId, { uploadIds: [b.uploadId] }))).code).toBe(
      "BAD_REQUEST",
    );
    expect(await db.select().from(submissionFiles)).toHaveLength(1);

    // An executable renamed to .pdf is refused at completion and nothing of it is kept.
    const renamed = await startSubmissionUpload(learner, {
      courseId: filesOnly.courseId,
      lessonId: filesOnly.lessonId,
      fileName: "essay.pdf",
      contentType: "application/pdf",
      size: files.elf.length,
    });
    const { sendBytes } = await import("../../../tests/helpers/upload-fixtures");
    const { callStorageRoute } = await import("../../../tests/helpers/storage-routes");
    const { completeUpload } = await import("@/lib/uploads");
    await sendBytes(renamed, files.elf, callStorageRoute);
    expect((await refusal(completeUpload(learner, "submission", { uploadId: renamed.uploadId }))).code).toBe("UNSUPPORTED_MEDIA_TYPE");
    expect(storedFiles().some((k) => k.endsWith(renamed.key.split("/").pop()!))).toBe(false);
    expect((await db.select().from(uploadSessions).where(eq(uploadSessions.id, renamed.uploadId)))[0]!.status).toBe("aborted");

    const textOnly = await assignmentCourse({ acceptFiles: false });
    const writer = await enrolledLearner(textOnly.courseId);
    const noFiles = await refusal(
      startSubmissionUpload(writer, {
        courseId: textOnly.courseId,
        lessonId: textOnly.lessonId,
        fileName: "a.pdf",
        contentType: "application/pdf",
        size: 10,
      }),
    );
    expect(noFiles.code).toBe("CONFLICT");
  });

  it("is for enrolled learners: the course's instructor and an outsider are refused, a reading lesson is no assignment", async () => {
    const f = await assignmentCourse();
    const outsider = await insertUser();
    expect((await refusal(submitAssignment(outsider, f.courseId, f.lessonId, { text: "x", uploadIds: [] }))).code).toBe("FORBIDDEN");
    expect((await refusal(submitAssignment(f.instructor, f.courseId, f.lessonId, { text: "x", uploadIds: [] }))).code).toBe("FORBIDDEN");
    expect((await refusal(submitAssignment(null, f.courseId, f.lessonId, { text: "x", uploadIds: [] }))).code).toBe("UNAUTHORIZED");
    const learner = await enrolledLearner(f.courseId);
    expect((await refusal(submitAssignment(learner, f.courseId, f.readingLessonId, { text: "x", uploadIds: [] }))).code).toBe("NOT_FOUND");
    // Mark complete is not how an assignment is completed.
    expect((await refusal(setLessonCompleted(learner, f.courseId, f.lessonId, true))).code).toBe("CONFLICT");
  });
});

describe("grading", () => {
  it("completes the lesson and moves progress with a passing grade, in one step; a failing regrade takes it back", async () => {
    const f = await assignmentCourse({ maxPoints: 10, passingPoints: 6 });
    const learner = await enrolledLearner(f.courseId);
    await setLessonCompleted(learner, f.courseId, f.readingLessonId, true);
    expect(await progressOf(f.courseId, learner.id)).toBe(50);
    const { submission } = await submitAssignment(learner, f.courseId, f.lessonId, { text: "Done.", uploadIds: [] });

    const over = await refusal(
      gradeSubmission(f.instructor, f.courseId, submission.id, { points: 11, feedback: "", returnForRevision: false }),
    );
    expect(over.options.fields).toEqual({ points: "The points can be at most 10." });
    const low = await gradeSubmission(f.instructor, f.courseId, submission.id, {
      points: 5,
      feedback: "Almost.",
      returnForRevision: false,
    });
    expect(low).toMatchObject({ submission: { status: "graded", passed: false }, progress: 50 });
    const pass = await gradeSubmission(f.instructor, f.courseId, submission.id, {
      points: 6,
      feedback: "Passed.",
      returnForRevision: false,
    });
    expect(pass).toMatchObject({ submission: { status: "graded", points: 6, passed: true }, progress: 100 });
    expect(await progressOf(f.courseId, learner.id)).toBe(100);
    await gradeSubmission(f.instructor, f.courseId, submission.id, { points: 2, feedback: "Regraded.", returnForRevision: false });
    expect(await progressOf(f.courseId, learner.id)).toBe(50);

    // Only the course's editors: another instructor is refused, a learner is not an editor, another course's id is a 404.
    const other = await insertUser({ role: "INSTRUCTOR" });
    expect(
      (await refusal(gradeSubmission(other, f.courseId, submission.id, { points: 9, feedback: "", returnForRevision: false }))).code,
    ).toBe("FORBIDDEN");
    expect(
      (await refusal(gradeSubmission(learner, f.courseId, submission.id, { points: 9, feedback: "", returnForRevision: false }))).code,
    ).toBe("FORBIDDEN");
    const elsewhere = await assignmentCourse();
    expect(
      (
        await refusal(
          gradeSubmission(elsewhere.instructor, elsewhere.courseId, submission.id, { points: 9, feedback: "", returnForRevision: false }),
        )
      ).code,
    ).toBe("NOT_FOUND");
    expect((await refusal(getSubmissionForGrading(other, f.courseId, submission.id))).code).toBe("FORBIDDEN");
    expect(await listSubmissionQueue(other, {})).toEqual([]);
    const view = await getSubmissionForGrading(f.instructor, f.courseId, submission.id);
    expect(view).toMatchObject({ learner: { id: learner.id }, submission: { versions: [{ points: 2, feedback: "Regraded." }] } });
  });

  it("lists the queue oldest first across the instructor's courses, filtered by course, assignment and status", async () => {
    const a = await assignmentCourse();
    const l1 = await enrolledLearner(a.courseId);
    const l2 = await enrolledLearner(a.courseId);
    const s1 = await submitAssignment(l1, a.courseId, a.lessonId, { text: "one", uploadIds: [] });
    await submitAssignment(l2, a.courseId, a.lessonId, { text: "two", uploadIds: [] });
    const queue = await listSubmissionQueue(a.instructor, {});
    expect(queue.map((r) => r.learnerEmail)).toEqual([l1.email, l2.email]);
    await gradeSubmission(a.instructor, a.courseId, s1.submission.id, { points: 90, feedback: "", returnForRevision: false });
    expect((await listSubmissionQueue(a.instructor, { status: "submitted" })).map((r) => r.learnerEmail)).toEqual([l2.email]);
    expect((await listSubmissionQueue(a.instructor, { status: "graded", lessonId: a.lessonId })).map((r) => r.points)).toEqual([90]);
    const admin = await insertUser({ role: "ADMIN" });
    expect(await listSubmissionQueue(admin, { courseId: a.courseId })).toHaveLength(2);
  });
});

describe("the stored files of submissions", () => {
  it("go with the lesson and with the course", async () => {
    const f = await assignmentCourse();
    const learner = await enrolledLearner(f.courseId);
    const file = await uploadSubmissionFile(learner, f, files.pdf);
    await submitAssignment(learner, f.courseId, f.lessonId, { uploadIds: [file.uploadId] });
    expect(storedFiles()).toHaveLength(1);
    await deleteLesson(f.instructor, f.courseId, f.moduleId, f.lessonId);
    expect(storedFiles()).toEqual([]);
    expect(await db.select().from(submissionFiles)).toHaveLength(0);

    const g = await assignmentCourse();
    const other = await enrolledLearner(g.courseId);
    const second = await uploadSubmissionFile(other, g, files.pdf);
    await submitAssignment(other, g.courseId, g.lessonId, { uploadIds: [second.uploadId] });
    await deleteCourse(g.instructor, g.courseId);
    expect(storedFiles()).toEqual([]);
  });

  it("go with the learner when staff unenroll them, and nobody else's go", async () => {
    const f = await assignmentCourse();
    const leaving = await enrolledLearner(f.courseId);
    const staying = await enrolledLearner(f.courseId);
    for (const learner of [leaving, staying]) {
      const file = await uploadSubmissionFile(learner, f, files.pdf);
      await submitAssignment(learner, f.courseId, f.lessonId, { uploadIds: [file.uploadId] });
    }
    // A file uploaded and not handed in yet goes too: it is in the learner's folder.
    await uploadSubmissionFile(leaving, f, files.pdf, { fileName: "draft.pdf" });
    expect(storedFiles()).toHaveLength(3);
    await unenrollByStaff(f.instructor, f.courseId, leaving.id);
    expect(storedFiles()).toEqual([expect.stringContaining(`/submissions/${staying.id}/`)]);
    expect(await db.select().from(submissionFiles)).toHaveLength(1);
  });

  it("of a file never handed in is removed by the sweeper after a day, not before", async () => {
    const f = await assignmentCourse();
    const learner = await enrolledLearner(f.courseId);
    const kept = await uploadSubmissionFile(learner, f, files.pdf, { fileName: "kept.pdf" });
    await submitAssignment(learner, f.courseId, f.lessonId, { uploadIds: [kept.uploadId] });
    const left = await uploadSubmissionFile(learner, f, files.pdf, { fileName: "left.pdf" });
    expect(storedFiles()).toHaveLength(2);
    await sweepUploads({ now: new Date(Date.now() + 2 * HOUR) });
    expect(storedFiles()).toHaveLength(2);
    expect((await sweepUploads({ now: new Date(Date.now() + 25 * HOUR) })).orphaned).toBe(1);
    expect(storedFiles()).toEqual([expect.stringMatching(/kept\.pdf$/)]);
    expect((await db.select().from(uploadSessions).where(eq(uploadSessions.id, left.uploadId)))[0]!.status).toBe("aborted");
  });
});
