import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { solidPng } from "../../../tests/helpers/png";
import { withTestDatabase } from "../../../tests/helpers/test-database";
import { withTestStorage } from "../../../tests/helpers/test-storage";
import { insertUser } from "../../../tests/helpers/user-fixtures";
import { db } from "@/lib/db/client";
import { courseMaterials, courses, discussionThreads, lessons, modules, users } from "@/lib/db/schema";
import { AppError } from "@/lib/http/errors";
import { getStorage } from "@/lib/storage";
import { openCourseImage } from "@/lib/courses/course-image";
import { createCourse, updateCourse } from "@/lib/courses/manage-course";
import { updateCourseSchema } from "@/lib/validation/course";
import { getCourseDetail } from "./course-detail";
import { enroll } from "./enroll";

withTestDatabase();
withTestStorage();

const statusOf = (p: Promise<unknown>) =>
  p.then(
    () => 200,
    (e: unknown) => (AppError.is(e) ? e.status : 500),
  );

/** A published course with a picture, two modules, a video lesson, a lesson with a handout and a course-wide file. */
async function sellingCourse() {
  const instructor = await insertUser({ role: "INSTRUCTOR" });
  await db.update(users).set({ name: "Ada Lovelace", bio: "Teaches one working program at a time." }).where(eq(users.id, instructor.id));
  const course = await createCourse(instructor, {
    title: "Introduction to Python",
    description: "Write real programs.",
    ...updateCourseSchema.parse({ outcomes: ["Write functions", "  ", "Read files  "] }),
  });
  const png = solidPng(32, 18, [40, 80, 160]);
  const thumbnailKey = `courses/${course.id}/thumbnails/1-abc-cover.png`;
  await getStorage().put(thumbnailKey, png, { contentType: "image/png", size: png.length });
  await db
    .update(courses)
    .set({ isPublished: true, thumbnailKey, estimatedDuration: 25, totalLessons: 3 })
    .where(eq(courses.id, course.id));
  const [m1, m2] = await db
    .insert(modules)
    .values([
      { courseId: course.id, title: "Getting started", ord: 0 },
      { courseId: course.id, title: "Files", ord: 1 },
    ])
    .returning({ id: modules.id });
  const [video, plain, handout] = await db
    .insert(lessons)
    .values([
      { moduleId: m1!.id, title: "Why Python", ord: 0, durationMinutes: 2, videoKey: "lessons/x/videos/v.webm", videoDuration: 8 },
      { moduleId: m1!.id, title: "Variables", ord: 1, durationMinutes: 14 },
      { moduleId: m2!.id, title: "Reading files", ord: 0, durationMinutes: 9 },
    ])
    .returning({ id: lessons.id });
  await db.insert(courseMaterials).values([
    { courseId: course.id, lessonId: handout!.id, fileName: "cheatsheet.pdf", fileKey: `m/${handout!.id}.pdf` },
    { courseId: course.id, lessonId: null, fileName: "syllabus.pdf", fileKey: `m/${course.id}.pdf` },
  ]);
  return { instructor, course, png, lessonIds: { video: video!.id, plain: plain!.id, handout: handout!.id } };
}

