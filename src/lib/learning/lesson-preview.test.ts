import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { withTestDatabase } from "../../../tests/helpers/test-database";
import { insertUser } from "../../../tests/helpers/user-fixtures";
import { db } from "@/lib/db/client";
import { courseMaterials, courses, enrollments, lessonProgress, lessons, modules } from "@/lib/db/schema";
import { AppError } from "@/lib/http/errors";
import { enroll } from "./enroll";
import { getLessonVideoUrl } from "./lesson-for-learner";
import { getLessonPreview } from "./lesson-preview";
import { setLessonCompleted } from "./lesson-progress";

withTestDatabase();

/** A course of `instructor`'s with two lessons: the first with a video and a handout, the second plain. */
async function courseOf(instructorId: string, isPublished: boolean) {
  const [course] = await db
    .insert(courses)
    .values({ instructorId, title: "Preview me", isPublished, publishedAt: isPublished ? new Date() : null, totalLessons: 2 })
    .returning({ id: courses.id });
  const courseId = course!.id;
  const [module] = await db.insert(modules).values({ courseId, title: "Start here" }).returning({ id: modules.id });
  const [first, second] = await db
    .insert(lessons)
    .values([
      {
        moduleId: module!.id,
        title: "Watch",
        ord: 0,
        content: "**Hello**",
        videoKey: `courses/${courseId}/videos/v.webm`,
        videoMimeType: "video/webm",
      },
      { moduleId: module!.id, title: "Read", ord: 1, content: "Text" },
    ])
    .returning({ id: lessons.id });
  await db.insert(courseMaterials).values([
    {
      courseId,
      lessonId: first!.id,
      fileKey: `courses/${courseId}/materials/h.pdf`,
      fileName: "handout.pdf",
      fileType: "application/pdf",
      fileSize: 10,
    },
    {
      courseId,
      lessonId: null,
      fileKey: `courses/${courseId}/materials/c.pdf`,
      fileName: "course.pdf",
      fileType: "application/pdf",
      fileSize: 20,
    },
  ]);
  return { courseId, lessonIds: [first!.id, second!.id] as const };
}

const status = (p: Promise<unknown>) =>
  p.then(
    () => 200,
    (e: unknown) => (e instanceof AppError ? e.status : 500),
  );

const snapshot = async () => ({
  progress: await db.select().from(lessonProgress),
  enrollments: await db.select().from(enrollments),
});

describe("the editors' preview of a lesson", () => {
  it("opens every lesson of a draft as a new learner sees it: content, video, handouts, no progress", async () => {
    const instructor = await insertUser({ role: "INSTRUCTOR" });
    const { courseId, lessonIds } = await courseOf(instructor.id, false);
    const preview = await getLessonPreview(instructor, courseId, lessonIds[0]);
    expect(preview.course).toEqual({ id: courseId, title: "Preview me", isPublished: false });
    expect(preview.lesson).toMatchObject({
      id: lessonIds[0],
      title: "Watch",
      moduleTitle: "Start here",
      content: "**Hello**",
      hasVideo: true,
    });
    expect(preview.lesson).not.toHaveProperty("videoKey");
    expect(preview.lessonMaterials.map((m) => m.fileName)).toEqual(["handout.pdf"]);
    expect(preview.materials.map((m) => m.fileName)).toEqual(["course.pdf"]);
    expect(preview.curriculum[0]!.lessons.map((l) => [l.title, l.hasVideo, l.hasMaterials, l.completed])).toEqual([
      ["Watch", true, true, false],
      ["Read", false, false, false],
    ]);
    expect((await getLessonPreview(instructor, courseId, lessonIds[1])).lesson).toMatchObject({ title: "Read", hasVideo: false });
    // The video's signed URL comes through the learner's route, which lets the course's editors in.
    expect((await getLessonVideoUrl(instructor, courseId, lessonIds[0])).mimeType).toBe("video/webm");
  });

  it("writes no progress and no last access, even for an editor who is enrolled in their own course", async () => {
    const instructor = await insertUser({ role: "INSTRUCTOR" });
    const { courseId, lessonIds } = await courseOf(instructor.id, true);
    const learner = await insertUser();
    await enroll(learner, courseId);
    await enroll(instructor, courseId);
    await setLessonCompleted(instructor, courseId, lessonIds[1], true);
    await db.update(enrollments).set({ lastAccessedAt: new Date(Date.now() - 24 * 3600_000) });
    const before = await snapshot();

    for (const lessonId of lessonIds) {
      const preview = await getLessonPreview(instructor, courseId, lessonId);
      // Seen as a new learner: the editor's own completion does not show.
      expect(preview.curriculum[0]!.lessons.every((l) => !l.completed)).toBe(true);
    }
    const admin = await insertUser({ role: "ADMIN" });
    await getLessonPreview(admin, courseId, lessonIds[0]);
    await getLessonVideoUrl(instructor, courseId, lessonIds[0]);
    expect(await snapshot()).toEqual(before);
    expect(await db.select().from(enrollments).where(eq(enrollments.learnerId, admin.id))).toEqual([]);
  });

  it("is for the course's editors only: others are refused, and a lesson of another course is not found", async () => {
    const instructor = await insertUser({ role: "INSTRUCTOR" });
    const draft = await courseOf(instructor.id, false);
    const published = await courseOf(instructor.id, true);
    const otherInstructor = await insertUser({ role: "INSTRUCTOR" });
    const learner = await insertUser();
    await enroll(learner, published.courseId);

    expect(await status(getLessonPreview(null, draft.courseId, draft.lessonIds[0]))).toBe(401);
    expect(await status(getLessonPreview(learner, published.courseId, published.lessonIds[0]))).toBe(403);
    expect(await status(getLessonPreview(otherInstructor, draft.courseId, draft.lessonIds[0]))).toBe(404);
    expect(await status(getLessonPreview(otherInstructor, published.courseId, published.lessonIds[0]))).toBe(403);
    expect(await status(getLessonPreview(instructor, draft.courseId, published.lessonIds[0]))).toBe(404);
    expect(await status(getLessonPreview(await insertUser({ role: "ADMIN" }), draft.courseId, draft.lessonIds[1]))).toBe(200);
  });
});
