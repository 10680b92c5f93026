import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { withTestDatabase } from "../../../tests/helpers/test-database";
import { withMailWorker } from "../../../tests/helpers/mail-worker";
import { insertUser } from "../../../tests/helpers/user-fixtures";
import { db } from "@/lib/db/client";
import { cohortMembers, cohorts, courses, enrollments, invitations, users } from "@/lib/db/schema";
import { IMPORT_BATCH_SIZE, importRequestSchema, type ImportOutcome } from "@/lib/validation/user-import";
import { importUsers } from "./import-users";

const database = withTestDatabase();
withMailWorker(database);

/** Rows in the file; IMPORT_VOLUME_ROWS=10000 measures a whole school (the figure in the note). */
// eslint-disable-next-line no-restricted-properties -- a knob of this test, not the app's configuration
const ROWS = Number(process.env.IMPORT_VOLUME_ROWS ?? 1_000);

describe("a large import", () => {
  it(`imports ${ROWS} rows batch by batch, as the page sends them, and a repeat changes nothing`, { timeout: 600_000 }, async () => {
    const admin = await insertUser({ role: "ADMIN" });
    const teacher = await insertUser({ role: "INSTRUCTOR" });
    const [course] = await db
      .insert(courses)
      .values({ instructorId: teacher.id, title: "Volume course", slug: `volume-${Date.now()}`, isPublished: true })
      .returning();
    const rows = Array.from({ length: ROWS }, (_, i) => ({
      line: i + 2,
      name: `Learner ${i}`,
      email: `volume-${i}@school.example`,
      role: "learner",
      cohort: "Volume cohort",
      courses: course!.slug,
    }));
    const importAll = async () => {
      const tally: Record<ImportOutcome, number> = { created: 0, updated: 0, unchanged: 0, skipped: 0 };
      const started = performance.now();
      for (let i = 0; i < rows.length; i += IMPORT_BATCH_SIZE) {
        const { results } = await importUsers(
          admin,
          importRequestSchema.parse({ rows: rows.slice(i, i + IMPORT_BATCH_SIZE), invite: true }),
        );
        results.forEach((r) => (tally[r.outcome] += 1));
      }
      return { tally, seconds: (performance.now() - started) / 1000 };
    };

    const first = await importAll();
    console.log(
      `import of ${ROWS} rows (${Math.ceil(ROWS / IMPORT_BATCH_SIZE)} batches, invitations mailed to the outbox): ${first.seconds.toFixed(1)} s`,
    );
    expect(first.tally).toEqual({ created: ROWS, updated: 0, unchanged: 0, skipped: 0 });
    const [cohort] = await db.select().from(cohorts).where(eq(cohorts.name, "Volume cohort"));
    const tallies = async () => ({
      users: (await db.select({ n: count() }).from(users))[0]!.n,
      members: (await db.select({ n: count() }).from(cohortMembers).where(eq(cohortMembers.cohortId, cohort!.id)))[0]!.n,
      enrolled: (await db.select({ n: count() }).from(enrollments).where(eq(enrollments.courseId, course!.id)))[0]!.n,
      counted: (await db.select({ n: courses.enrollmentCount }).from(courses).where(eq(courses.id, course!.id)))[0]!.n,
      invitations: (await db.select({ n: count() }).from(invitations))[0]!.n,
    });
    const after = await tallies();
    expect(after).toEqual({ users: ROWS + 2, members: ROWS, enrolled: ROWS, counted: ROWS, invitations: ROWS });

    const again = await importAll();
    console.log(`the same ${ROWS} rows again: ${again.seconds.toFixed(1)} s`);
    expect(again.tally).toEqual({ created: 0, updated: 0, unchanged: ROWS, skipped: 0 });
    expect(await tallies()).toEqual(after);
  });
});
