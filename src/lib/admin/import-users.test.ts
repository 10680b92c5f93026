import fs from "node:fs";
import path from "node:path";
import { and, count, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { readMail } from "../../../tests/helpers/mail-text";
import { readImportCsv, resultCsv } from "@/components/admin/user-import-csv";
import { withTestDatabase } from "../../../tests/helpers/test-database";
import { withMailWorker } from "../../../tests/helpers/mail-worker";
import { insertUser, userRow } from "../../../tests/helpers/user-fixtures";
import { env } from "@/env";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { cohortCourses, cohortMembers, cohorts, courses, enrollments, invitations, users } from "@/lib/db/schema";
import { acceptInvitation } from "@/lib/invitations/invitations";
import { importRequestSchema, type ImportRowInput } from "@/lib/validation/user-import";
import { importUsers } from "./import-users";

const database = withTestDatabase();
const mail = withMailWorker(database);

const tag = () => Math.random().toString(36).slice(2, 8);
const run = (rows: Partial<ImportRowInput>[], options: { dryRun?: boolean; invite?: boolean } = {}) =>
  importRequestSchema.parse({ rows: rows.map((r, i) => ({ line: i + 2, email: "", ...r })), ...options });

async function course(instructorId: string, title: string) {
  const slug = `${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${tag()}`;
  const [row] = await db
    .insert(courses)
    .values({ instructorId, title, slug, isPublished: true })
    .returning({ id: courses.id, slug: courses.slug });
  return row!;
}

/** The outbox files to this address, once the queued mail has gone out. */
/** The invitation mails sent to the address (its notifications, such as "You are enrolled", are not counted). */
async function mailsTo(address: string) {
  await mail.drain();
  return fs.existsSync(env.mailDir)
    ? fs
        .readdirSync(env.mailDir)
        .filter((f) => f.endsWith(`-${address}.eml`))
        .filter((f) => readMail(fs.readFileSync(path.join(env.mailDir, f), "utf8")).subject.includes("invited"))
    : [];
}

/** Every row count the import may touch, to show a repeat (or a dry run) changes nothing. */
async function digest() {
  const counts = await Promise.all(
    [users, cohorts, cohortMembers, enrollments, invitations].map(async (t) => (await db.select({ n: count() }).from(t))[0]!.n),
  );
  const sums = await db.select({ id: courses.id, n: courses.enrollmentCount }).from(courses).orderBy(courses.id);
  await mail.drain();
  const mails = fs.existsSync(env.mailDir) ? fs.readdirSync(env.mailDir).length : 0;
  return { counts, sums, mails };
}

describe("bulk import of users", () => {
  it("writes the good rows, reports each bad row with its reason, and a repeat changes nothing", async () => {
    const admin = await insertUser({ role: "ADMIN" });
    const teacher = await insertUser({ role: "INSTRUCTOR" });
    const botany = await course(teacher.id, `Botany ${tag()}`);
    const [chem] = await db
      .insert(courses)
      .values({ instructorId: teacher.id, title: `Chemistry ${tag()}`, slug: `chemistry-${tag()}`, isPublished: true })
      .returning();
    const existing = await insertUser({ email: `kept-${tag()}@example.test` });
    const nameless = await insertUser({ email: `nameless-${tag()}@example.test` });
    await db.update(users).set({ name: null }).where(eq(users.id, nameless.id));
    const disabled = await insertUser({ email: `off-${tag()}@example.test`, disabled: true });
    const cohortName = `Class ${tag()}`;
    const a = `ada-${tag()}@example.test`;
    const b = `bo-${tag()}@example.test`;
    const rows = [
      { name: "Ada Learner", email: a.toUpperCase(), role: "", cohort: cohortName, courses: botany.slug },
      { name: "Bo Teacher", email: b, role: "Instructor", cohort: "", courses: `${chem!.title.toLowerCase()}; ${botany.slug}` },
      { name: "Someone Else", email: existing.email, role: "instructor", cohort: cohortName.toUpperCase(), courses: "" },
      { name: "Filled In", email: nameless.email, role: "learner", cohort: "", courses: botany.slug },
      { name: "Dup", email: a, role: "", cohort: "", courses: "" },
      { name: "Bad", email: "not-an-address", role: "", cohort: "", courses: "" },
      { name: "Boss", email: `boss-${tag()}@example.test`, role: "admin", cohort: "", courses: "" },
      { name: "Lost", email: `lost-${tag()}@example.test`, role: "", cohort: "", courses: "no-such-course" },
      { name: "", email: `anon-${tag()}@example.test`, role: "", cohort: "", courses: "" },
      { name: "Off", email: disabled.email, role: "", cohort: "", courses: botany.slug },
    ];

    const before = await digest();
    const preview = await importUsers(admin, run(rows, { dryRun: true }));
    expect(await digest()).toEqual(before);

    const { results } = await importUsers(admin, run(rows));
    // The dry run said exactly what the real run did.
    expect(preview.results).toEqual(results);
    expect(results.map((r) => [r.line, r.outcome])).toEqual([
      [2, "created"],
      [3, "created"],
      [4, "updated"],
      [5, "updated"],
      [6, "skipped"],
      [7, "skipped"],
      [8, "skipped"],
      [9, "skipped"],
      [10, "skipped"],
      [11, "skipped"],
    ]);
    expect(results[0]!.changes).toEqual([
      "account created (learner)",
      "invitation mailed",
      `enrolled in ${(await db.select().from(courses).where(eq(courses.id, botany.id)))[0]!.title}`,
      `joined cohort ${cohortName} (new)`,
    ]);
    expect(results[2]!.changes).toEqual(["role: instructor", `joined cohort ${cohortName} (new)`]);
    expect(results[3]!.changes).toEqual(["name set", expect.stringMatching(/^enrolled in Botany/)]);
    expect(results.slice(4).map((r) => r.reason)).toEqual([
      "This address is on line 2 too.",
      "Enter a valid e-mail address.",
      "The role is learner or instructor (or empty for learner); admins are invited from Invitations.",
      "There is no course “no-such-course” (name a course by its slug or its exact title).",
      "A new account needs a name.",
      "This account is disabled: enable it on its page first.",
    ]);

    // What was written: accounts without a password, the admin's enrollments, the cohort, the invitations.
    const [ada] = await db.select().from(users).where(eq(users.email, a));
    expect(ada).toMatchObject({ name: "Ada Learner", role: "LEARNER", passwordHash: null, emailVerified: null });
    const [bo] = await db.select().from(users).where(eq(users.email, b));
    expect(bo!.role).toBe("INSTRUCTOR");
    expect(await userRow(existing.id)).toMatchObject({ role: "INSTRUCTOR", name: existing.name });
    expect((await userRow(nameless.id)).name).toBe("Filled In");
    const [cohort] = await db.select().from(cohorts).where(eq(cohorts.name, cohortName));
    const members = await db.select({ userId: cohortMembers.userId }).from(cohortMembers).where(eq(cohortMembers.cohortId, cohort!.id));
    expect(members.map((m) => m.userId).sort()).toEqual([ada!.id, existing.id].sort());
    const botanyRows = await db.select().from(enrollments).where(eq(enrollments.courseId, botany.id));
    expect(botanyRows.map((e) => e.learnerId).sort()).toEqual([ada!.id, bo!.id, nameless.id].sort());
    expect(botanyRows.every((e) => e.enrolledBy === admin.id)).toBe(true);
    const [botanyCourse] = await db.select().from(courses).where(eq(courses.id, botany.id));
    expect(botanyCourse!.enrollmentCount).toBe(3);
    const sent = await db
      .select()
      .from(invitations)
      .where(inArray(invitations.email, [a, b]));
    expect(sent.map((i) => [i.email, i.role, i.invitedBy]).sort()).toEqual(
      [
        [a, "LEARNER", admin.id],
        [b, "INSTRUCTOR", admin.id],
      ].sort(),
    );
    expect(await mailsTo(a)).toHaveLength(1);
    expect(await mailsTo(existing.email)).toHaveLength(0);

    // The same file again: nothing changes, and the report says so row by row.
    const after = await digest();
    const again = await importUsers(admin, run(rows));
    expect(await digest()).toEqual(after);
    expect(again.results.slice(0, 4).map((r) => [r.outcome, r.changes])).toEqual([
      ["unchanged", []],
      ["unchanged", []],
      ["unchanged", []],
      ["unchanged", []],
    ]);
    expect(again.results.slice(4).map((r) => r.reason)).toEqual(results.slice(4).map((r) => r.reason));
  });

  it("enrolls imported members of a cohort in its linked courses with the link's end date; without invite, no mail", async () => {
    const admin = await insertUser({ role: "ADMIN" });
    const teacher = await insertUser({ role: "INSTRUCTOR" });
    const linked = await course(teacher.id, `Linked ${tag()}`);
    const [cohort] = await db
      .insert(cohorts)
      .values({ name: `Linked class ${tag()}` })
      .returning();
    const endsAt = new Date("2031-06-30T23:59:00Z");
    await db.insert(cohortCourses).values({ cohortId: cohort!.id, courseId: linked.id, endsAt });
    const email = `member-${tag()}@example.test`;
    const { results } = await importUsers(admin, run([{ name: "Member", email, cohort: cohort!.name }], { invite: false }));
    expect(results[0]).toMatchObject({
      outcome: "created",
      changes: ["account created (learner)", `joined cohort ${cohort!.name}`, expect.stringMatching(/^enrolled in Linked .* \(cohort /)],
    });
    const [member] = await db.select().from(users).where(eq(users.email, email));
    const [row] = await db
      .select()
      .from(enrollments)
      .where(and(eq(enrollments.courseId, linked.id), eq(enrollments.learnerId, member!.id)));
    expect(row!.endsAt).toEqual(endsAt);
    expect(await mailsTo(email)).toHaveLength(0);
    expect(await db.select().from(invitations).where(eq(invitations.email, email))).toHaveLength(0);
  });

  it("an imported learner claims the account through the mailed invitation and lands in their course", async () => {
    const admin = await insertUser({ role: "ADMIN" });
    const teacher = await insertUser({ role: "INSTRUCTOR" });
    const target = await course(teacher.id, `Landing ${tag()}`);
    const email = `claim-${tag()}@example.test`;
    await importUsers(admin, run([{ name: "Imported Name", email, courses: target.slug }]));
    const [mailed] = await mailsTo(email);
    const token = readMail(fs.readFileSync(`${env.mailDir}/${mailed}`, "utf8")).text.match(/\/invite\/([A-Za-z0-9_-]+)/)![1]!;
    const password = "quiet-harbour-lamp-7";
    const accepted = await acceptInvitation({ token, name: "Chosen Name", password }, "198.51.100.77");
    expect(accepted.next).toBe(`/my-courses/${target.id}`);
    const row = await userRow(accepted.userId);
    expect(row).toMatchObject({ email, name: "Chosen Name", role: "LEARNER" });
    expect(row.emailVerified).not.toBeNull();
    expect(await verifyPassword(password, row.passwordHash!)).toBe(true);
    await expect(acceptInvitation({ token, name: "Again", password }, "198.51.100.78")).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("refuses non-admins, and batches past the limit", async () => {
    const teacher = await insertUser({ role: "INSTRUCTOR" });
    await expect(importUsers(teacher, run([{ name: "X", email: `x-${tag()}@example.test` }]))).rejects.toMatchObject({ code: "FORBIDDEN" });
    const tooMany = Array.from({ length: 251 }, (_, i) => ({ line: i + 2, email: `r${i}@example.test` }));
    expect(importRequestSchema.safeParse({ rows: tooMany }).success).toBe(false);
  });
});

describe("the import file", () => {
  it("reads a CSV with its header in any order and case, answers repeated addresses itself, and writes the result file", async () => {
    const admin = await insertUser({ role: "ADMIN" });
    const a = `csv-a-${tag()}@example.test`;
    const text = [
      "\uFEFFEmail;Name;Cohort;Role;Courses;Notes",
      `${a};"Lovelace; Ada";;learner;;first`,
      `${a.toUpperCase()};Ada Again;;;;`,
      `"=cmd|' /C calc'!A0@example.test";Formula;;;;`,
      "",
    ].join("\r\n");
    const read = readImportCsv(text);
    if ("error" in read) throw new Error(read.error);
    expect(read.ignoredColumns).toEqual(["notes"]);
    expect(read.rows).toEqual([
      { line: 2, name: "Lovelace; Ada", email: a, role: "learner", cohort: "", courses: "" },
      { line: 4, name: "Formula", email: "=cmd|' /C calc'!A0@example.test", role: "", cohort: "", courses: "" },
    ]);
    expect(read.local).toEqual([{ line: 3, email: a, outcome: "skipped", changes: [], reason: "This address is on line 2 too." }]);

    const { results } = await importUsers(admin, importRequestSchema.parse({ rows: read.rows, invite: false }));
    expect(results.map((r) => r.outcome)).toEqual(["created", "skipped"]);
    const csv = resultCsv([...results, ...read.local]).split("\r\n");
    expect(csv[0]).toBe("line,email,outcome,changes,reason");
    expect(csv[1]).toBe(`2,${a},created,account created (learner),`);
    expect(csv[2]).toBe(`3,${a},skipped,,This address is on line 2 too.`);
    // A cell a spreadsheet would run as a formula is quoted with a leading apostrophe.
    expect(csv[3]).toMatch(/^4,"'=cmd/);

    expect(readImportCsv("name,role\nAda,learner")).toEqual({ error: expect.stringContaining("“email” column") });
    expect(readImportCsv("email\n")).toEqual({ error: "The file has a header row but no rows." });
  });
});
