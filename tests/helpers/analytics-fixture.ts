/**
 * Tests only: a small platform whose analytics were worked out by hand (the figures are written as literals in the test
 * files, with the reasoning beside them). Every instant is fixed relative to NOW, so the answers do not move with the
 * clock. NOW is a Wednesday: the 30-day range is 2026-02-17 … 2026-03-18, the 7-day range 2026-03-12 … 2026-03-18.
 */
import { eq } from "drizzle-orm";
import { insertUser } from "./user-fixtures";
import { db } from "@/lib/db/client";
import { courseMaterials, courses, enrollments, lessonProgress, lessons, modules, users } from "@/lib/db/schema";
import { AppError } from "@/lib/http/errors";
import { analyticsQuerySchema } from "@/lib/validation/analytics";

export const NOW = new Date("2026-03-18T12:00:00.000Z");
const at = (iso: string) => new Date(iso);

/** Fixed enrollment ids, so that ties in a sort break in a known order (e1 < e2 < …). */
export const enrollmentId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

async function user(role: "ADMIN" | "INSTRUCTOR" | "LEARNER", name: string | null, email: string, createdAt: string) {
  const u = await insertUser({ role, email });
  await db
    .update(users)
    .set({ name, createdAt: at(createdAt) })
    .where(eq(users.id, u.id));
  return { ...u, name };
}

async function course(instructorId: string, title: string, isPublished: boolean) {
  const [row] = await db
    .insert(courses)
    .values({ instructorId, title, isPublished, description: "About it." })
    .returning({ id: courses.id });
  return row!.id;
}

