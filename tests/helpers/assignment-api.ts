import type { ApiClient, ApiResponse } from "./api-client";
import { uploadFile } from "./authoring";
import { buildCourse, setPublished, type BuiltCourse } from "./learning-fixtures";

/**
 * For the assignment API and browser tests: a course built over HTTP as an instructor builds it, with a reading lesson and
 * an assignment whose settings are given, published unless asked not to be.
 */

export type AssignmentCourse = BuiltCourse & { assignmentLessonId: string; assignmentPath: string };

function expectOk(response: ApiResponse, status: number, what: string) {
  if (response.status !== status) throw new Error(`${what} answered ${response.status}: ${response.text}`);
  return response;
}

export async function buildAssignmentCourse(
  instructor: ApiClient,
  { title, publish = true, settings = {} }: { title: string; publish?: boolean; settings?: Record<string, unknown> },
): Promise<AssignmentCourse> {
  const course = await buildCourse(instructor, { title, lessons: 1, publish: false });
  const lessons = `/api/instructor/courses/${course.courseId}/modules/${course.moduleId}/lessons`;
  const created = expectOk(await instructor.post(lessons, { title: "Essay", kind: "assignment" }), 201, "adding an assignment");
  const assignmentLessonId = created.json<{ lesson: { id: string } }>().lesson.id;
  const assignmentPath = `${lessons}/${assignmentLessonId}/assignment`;
  expectOk(
    await instructor.patch(assignmentPath, { instructions: "Write **300 words** on tides.", maxPoints: 10, passingPoints: 6, ...settings }),
    200,
    "setting the assignment up",
  );
  if (publish) await setPublished(instructor, course.courseId, true);
  return { ...course, assignmentLessonId, assignmentPath };
}

/** The learner's submission path of the assignment. */
export const submissionPath = (c: Pick<AssignmentCourse, "courseId" | "assignmentLessonId">) =>
  `/api/my-courses/${c.courseId}/lessons/${c.assignmentLessonId}/submission`;

/** Uploads a file as the learner's submission file; returns its upload id. */
export async function uploadSubmissionFile(
  learner: ApiClient,
  c: Pick<AssignmentCourse, "courseId" | "assignmentLessonId">,
  bytes: Buffer,
  file = { fileName: "essay.pdf", contentType: "application/pdf" },
): Promise<string> {
  const uploaded = await uploadFile<{ uploadId: string }>(
    learner,
    "submission",
    { courseId: c.courseId, lessonId: c.assignmentLessonId },
    bytes,
    file,
  );
  return uploaded.uploadId;
}

/** Hands in text and files; throws unless 201; returns the submission's id. */
export async function handIn(learner: ApiClient, c: AssignmentCourse, body: { text?: string; uploadIds?: string[] }): Promise<string> {
  const response = expectOk(await learner.post(submissionPath(c), { uploadIds: [], ...body }), 201, "handing in");
  return response.json<{ submission: { id: string } }>().submission.id;
}