describe("the course page's data", () => {
  it("has what sells the course: slug, picture, outcomes, instructor bio, enrolled count, curriculum with handouts", async () => {
    const { course, lessonIds } = await sellingCourse();
    const learners = await Promise.all([insertUser(), insertUser()]);
    for (const learner of learners) await enroll(learner, course.id);

    const { course: detail, enrollment, signedIn } = await getCourseDetail(null, course.id);
    expect(signedIn).toBe(false);
    expect(enrollment).toBeNull();
    expect(detail).toMatchObject({
      id: course.id,
      slug: "introduction-to-python",
      title: "Introduction to Python",
      outcomes: ["Write functions", "Read files"],
      instructorName: "Ada Lovelace",
      instructorBio: "Teaches one working program at a time.",
      enrollmentCount: 2,
      materialsCount: 2,
      estimatedDuration: 25,
      isPublished: true,
    });
    expect(detail.thumbnailUrl).toMatch(/^http:\/\/localhost:3000\/api\/storage\/objects\/courses\//);
    expect(detail.imageVersion).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(detail.modules.map((m) => m.title)).toEqual(["Getting started", "Files"]);
    expect(detail.modules.flatMap((m) => m.lessons)).toEqual([
      {
        id: lessonIds.video,
        title: "Why Python",
        kind: "lesson",
        durationMinutes: 2,
        hasVideo: true,
        videoSeconds: 8,
        hasMaterials: false,
      },
      {
        id: lessonIds.plain,
        title: "Variables",
        kind: "lesson",
        durationMinutes: 14,
        hasVideo: false,
        videoSeconds: null,
        hasMaterials: false,
      },
      {
        id: lessonIds.handout,
        title: "Reading files",
        kind: "lesson",
        durationMinutes: 9,
        hasVideo: false,
        videoSeconds: null,
        hasMaterials: true,
      },
    ]);
    // Visitors learn that there are materials, not what they are called.
    expect(JSON.stringify(detail)).not.toContain("cheatsheet.pdf");
  });

  it("gives a course without picture, outcomes, bio or materials nothing to show for them", async () => {
    const instructor = await insertUser({ role: "INSTRUCTOR" });
    const course = await createCourse(instructor, { title: "Bare" });
    await db.update(courses).set({ isPublished: true }).where(eq(courses.id, course.id));
    const { course: detail } = await getCourseDetail(null, course.id);
    expect(detail).toMatchObject({ outcomes: [], instructorBio: null, thumbnailUrl: null, imageVersion: null, materialsCount: 0 });
    expect(await statusOf(openCourseImage(null, course.id))).toBe(404);
  });

  it("tells visitors how many questions the course's discussions hold (hidden ones not counted), never their text", async () => {
    const instructor = await insertUser({ role: "INSTRUCTOR" });
    const course = await createCourse(instructor, { title: "Discussed" });
    await db.update(courses).set({ isPublished: true }).where(eq(courses.id, course.id));
    expect((await getCourseDetail(null, course.id)).course.questionCount).toBe(0);
    await db.insert(discussionThreads).values([
      { courseId: course.id, authorId: instructor.id, title: "Where do I start?", body: "A secret detail" },
      { courseId: course.id, authorId: instructor.id, title: "Second question", body: "More" },
      { courseId: course.id, authorId: instructor.id, title: "Hidden spam", body: "Spam", hidden: true },
    ]);
    const { course: detail } = await getCourseDetail(null, course.id);
    expect(detail.questionCount).toBe(2);
    expect(JSON.stringify(detail)).not.toContain("Where do I start?");
    expect(JSON.stringify(detail)).not.toContain("A secret detail");
  });

  it("keeps outcomes as edited: blank points dropped, at most 12, one line each", async () => {
    const instructor = await insertUser({ role: "INSTRUCTOR" });
    const course = await createCourse(instructor, { title: "Outcomes" });
    const saved = await updateCourse(instructor, course.id, updateCourseSchema.parse({ outcomes: ["  First ", "", "Second"] }));
    expect(saved.outcomes).toEqual(["First", "Second"]);
    expect(updateCourseSchema.safeParse({ outcomes: Array.from({ length: 13 }, (_, i) => `Point ${i}`) }).success).toBe(false);
    expect(updateCourseSchema.safeParse({ outcomes: ["two\nlines"] }).success).toBe(false);
    expect(updateCourseSchema.safeParse({ outcomes: ["x".repeat(201)] }).success).toBe(false);
    expect(updateCourseSchema.safeParse({ outcomes: "not a list" }).success).toBe(false);
  });

  it("serves the picture at a lasting URL to whoever may see the course, and a draft's only to its editors", async () => {
    const { instructor, course, png } = await sellingCourse();
    const image = await openCourseImage(null, course.id);
    expect(image).toMatchObject({ contentType: "image/png", size: png.length, isPublic: true });
    const bytes = Buffer.from(await new Response(image.body).arrayBuffer());
    expect(bytes.equals(png)).toBe(true);

    await db.update(courses).set({ isPublished: false }).where(eq(courses.id, course.id));
    const [outsider, learner] = await Promise.all([insertUser({ role: "INSTRUCTOR" }), insertUser()]);
    for (const viewer of [null, outsider, learner]) expect(await statusOf(openCourseImage(viewer, course.id))).toBe(404);
    const draft = await openCourseImage(instructor, course.id);
    expect(draft.isPublic).toBe(false);
    await draft.body.cancel();
    expect(await statusOf(getCourseDetail(null, course.id))).toBe(404);
  });
});
