import { beforeAll, describe, expect, it } from "vitest";
import type { SubmissionView } from "@/lib/assignments/submissions";
import { ApiClient, newAccount, type Account } from "../helpers/api-client";
import { buildAssignmentCourse, handIn, submissionPath, uploadSubmissionFile, type AssignmentCourse } from "../helpers/assignment-api";
import { samplePdf } from "../helpers/learning-fixtures";
import { putBytes, startUpload, storedFiles } from "../helpers/authoring";
import { enrollIn } from "../helpers/learning-fixtures";

/**
 * Assignments over HTTP: an instructor sets one up, a learner hands in text and a PDF through the direct-to-storage
 * flow, the instructor grades it from the queue with feedback, and the learner sees the grade and the lesson complete.
 * A renamed page or program is refused at completion and nothing of it is kept; bad bodies are 400s that write nothing.
 */

let owner: Account;
let learner: Account;
let course: AssignmentCourse;
const mine = async (client: ApiClient = learner.client) => {
  const response = await client.get(submissionPath(course));
  expect(response.status).toBe(200);
  return response.json<{ assignment: { canSubmit: boolean; closedReason: string | null }; submission: SubmissionView | null }>();
};
const submissionFilesOf = () => storedFiles(`lessons/${course.assignmentLessonId}/submissions`);

beforeAll(async () => {
  [owner, learner] = await Promise.all([newAccount("INSTRUCTOR", "asg-owner"), newAccount("LEARNER", "asg-learner")]);
  course = await buildAssignmentCourse(owner.client, {
    title: "Assignments over HTTP",
    settings: { acceptedTypes: ["application/pdf"], maxFiles: 2 },
  });
  await enrollIn(learner.client, course.courseId);
}, 180_000);

describe("an assignment over HTTP", () => {
  it("takes text and a PDF, is graded from the queue with feedback, and completes the lesson", async () => {
    expect(await mine()).toMatchObject({ assignment: { canSubmit: true, closedReason: null }, submission: null });
    // The reading lesson first: the assignment is the other half of the course.
    expect(
      (await learner.client.post(`/api/my-courses/${course.courseId}/lessons/${course.lessonIds[0]}/complete`, { completed: true })).status,
    ).toBe(200);

    const uploadId = await uploadSubmissionFile(learner.client, course, samplePdf);
    const submissionId = await handIn(learner.client, course, { text: "Tides follow the **moon**.", uploadIds: [uploadId] });
    const handedIn = (await mine()).submission!;
    expect(handedIn).toMatchObject({ id: submissionId, status: "submitted", late: false });
    const [file] = handedIn.versions[0]!.files;
    expect(file).toMatchObject({ fileName: "essay.pdf", contentType: "application/pdf", size: samplePdf.length });
    // The signed URL gives the learner their file back, as a download.
    const download = await fetch(file!.url);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toMatch(/^attachment/);
    expect(Buffer.from(await download.arrayBuffer()).equals(samplePdf)).toBe(true);
    expect(submissionFilesOf()).toHaveLength(1);

    // The queue lists it, oldest first; the grading view shows the text and the file.
    const queue = await owner.client.get(`/api/instructor/submissions?courseId=${course.courseId}&status=submitted`);
    expect(queue.status).toBe(200);
    expect(queue.json<{ submissions: { id: string; learnerEmail: string }[] }>().submissions).toEqual([
      expect.objectContaining({ id: submissionId, learnerEmail: learner.email }),
    ]);
    const view = await owner.client.get(`/api/instructor/courses/${course.courseId}/submissions/${submissionId}`);
    expect(view.json<{ submission: SubmissionView }>().submission.versions[0]).toMatchObject({
      text: "Tides follow the **moon**.",
      files: [{ fileName: "essay.pdf" }],
    });

    const grade = await owner.client.post(`/api/instructor/courses/${course.courseId}/submissions/${submissionId}/grade`, {
      points: 8,
      feedback: "Clear. Add a *diagram* next time.",
    });
    expect(grade.status).toBe(200);
    expect(grade.json<{ progress: number }>().progress).toBe(100);
    const graded = await mine();
    expect(graded.assignment).toMatchObject({ canSubmit: false, closedReason: expect.stringMatching(/graded/) });
    expect(graded.submission).toMatchObject({ status: "graded", points: 8, passed: true });
    expect(graded.submission!.versions[0]).toMatchObject({ feedback: "Clear. Add a *diagram* next time." });
    const enrollment = await learner.client.get(`/api/my-courses/${course.courseId}`);
    expect(enrollment.json<{ enrollment: { progress: number } }>().enrollment.progress).toBe(100);
    // Graded work stays as it was.
    const again = await learner.client.post(submissionPath(course), { text: "One more try." });
    expect(again.status).toBe(409);
  });

  it("refuses a page or a program named .pdf at completion, and keeps nothing of it", async () => {
    const other = await newAccount("LEARNER", "asg-renamer");
    await enrollIn(other.client, course.courseId);
    const before = submissionFilesOf();
    for (const bytes of [
      Buffer.from("<!doctype html><script>alert(1)</script>".padEnd(2048, " ")),
      Buffer.concat([Buffer.from("MZ"), Buffer.alloc(2046)]),
    ]) {
      const started = await startUpload(
        other.client,
        "submission",
        { courseId: course.courseId, lessonId: course.assignmentLessonId },
        {
          fileName: "essay.pdf",
          contentType: "application/pdf",
          size: bytes.length,
        },
      );
      expect((await putBytes(started, bytes)).status).toBe(200);
      const complete = await other.client.post("/api/upload/submission/complete", { uploadId: started.uploadId });
      expect(complete.status).toBe(415);
      const handIn = await other.client.post(submissionPath(course), { uploadIds: [started.uploadId] });
      expect(handIn.status).toBe(400);
    }
    expect(submissionFilesOf()).toEqual(before);
    expect((await mine(other.client)).submission).toBeNull();
  });

  it("answers bad bodies with a 400 that names the field, and writes nothing", async () => {
    const other = await newAccount("LEARNER", "asg-bad");
    await enrollIn(other.client, course.courseId);
    for (const body of [{}, { text: "" }, { text: 5 }, { uploadIds: ["not-an-id"] }, { text: "x", extra: true }, { text: "a\u0000b" }]) {
      const response = await other.client.post(submissionPath(course), body);
      expect(response.status, JSON.stringify(body)).toBe(400);
    }
    expect((await mine(other.client)).submission).toBeNull();
    for (const body of [
      { maxPoints: 0 },
      { passingPoints: 11 },
      { dueAt: "tomorrow" },
      { acceptedTypes: ["text/html"] },
      { acceptText: false, acceptFiles: false },
    ]) {
      const response = await owner.client.patch(course.assignmentPath, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
    }
    const settings = await owner.client.get(course.assignmentPath);
    expect(settings.json<{ assignment: { settings: Record<string, unknown> } }>().assignment.settings).toMatchObject({
      maxPoints: 10,
      passingPoints: 6,
      acceptText: true,
      acceptFiles: true,
      acceptedTypes: ["application/pdf"],
    });
    const submissionId = await handIn(other.client, course, { text: "Fine." });
    for (const body of [{ points: 11 }, { points: -1 }, { points: 2.5 }, { points: 5, returnForRevision: "yes" }]) {
      const response = await owner.client.post(`/api/instructor/courses/${course.courseId}/submissions/${submissionId}/grade`, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
    }
    expect((await mine(other.client)).submission).toMatchObject({ status: "submitted", points: null });
  });
});
