import { ensureCategory, type ApiClient, type ApiResponse } from "./api-client";
import { demoAsset, uploadFile } from "./authoring";
import { solidPng } from "./png";
import { sendBytes } from "./upload-fixtures";

/**
 * Courses built over HTTP by an instructor, as the editor does, for the learner API tests: like authoring.ts's
 * createCourseTree, with any number of lessons and, when asked, a video and PDFs.
 */

export const sampleVideo = demoAsset("sample-video.webm");
export const samplePdf = demoAsset("sample-handout.pdf");

function expectStatus(response: ApiResponse, status: number, what: string): ApiResponse {
  if (response.status !== status) throw new Error(`${what} answered ${response.status}, not ${status}: ${response.text}`);
  return response;
}

async function upload(
  instructor: ApiClient,
  kind: "video" | "material",
  start: Record<string, unknown>,
  bytes: Buffer,
): Promise<Record<string, unknown>> {
  const started = expectStatus(
    await instructor.post(`/api/upload/${kind}`, { ...start, size: bytes.length }),
    201,
    `starting a ${kind} upload`,
  );
  const plan = started.json<{ uploadId: string; single?: { url: string; headers: Record<string, string> } }>();
  await sendBytes(plan, bytes, (url, init) => fetch(url, init));
  const completed = await instructor.post(`/api/upload/${kind}/complete`, { uploadId: plan.uploadId });
  return expectStatus(completed, 200, `completing a ${kind} upload`).json();
}

export type BuiltCourse = {
  courseId: string;
  /** The course page is at /courses/<slug>. */
  slug: string;
  moduleId: string;
  lessonIds: string[];
  /** The first lesson's video, when asked for. */
  videoLessonId?: string;
  /** A PDF attached to the first lesson, and one to the course, when asked for. */
  lessonMaterialId?: string;
  courseMaterialId?: string;
};

/**
 * A course of `lessons` lessons in one module, created by `instructor` over the instructor API; with a WebM video on
 * the first lesson and PDFs on it and on the course when `media` is set, a PNG thumbnail when `thumbnail` is; published
 * unless `publish` is false.
 */
export async function buildCourse(
  instructor: ApiClient,
  {
    title,
    description = "A course built by the API tests.",
    category = "Testing",
    lessons = 3,
    media = false,
    thumbnail = false,
    publish = true,
  }: {
    title: string;
    description?: string;
    category?: string;
    lessons?: number;
    media?: boolean;
    thumbnail?: boolean;
    publish?: boolean;
  },
): Promise<BuiltCourse> {
  await ensureCategory(category, instructor.base);
  const course = expectStatus(
    await instructor.post("/api/instructor/courses", { title, description, category, difficulty: "beginner" }),
    201,
    "creating a course",
  );
  const { id: courseId, slug } = course.json<{ course: { id: string; slug: string } }>().course;
  const created = expectStatus(
    await instructor.post(`/api/instructor/courses/${courseId}/modules`, { title: "Module 1" }),
    201,
    "creating a module",
  );
  const moduleId = created.json<{ module: { id: string } }>().module.id;
  const lessonIds: string[] = [];
  // One at a time: lessons are appended in the order they arrive.
  for (let i = 1; i <= lessons; i++) {
    const lesson = await instructor.post(`/api/instructor/courses/${courseId}/modules/${moduleId}/lessons`, {
      title: `Lesson ${i}`,
      content: `The **content** of lesson ${i}.`,
      durationMinutes: 5,
    });
    lessonIds.push(expectStatus(lesson, 201, `creating lesson ${i}`).json<{ lesson: { id: string } }>().lesson.id);
  }
  const built: BuiltCourse = { courseId, slug, moduleId, lessonIds };
  if (thumbnail) {
    await uploadFile(instructor, "thumbnail", { courseId }, solidPng(64, 36, [30, 90, 160]), {
      fileName: "cover.png",
      contentType: "image/png",
    });
  }
  if (media) {
    const lessonId = lessonIds[0]!;
    await upload(instructor, "video", { courseId, moduleId, lessonId, fileName: "intro.webm", contentType: "video/webm" }, sampleVideo);
    built.videoLessonId = lessonId;
    const onLesson = await upload(
      instructor,
      "material",
      { courseId, moduleId, lessonId, fileName: "lesson-handout.pdf", contentType: "application/pdf" },
      samplePdf,
    );
    built.lessonMaterialId = (onLesson as { material: { id: string } }).material.id;
    const onCourse = await upload(
      instructor,
      "material",
      { courseId, fileName: "course-handout.pdf", contentType: "application/pdf" },
      samplePdf,
    );
    built.courseMaterialId = (onCourse as { material: { id: string } }).material.id;
  }
  if (publish) await setPublished(instructor, courseId, true);
  return built;
}

export async function setPublished(instructor: ApiClient, courseId: string, published: boolean) {
  expectStatus(
    await instructor.post(`/api/instructor/courses/${courseId}/publish`, { published }),
    200,
    published ? "publishing" : "unpublishing",
  );
}

/** Enrolls the client; fails unless the answer is 201 (a new enrollment) or 200 (an existing one). */
export async function enrollIn(learner: ApiClient, courseId: string) {
  const response = await learner.post(`/api/courses/${courseId}/enroll`);
  if (response.status !== 201 && response.status !== 200) throw new Error(`enrolling answered ${response.status}: ${response.text}`);
  return response;
}
