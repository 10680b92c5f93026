import "server-only";
import { eq, inArray } from "drizzle-orm";
import { removeStoredObjects } from "@/lib/courses/remove-stored-objects";
import { db } from "@/lib/db/client";
import { courses, lessons, modules, users } from "@/lib/db/schema";
import { storageKeys } from "@/lib/storage/keys";
import { demoAccounts } from "./seed-demo-data";

/**
 * The demo accounts' password is in the README, so a real site must not keep them. These find them and remove them with
 * everything they own, for the start-up check (src/lib/db/prepare-database.ts) and `npm run demo:remove`.
 */

const demoEmails = demoAccounts.map((a) => a.email);

/** The demo accounts this database still holds. */
export async function demoAccountsPresent(): Promise<string[]> {
  const rows = await db.select({ email: users.email }).from(users).where(inArray(users.email, demoEmails));
  return rows.map((r) => r.email).sort();
}

/**
 * Deletes the demo accounts, the courses they teach (with their modules, lessons, materials, enrollments and progress)
 * and, once that has committed, those courses' stored files. Other users and their courses stay as they are.
 */
export async function removeDemoAccounts(): Promise<{ users: number; courses: number }> {
  const { courseIds, lessonIds, removed } = await db.transaction(async (tx) => {
    const owners = await tx.select({ id: users.id }).from(users).where(inArray(users.email, demoEmails));
    const ownerIds = owners.map((o) => o.id);
    if (ownerIds.length === 0) return { courseIds: [], lessonIds: [], removed: 0 };
    const owned = await tx.select({ id: courses.id }).from(courses).where(inArray(courses.instructorId, ownerIds));
    const courseIds = owned.map((c) => c.id);
    const lessonRows = courseIds.length
      ? await tx
          .select({ id: lessons.id })
          .from(lessons)
          .innerJoin(modules, eq(modules.id, lessons.moduleId))
          .where(inArray(modules.courseId, courseIds))
      : [];
    if (courseIds.length) await tx.delete(courses).where(inArray(courses.id, courseIds));
    await tx.delete(users).where(inArray(users.id, ownerIds));
    return { courseIds, lessonIds: lessonRows.map((l) => l.id), removed: ownerIds.length };
  });
  await removeStoredObjects({
    prefixes: [...courseIds.map((id) => storageKeys.coursePrefix(id)), ...lessonIds.map((id) => storageKeys.lessonPrefix(id))],
  });
  return { users: removed, courses: courseIds.length };
}
