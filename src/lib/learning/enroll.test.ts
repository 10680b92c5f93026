import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { withTestDatabase } from "../../../tests/helpers/test-database";
import { insertUser } from "../../../tests/helpers/user-fixtures";
import { db } from "@/lib/db/client";
import { courses, enrollments } from "@/lib/db/schema";
import { AppError } from "@/lib/http/errors";
import { enroll } from "./enroll";

withTestDatabase();

async function course(published: boolean) {
  const instructor = await insertUser({ role: "INSTRUCTOR" });
  const [row] = await db
    .insert(courses)
    .values({ instructorId: instructor.id, title: "Enroll", description: "d", isPublished: published, enrollmentCount: 7 })
    .returning({ id: courses.id });
  return { courseId: row!.id, instructor };
}

const countOf = async (courseId: string) => (await db.select().from(courses).where(eq(courses.id, courseId)))[0]!.enrollmentCount;
const statusOf = (p: Promise<unknown>) =>
  p.then(
    () => 200,
    (e: unknown) => (e instanceof AppError ? e.status : 500),
  );

describe("enroll", () => {
  it("makes one enrollment of 20 concurrent requests, and moves enrollment_count by one", async () => {
    const { courseId } = await course(true);
    const learner = await insertUser({ role: "LEARNER" });
    const results = await Promise.all(Array.from({ length: 20 }, () => enroll(learner, courseId)));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.enrollment.id)).size).toBe(1);
    expect(await db.select().from(enrollments).where(eq(enrollments.courseId, courseId))).toHaveLength(1);
    expect(await countOf(courseId)).toBe(8);
  });

  it("counts each learner once when many learners enroll at once", async () => {
    const { courseId } = await course(true);
    const learners = await Promise.all(Array.from({ length: 10 }, () => insertUser({ role: "LEARNER" })));
    await Promise.all(learners.flatMap((l) => [enroll(l, courseId), enroll(l, courseId)]));
    expect(await countOf(courseId)).toBe(17);
  });

  it("refuses a draft with 404 to a learner, 409 to its instructor, and anyone signed out with 401", async () => {
    const { courseId: draft, instructor } = await course(false);
    const { courseId: published } = await course(true);
    const learner = await insertUser({ role: "LEARNER" });
    expect(await statusOf(enroll(learner, draft))).toBe(404);
    expect(await statusOf(enroll(instructor, draft))).toBe(409);
    expect(await statusOf(enroll(null, published))).toBe(401);
    expect(await db.select().from(enrollments)).toHaveLength(0);
  });
});
