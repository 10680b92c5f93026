import { describe, expect, it } from "vitest";
import { withTestDatabase } from "../../../tests/helpers/test-database";
import { insertUser } from "../../../tests/helpers/user-fixtures";
import { db } from "@/lib/db/client";
import { categories, courses, enrollments } from "@/lib/db/schema";
import { listPopularInMyCategories } from "./dashboard";

withTestDatabase();

async function course(instructorId: string, title: string, category: string | null, enrollmentCount: number, isPublished = true) {
  if (category) await db.insert(categories).values({ name: category }).onConflictDoNothing();
  const [row] = await db
    .insert(courses)
    .values({ instructorId, title, category, enrollmentCount, isPublished })
    .returning({ id: courses.id });
  return row!.id;
}

describe("listPopularInMyCategories", () => {
  it("lists the most enrolled published courses in the learner's categories, without the ones they are in", async () => {
    const instructor = await insertUser({ role: "INSTRUCTOR" });
    const learner = await insertUser();
    const taken = await course(instructor.id, "Taken", "Data", 50);
    await course(instructor.id, "Quiet", "Data", 1);
    await course(instructor.id, "Busy", "Data", 30);
    await course(instructor.id, "Draft", "Data", 99, false);
    await course(instructor.id, "Elsewhere", "Design", 80);
    await course(instructor.id, "Uncategorised", null, 70);
    await db.insert(enrollments).values({ courseId: taken, learnerId: learner.id });

    const popular = await listPopularInMyCategories(learner);
    expect(popular.map((c) => [c.title, c.enrollmentCount])).toEqual([
      ["Busy", 30],
      ["Quiet", 1],
    ]);
    expect(popular[0]).toMatchObject({ category: "Data", instructorName: instructor.name, thumbnailUrl: null, totalLessons: 0 });

    // Another learner's enrollments say nothing about this one's categories.
    const newcomer = await insertUser();
    expect(await listPopularInMyCategories(newcomer)).toEqual([]);
  });
});
