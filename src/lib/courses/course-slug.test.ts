import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { withTestDatabase } from "../../../tests/helpers/test-database";
import { insertUser } from "../../../tests/helpers/user-fixtures";
import { db } from "@/lib/db/client";
import { courseSlugRedirects, courses } from "@/lib/db/schema";
import { AppError } from "@/lib/http/errors";
import { locateCourse } from "./course-slug";
import { createCourse, updateCourse } from "./manage-course";

withTestDatabase();

const statusOf = (p: Promise<unknown>) =>
  p.then(
    () => 200,
    (e: unknown) => (AppError.is(e) ? e.status : 500),
  );
const redirectsOf = async (courseId: string) =>
  (await db.select({ slug: courseSlugRedirects.slug }).from(courseSlugRedirects).where(eq(courseSlugRedirects.courseId, courseId)))
    .map((r) => r.slug)
    .sort();
const publish = (courseId: string) => db.update(courses).set({ isPublished: true }).where(eq(courses.id, courseId));

describe("course slugs", () => {
  it("makes the slug from the title at creation, unique with -2, -3 whoever owns the other courses", async () => {
    const [ada, alan] = await Promise.all([insertUser({ role: "INSTRUCTOR" }), insertUser({ role: "INSTRUCTOR" })]);
    const first = await createCourse(ada, { title: "Introduction to Python" });
    const second = await createCourse(alan, { title: "Introduction to  PYTHON!" });
    const third = await createCourse(ada, { title: "introduction to python" });
    expect([first.slug, second.slug, third.slug]).toEqual([
      "introduction-to-python",
      "introduction-to-python-2",
      "introduction-to-python-3",
    ]);
    const accented = await createCourse(ada, { title: "Écrire en français" });
    expect(accented.slug).toBe("ecrire-en-francais");
  });

  it("gives titles without Latin letters readable, distinct slugs", async () => {
    const ada = await insertUser({ role: "INSTRUCTOR" });
    const a = await createCourse(ada, { title: "日本語入門" });
    const b = await createCourse(ada, { title: "مقدمة في البرمجة" });
    const c = await createCourse(ada, { title: "Введение в статистику" });
    expect([a.slug, b.slug, c.slug]).toEqual(["course", "course-2", "vvedenie-v-statistiku"]);
  });

  it("assigns distinct slugs to courses created at the same moment", async () => {
    const ada = await insertUser({ role: "INSTRUCTOR" });
    const made = await Promise.all(Array.from({ length: 8 }, () => createCourse(ada, { title: "Same title" })));
    expect(new Set(made.map((c) => c.slug)).size).toBe(8);
    expect(made.map((c) => c.slug).sort()).toContain("same-title-8");
  });

  it("follows a rename, keeps the old slug redirecting, and takes it back when the title returns", async () => {
    const ada = await insertUser({ role: "INSTRUCTOR" });
    const course = await createCourse(ada, { title: "SQL basics" });
    await publish(course.id);

    const renamed = await updateCourse(ada, course.id, { title: "SQL for Analysts" });
    expect(renamed.slug).toBe("sql-for-analysts");
    expect(await redirectsOf(course.id)).toEqual(["sql-basics"]);
    expect(await locateCourse(null, "sql-basics")).toEqual({ id: course.id, slug: "sql-for-analysts", current: false });
    expect(await locateCourse(null, "sql-for-analysts")).toEqual({ id: course.id, slug: "sql-for-analysts", current: true });

    // Saving other fields, or a title that makes the same slug, moves nothing.
    expect((await updateCourse(ada, course.id, { description: "Queries." })).slug).toBe("sql-for-analysts");
    expect((await updateCourse(ada, course.id, { title: "SQL for analysts!" })).slug).toBe("sql-for-analysts");
    expect(await redirectsOf(course.id)).toEqual(["sql-basics"]);

    const back = await updateCourse(ada, course.id, { title: "SQL Basics" });
    expect(back.slug).toBe("sql-basics");
    expect(await redirectsOf(course.id)).toEqual(["sql-for-analysts"]);
    expect((await locateCourse(null, "sql-for-analysts")).slug).toBe("sql-basics");
  });

  it("never gives another course a slug that still redirects, so old links keep their course", async () => {
    const ada = await insertUser({ role: "INSTRUCTOR" });
    const old = await createCourse(ada, { title: "Spreadsheets" });
    await publish(old.id);
    await updateCourse(ada, old.id, { title: "Statistics with Spreadsheets" });
    const newcomer = await createCourse(ada, { title: "Spreadsheets" });
    expect(newcomer.slug).toBe("spreadsheets-2");
    expect((await locateCourse(null, "spreadsheets")).id).toBe(old.id);
    // A rename into the other course's old slug is numbered too.
    const other = await createCourse(ada, { title: "Anything" });
    expect((await updateCourse(ada, other.id, { title: "Spreadsheets" })).slug).toBe("spreadsheets-3");
  });

  it("renames a course whose title ends in a large number", async () => {
    const ada = await insertUser({ role: "INSTRUCTOR" });
    const course = await createCourse(ada, { title: "Cache probe 1796004352448" });
    expect((await updateCourse(ada, course.id, { title: "Cache probe 1796004352448 (edited)" })).slug).toBe(
      "cache-probe-1796004352448-edited",
    );
    expect((await updateCourse(ada, course.id, { title: "Release 2024" })).slug).toBe("release-2024");
    // "release-2024" reads like a numbered "release", but "release" is free: the course takes it.
    expect((await updateCourse(ada, course.id, { title: "Release" })).slug).toBe("release");
  });

  it("keeps a numbered slug when the new title makes the same base", async () => {
    const ada = await insertUser({ role: "INSTRUCTOR" });
    await createCourse(ada, { title: "Intro to SQL" });
    const second = await createCourse(ada, { title: "Intro to SQL" });
    expect(second.slug).toBe("intro-to-sql-2");
    expect((await updateCourse(ada, second.id, { title: "Intro to SQL." })).slug).toBe("intro-to-sql-2");
    expect(await redirectsOf(second.id)).toEqual([]);
  });

  it("finds a course by slug, old slug, id or another case, and says when the URL is not the current one", async () => {
    const ada = await insertUser({ role: "INSTRUCTOR" });
    const course = await createCourse(ada, { title: "Web Accessibility" });
    await publish(course.id);
    expect(await locateCourse(null, "web-accessibility")).toEqual({ id: course.id, slug: "web-accessibility", current: true });
    expect(await locateCourse(null, course.id)).toEqual({ id: course.id, slug: "web-accessibility", current: false });
    expect(await locateCourse(null, "Web-Accessibility")).toEqual({ id: course.id, slug: "web-accessibility", current: false });
    for (const missing of ["nothing-here", crypto.randomUUID(), "x".repeat(300), "%00"]) {
      expect(await statusOf(locateCourse(null, missing)), missing).toBe(404);
    }
  });

  it("hides a draft's slug, old slugs and id from everyone but its editors", async () => {
    const [owner, other, learner, admin] = await Promise.all([
      insertUser({ role: "INSTRUCTOR" }),
      insertUser({ role: "INSTRUCTOR" }),
      insertUser({ role: "LEARNER" }),
      insertUser({ role: "ADMIN" }),
    ]);
    const draft = await createCourse(owner, { title: "Secret plans" });
    await updateCourse(owner, draft.id, { title: "Secret plans, revised" });
    for (const segment of ["secret-plans-revised", "secret-plans", draft.id]) {
      for (const viewer of [null, other, learner]) expect(await statusOf(locateCourse(viewer, segment)), segment).toBe(404);
      for (const viewer of [owner, admin]) expect((await locateCourse(viewer, segment)).slug).toBe("secret-plans-revised");
    }
  });

  it("prefers the course whose current slug it is over one whose id or old slug matches", async () => {
    const ada = await insertUser({ role: "INSTRUCTOR" });
    const a = await createCourse(ada, { title: "Alpha" });
    await updateCourse(ada, a.id, { title: "Beta" });
    // A course literally titled with the other course's id gets that id as its slug.
    const b = await createCourse(ada, { title: a.id });
    await Promise.all([publish(a.id), publish(b.id)]);
    expect(b.slug).toBe(a.id);
    expect((await locateCourse(null, a.id)).id).toBe(b.id);
    expect((await locateCourse(null, "alpha")).id).toBe(a.id);
  });
});
