import { describe, expect, it } from "vitest";
import { ApiClient, newAccount } from "../helpers/api-client";
import { createCourseTree } from "../helpers/authoring";
import { enrollIn } from "../helpers/learning-fixtures";
import { describeStaleness, sameBrowserOn, scale, timeUntil, type Staleness } from "./scale-env";

/**
 * Each instance keeps caches of its own (src/lib/courses/search-catalog.ts, src/lib/analytics/shared-figures.ts). A
 * change made through instance A must show on instance B within the stated bounds: the catalog and a course's page
 * within 2 s, a course's analytics within 5 s. B's caches are filled just before each change, the worst case, and B is
 * polled until it shows the change: no request sent to B later than the bound after the change may get the old state.
 * The measured staleness (the last probe that got the old state, the first that got the new) is printed. The pages are
 * asked for as a browser's page load asks (Accept: text/html), so a visitor's copy comes from B's public page cache
 * (src/lib/http/public-page-cache.ts).
 */
const CATALOG_BOUND_MS = 2000;
const ANALYTICS_BOUND_MS = 5000;

type Catalog = { courses: { id: string; title: string }[] };
type Detail = { course: { id: string; title: string; slug: string } };

const measured: string[] = [];

describe("per-instance caches across instances", () => {
  it("a course published, edited and unpublished on A shows in B's catalog and course page within 2 s", async () => {
    const { client: instructorOnA } = await newAccount("INSTRUCTOR", "scale-cache");
    const visitorOnB = new ApiClient(scale.b);
    const catalogOnB = async () => (await visitorOnB.get("/api/courses")).json<Catalog>().courses;
    const asBrowser = { headers: { accept: "text/html" } };
    const catalogPageOnB = async () => (await visitorOnB.get("/courses", asBrowser)).text;
    const detailOnB = (courseId: string) => visitorOnB.get(`/api/courses/${courseId}`);
    // The course's page at the address it was published at (after a new title, that address sends on to the new one).
    let slug = "";
    const coursePageOnB = async () => {
      const first = await visitorOnB.get(`/courses/${slug}`, asBrowser);
      return first.location ? visitorOnB.get(first.location, asBrowser) : first;
    };
    const fill = async (courseId?: string) => {
      await catalogOnB();
      await catalogPageOnB();
      if (courseId) await detailOnB(courseId);
      if (slug) await coursePageOnB();
    };

    const title = `Scale cache ${Date.now()}`;
    const { courseId } = await createCourseTree(instructorOnA, { title });
    await fill(courseId);
    expect((await catalogOnB()).some((c) => c.id === courseId)).toBe(false);

    expect((await instructorOnA.post(`/api/instructor/courses/${courseId}/publish`, { published: true })).status).toBe(200);
    const published = await Promise.all([
      timeUntil(async () => (await catalogOnB()).some((c) => c.id === courseId)),
      timeUntil(async () => (await catalogPageOnB()).includes(title)),
      timeUntil(async () => (await detailOnB(courseId)).status === 200),
    ]);
    slug = (await detailOnB(courseId)).json<Detail>().course.slug;

    await fill(courseId);
    const edited = `${title} edited`;
    expect((await instructorOnA.patch(`/api/instructor/courses/${courseId}`, { title: edited })).status).toBe(200);
    const editedMs = await Promise.all([
      timeUntil(async () => (await catalogOnB()).some((c) => c.title === edited)),
      timeUntil(async () => (await catalogPageOnB()).includes(edited)),
      timeUntil(async () => (await detailOnB(courseId)).json<Detail>().course.title === edited),
      timeUntil(async () => (await coursePageOnB()).text.includes(edited)),
    ]);

    await fill(courseId);
    expect((await instructorOnA.post(`/api/instructor/courses/${courseId}/publish`, { published: false })).status).toBe(200);
    const unpublished = await Promise.all([
      timeUntil(async () => !(await catalogOnB()).some((c) => c.id === courseId)),
      timeUntil(async () => !(await catalogPageOnB()).includes(edited)),
      timeUntil(async () => (await detailOnB(courseId)).status === 404),
      timeUntil(async () => (await coursePageOnB()).status === 404),
    ]);

    const line = (what: string, [api, page, detail, coursePage]: Staleness[]) =>
      `${what}: catalog API ${describeStaleness(api!)}; catalog page ${describeStaleness(page!)}; course API ${describeStaleness(detail!)}` +
      (coursePage ? `; course page ${describeStaleness(coursePage)}` : "");
    measured.push(line("published", published), line("edited", editedMs), line("unpublished", unpublished));
    // A request sent later than the bound after the change must not see the old state.
    for (const { staleMs } of [...published, ...editedMs, ...unpublished]) expect(staleMs).toBeLessThan(CATALOG_BOUND_MS);
  });

  it("a completion on A shows in the course's analytics on B within 5 s", async () => {
    const owner = await newAccount("INSTRUCTOR", "scale-analytics");
    const learner = await newAccount("LEARNER", "scale-analytics-learner");
    const { courseId, lessonId } = await createCourseTree(owner.client, { published: true, title: `Scale analytics ${Date.now()}` });
    await enrollIn(learner.client, courseId);
    const ownerOnB = sameBrowserOn(scale.b, owner.client);
    const completionsOnB = async () => {
      const response = await ownerOnB.get(`/api/instructor/courses/${courseId}/analytics?range=all`);
      expect(response.status).toBe(200);
      return response.json<{ summary: { completions: number } }>().summary.completions;
    };
    // B computes and keeps the figures now; the completion comes right after, on A.
    expect(await completionsOnB()).toBe(0);
    const learnerOnA = sameBrowserOn(scale.a, learner.client);
    const done = await learnerOnA.post(`/api/my-courses/${courseId}/lessons/${lessonId}/complete`, { completed: true });
    expect(done.status).toBe(200);
    const staleness = await timeUntil(async () => (await completionsOnB()) === 1, { everyMs: 100 });
    measured.push(`completion → analytics on B: ${describeStaleness(staleness)}`);
    expect(staleness.staleMs).toBeLessThan(ANALYTICS_BOUND_MS);
  });

  it("prints what it measured", () => {
    console.info(
      `[scale] staleness across instances (bounds: catalog ${CATALOG_BOUND_MS} ms, analytics ${ANALYTICS_BOUND_MS} ms)\n  ${measured.join("\n  ")}`,
    );
    expect(measured.length).toBe(4);
  });
});