export async function buildAnalyticsFixture() {
  const admin = await user("ADMIN", "Ada Admin", "ada@example.test", "2026-02-01T00:00:00Z");
  const instructor = await user("INSTRUCTOR", "Ivy Instructor", "ivy@example.test", "2026-02-01T00:00:00Z");
  const otherInstructor = await user("INSTRUCTOR", "Otto Other", "otto@example.test", "2026-02-01T00:00:00Z");
  const alice = await user("LEARNER", "Alice Zephyr", "alice@example.test", "2026-02-01T00:00:00Z");
  const bob = await user("LEARNER", "bob", "bob@example.test", "2026-03-11T09:00:00Z");
  const carol = await user("LEARNER", "Carol", "c.arol@example.test", "2026-02-01T00:00:00Z");
  const dave = await user("LEARNER", null, "dave@example.test", "2026-03-18T10:00:00Z");

  // "Data": two modules inserted in reverse order, so curriculum order must come from ord, not insertion.
  const data = await course(instructor.id, 'Data, "analysis"', true);
  const [m2] = await db.insert(modules).values({ courseId: data, title: "Module two", ord: 1 }).returning({ id: modules.id });
  const [m1] = await db.insert(modules).values({ courseId: data, title: "Module one", ord: 0 }).returning({ id: modules.id });
  const [l3] = await db.insert(lessons).values({ moduleId: m2!.id, title: "L3", ord: 0 }).returning({ id: lessons.id });
  const [l2] = await db.insert(lessons).values({ moduleId: m1!.id, title: "L2", ord: 1 }).returning({ id: lessons.id });
  const [l1] = await db
    .insert(lessons)
    .values({ moduleId: m1!.id, title: "L1", ord: 0, videoKey: "lessons/l1/video.webm", videoSize: 1000, videoDuration: 100 })
    .returning({ id: lessons.id });
  await db.update(courses).set({ totalLessons: 3 }).where(eq(courses.id, data));
  const [L1, L2, L3] = [l1!.id, l2!.id, l3!.id];

  const noLessons = await course(instructor.id, "No lessons yet", false);
  const noLearners = await course(instructor.id, "No learners yet", true);
  const [nm] = await db.insert(modules).values({ courseId: noLearners, title: "Only module", ord: 0 }).returning({ id: modules.id });
  await db.insert(lessons).values({ moduleId: nm!.id, title: "Only lesson", ord: 0, videoKey: "lessons/x/video.webm", videoSize: 0 });
  await db.update(courses).set({ totalLessons: 1 }).where(eq(courses.id, noLearners));

  const other = await course(otherInstructor.id, "Other course", true);
  const [om] = await db.insert(modules).values({ courseId: other, title: "M", ord: 0 }).returning({ id: modules.id });
  const [ol] = await db
    .insert(lessons)
    .values({ moduleId: om!.id, title: "O1", ord: 0, videoKey: "lessons/o1/video.webm", videoSize: 500 })
    .returning({ id: lessons.id });
  await db.update(courses).set({ totalLessons: 1 }).where(eq(courses.id, other));
  await db.insert(courseMaterials).values([
    { courseId: data, fileName: "a.pdf", fileKey: "courses/a.pdf", fileSize: 200 },
    { courseId: other, lessonId: ol!.id, fileName: "b.pdf", fileKey: "lessons/b.pdf", fileSize: 300 },
  ]);

  await db.insert(enrollments).values([
    // e1: exactly at the start of the 7-day range; finished every lesson.
    {
      id: enrollmentId(1),
      courseId: data,
      learnerId: alice.id,
      enrolledAt: at("2026-03-12T00:00:00.000Z"),
      progress: 100,
      completedAt: at("2026-03-15T10:00:00Z"),
      lastAccessedAt: at("2026-03-15T10:00:00Z"),
    },
    // e2: one millisecond before the 7-day range; one lesson of three.
    {
      id: enrollmentId(2),
      courseId: data,
      learnerId: bob.id,
      enrolledAt: at("2026-03-11T23:59:59.999Z"),
      progress: 33,
      lastAccessedAt: at("2026-03-12T08:00:00Z"),
    },
    // e3: before the 30-day range (which starts 2026-02-17) but completed inside it.
    {
      id: enrollmentId(3),
      courseId: data,
      learnerId: carol.id,
      enrolledAt: at("2026-02-16T12:00:00Z"),
      progress: 100,
      completedAt: at("2026-03-10T09:00:00Z"),
      lastAccessedAt: at("2026-03-10T09:00:00Z"),
    },
    // e4: today, nothing done, never opened.
    { id: enrollmentId(4), courseId: data, learnerId: dave.id, enrolledAt: at("2026-03-18T11:00:00Z"), progress: 0 },
    { id: enrollmentId(5), courseId: noLessons, learnerId: alice.id, enrolledAt: at("2026-03-17T09:00:00Z"), progress: 0 },
    {
      id: enrollmentId(6),
      courseId: other,
      learnerId: carol.id,
      enrolledAt: at("2026-03-14T09:00:00Z"),
      progress: 100,
      completedAt: at("2026-03-17T09:00:00Z"),
    },
  ]);
  const done = (n: number, lessonId: string, completedAt: string, videoPosition = 0, updatedAt = completedAt) => ({
    enrollmentId: enrollmentId(n),
    lessonId,
    completed: true,
    completedAt: at(completedAt),
    videoPosition,
    updatedAt: at(updatedAt),
  });
  await db.insert(lessonProgress).values([
    done(1, L1, "2026-03-13T10:00:00Z", 80),
    // A position saved on a lesson without a video: not an average video position; the latest activity of e1.
    done(1, L2, "2026-03-14T10:00:00Z", 30, "2026-03-16T09:00:00Z"),
    done(1, L3, "2026-03-15T10:00:00Z"),
    done(2, L1, "2026-03-12T08:00:00Z", 40),
    done(3, L1, "2026-02-20T10:00:00Z"),
    done(3, L2, "2026-03-01T10:00:00Z"),
    done(3, L3, "2026-03-10T09:00:00Z"),
    // Carol's completion in the other course is 2026-03-17: active there, and not counted for Ivy's courses.
    done(6, ol!.id, "2026-03-17T09:00:00Z"),
  ]);

  return {
    admin,
    instructor,
    otherInstructor,
    learners: { alice, bob, carol, dave },
    courses: { data, noLessons, noLearners, other },
    lessons: { L1, L2, L3 },
  };
}

export type AnalyticsFixture = Awaited<ReturnType<typeof buildAnalyticsFixture>>;

export const query = (range?: string, bucket?: string) => analyticsQuerySchema.parse({ range, bucket });

/** Consecutive days (or Mondays) from `first`, zero except where `counts` says: the answers' dates written out once. */
export function series(first: string, buckets: number, counts: Record<string, number>, stepDays = 1) {
  const start = Date.parse(`${first}T00:00:00Z`);
  return Array.from({ length: buckets }, (_, i) => {
    const date = new Date(start + i * stepDays * 86_400_000).toISOString().slice(0, 10);
    return { date, count: counts[date] ?? 0 };
  });
}

/** The HTTP status a lib call would answer with: 200, or its AppError's status. */
export const statusOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 200,
    (error: unknown) => (error instanceof AppError ? error.status : 500),
  );
