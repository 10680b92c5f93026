import { describe, expect, it } from "vitest";
import { analyticsQuerySchema, learnersQuerySchema } from "@/lib/validation/analytics";
import { courseAnalyticsHref, learnersCsvHref, overviewHref, type CourseAnalyticsView } from "./course-analytics-href";
import { bucketLabel, formatSeconds, tickLabel } from "./labels";
import { parseSearch } from "@/lib/validation/parse-search";

const id = "6f1c2a9e-0000-4000-8000-000000000001";
const defaults: CourseAnalyticsView = { range: "30d", q: undefined, sort: "enrolled", dir: "desc", page: 1 };

/** The view a page URL gives back, parsed the way the page parses it. */
function viewOf(href: string): CourseAnalyticsView {
  const params = Object.fromEntries(new URL(href, "http://x").searchParams);
  const { range } = parseSearch(analyticsQuerySchema, params, ["range", "bucket"]);
  return { ...parseSearch(learnersQuerySchema, params, ["q", "sort", "dir", "page"]), range };
}

describe("course analytics URLs", () => {
  it("leave the defaults out, so the default view has one short URL", () => {
    expect(courseAnalyticsHref(id, defaults)).toBe(`/instructor/courses/${id}/analytics`);
  });

  it("carry range, search, order and page, and parse back to the same view", () => {
    const view: CourseAnalyticsView = { range: "all", q: "grace & co", sort: "name", dir: "asc", page: 3 };
    const href = courseAnalyticsHref(id, view);
    expect(href).toBe(`/instructor/courses/${id}/analytics?q=grace+%26+co&sort=name&dir=asc&range=all&page=3`);
    expect(viewOf(href)).toEqual(view);
  });

  it("give the CSV the search and order of the table but no page or range (it holds every matching learner)", () => {
    const href = learnersCsvHref(id, { range: "7d", q: "hopper", sort: "progress", dir: "asc", page: 2 });
    expect(href).toBe(`/api/instructor/courses/${id}/analytics/learners?q=hopper&sort=progress&dir=asc&format=csv`);
  });

  it("keep the cohort filter in the page, its CSV and the overviews, and drop a malformed one", () => {
    const cohortId = "6f1c2a9e-0000-4000-8000-0000000000c0";
    const view: CourseAnalyticsView = { ...defaults, range: "7d", cohortId };
    expect(courseAnalyticsHref(id, view)).toBe(`/instructor/courses/${id}/analytics?cohortId=${cohortId}&range=7d`);
    expect(learnersCsvHref(id, view)).toContain(`cohortId=${cohortId}`);
    expect(overviewHref("/admin", { range: "30d" })).toBe("/admin");
    expect(overviewHref("/instructor/analytics", { range: "all", cohortId })).toBe(`/instructor/analytics?range=all&cohortId=${cohortId}`);
    const params = { range: "7d", cohortId: "class-of-2026" };
    expect(parseSearch(analyticsQuerySchema, params, ["range", "bucket", "cohortId"])).toEqual({
      range: "7d",
      bucket: "day",
      cohortId: undefined,
    });
  });

  it("drop a value the schema refuses instead of failing the page", () => {
    expect(viewOf(`/x?range=1y&sort=age&dir=asc&page=-2`)).toEqual({ ...defaults, dir: "asc" });
  });
});

describe("analytics labels", () => {
  it("name buckets in UTC, weeks by their first day", () => {
    expect(tickLabel("2026-11-16")).toBe("Nov 16");
    expect(bucketLabel("2026-11-16", "day")).toBe("Nov 16, 2026");
    expect(bucketLabel("2026-11-16", "week")).toBe("Week of Nov 16, 2026");
  });

  it("write video positions as minutes and seconds", () => {
    expect(formatSeconds(8)).toBe("0:08");
    expect(formatSeconds(185.4)).toBe("3:05");
    expect(formatSeconds(3720)).toBe("1:02:00");
  });
});
