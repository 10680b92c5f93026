import fs from "node:fs";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { withTestDatabase } from "../../../tests/helpers/test-database";
import { withTestStorage } from "../../../tests/helpers/test-storage";
import { insertUser } from "../../../tests/helpers/user-fixtures";
import { db } from "@/lib/db/client";
import { courses, enrollments, users } from "@/lib/db/schema";
import { demoAccountsPresent, removeDemoAccounts } from "./demo-accounts";
import { seedDemoData } from "./seed-demo-data";

withTestDatabase();
const storage = withTestStorage();

const stored = (dir: string): string[] =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => path.join(e.parentPath, e.name))
    : [];

describe("removing the demo accounts", () => {
  it("finds them, and removes them with their courses and files, leaving everyone else's", async () => {
    await seedDemoData();
    const mine = await insertUser({ role: "INSTRUCTOR", email: "teacher@school.example" });
    const [kept] = await db.insert(courses).values({ instructorId: mine.id, title: "Our own course" }).returning({ id: courses.id });
    // A real learner enrolled in a demo course: the enrollment goes with the course, the learner stays.
    const learner = await insertUser({ email: "pupil@school.example" });
    const [demoCourse] = await db.select({ id: courses.id }).from(courses).where(eq(courses.isPublished, true)).limit(1);
    await db.insert(enrollments).values({ courseId: demoCourse!.id, learnerId: learner.id });
    expect(await demoAccountsPresent()).toHaveLength(8);
    expect(stored(storage.root).length).toBeGreaterThan(0);

    const removed = await removeDemoAccounts();
    expect(removed.users).toBe(8);
    expect(removed.courses).toBeGreaterThan(0);
    expect(await demoAccountsPresent()).toEqual([]);
    expect((await db.select({ email: users.email }).from(users)).map((u) => u.email).sort()).toEqual([
      "pupil@school.example",
      "teacher@school.example",
    ]);
    expect((await db.select({ id: courses.id }).from(courses)).map((c) => c.id)).toEqual([kept!.id]);
    expect((await db.select({ n: count() }).from(enrollments))[0]!.n).toBe(0);
    // The demo courses' videos, handouts and thumbnails are gone from storage.
    expect(stored(storage.root)).toEqual([]);
    expect(await removeDemoAccounts()).toEqual({ users: 0, courses: 0 });
  });
});
