import { db } from "@/lib/db/client";
import { assignments, courses, lessons, modules, type NewAssignment } from "@/lib/db/schema";
import { callStorageRoute } from "./storage-routes";
import { sendBytes } from "./upload-fixtures";
import { insertUser } from "./user-fixtures";
import { enroll } from "@/lib/learning/enroll";
import { startSubmissionUpload } from "@/lib/assignments/submission-upload";
import { completeUpload } from "@/lib/uploads";
import type { SignedInAccount } from "@/lib/users/session-user";

/**
 * For the assignment lib tests: a published course with a reading lesson and an assignment, written straight to the test
 * database (the editor's API is tested on its own), and a learner's file uploaded through the real upload flow.
 */

export type AssignmentFixture = {
  courseId: string;
  moduleId: string;
  readingLessonId: string;
  lessonId: string;
  instructor: Awaited<ReturnType<typeof insertUser>>;
};

export async function assignmentCourse(settings: Partial<NewAssignment> = {}): Promise<AssignmentFixture> {
  const instructor = await insertUser({ role: "INSTRUCTOR" });
  const [course] = await db
    .insert(courses)
    .values({
      instructorId: instructor.id,
      title: "Essay course",
      description: "d",
      isPublished: true,
      publishedAt: new Date(),
      totalLessons: 2,
    })
    .returning({ id: courses.id });
  const [module] = await db.insert(modules).values({ courseId: course!.id, title: "M" }).returning({ id: modules.id });
  const [reading, task] = await db
    .insert(lessons)
    .values([
      { moduleId: module!.id, title: "Reading", ord: 0 },
      { moduleId: module!.id, title: "Essay", kind: "assignment", ord: 1 },
    ])
    .returning({ id: lessons.id });
  await db.insert(assignments).values({ lessonId: task!.id, instructions: "Write 300 words.", ...settings });
  return { courseId: course!.id, moduleId: module!.id, readingLessonId: reading!.id, lessonId: task!.id, instructor };
}

export async function enrolledLearner(courseId: string) {
  const learner = await insertUser({ role: "LEARNER" });
  await enroll(learner, courseId);
  return learner;
}

/** Uploads `bytes` as the learner's file for the assignment (start, PUT to the local storage route, complete). */
export async function uploadSubmissionFile(
  learner: SignedInAccount,
  f: Pick<AssignmentFixture, "courseId" | "lessonId">,
  bytes: Buffer,
  { fileName = "essay.pdf", contentType = "application/pdf" } = {},
) {
  const started = await startSubmissionUpload(learner, {
    courseId: f.courseId,
    lessonId: f.lessonId,
    fileName,
    contentType,
    size: bytes.length,
  });
  await sendBytes(started, bytes, callStorageRoute);
  const file = await completeUpload(learner, "submission", { uploadId: started.uploadId });
  return { ...file, key: started.key };
}
