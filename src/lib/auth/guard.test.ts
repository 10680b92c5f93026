import { describe, expect, it } from "vitest";
import { guardRedirect } from "./guard";

const at = (path: string) => new URL(path, "http://localhost:3000");
const learner = { role: "LEARNER", onboarded: true } as const;
const instructor = { role: "INSTRUCTOR", onboarded: true } as const;
const admin = { role: "ADMIN", onboarded: true } as const;

describe("route guard decisions", () => {
  it("sends signed-out visitors of every guarded area to sign-in with the full return URL", () => {
    for (const path of ["/dashboard", "/my-courses/abc", "/instructor", "/admin/users", "/profile", "/onboarding"]) {
      expect(guardRedirect(at(`${path}?x=1`), null)).toBe(`/signin?callbackUrl=${encodeURIComponent(`${path}?x=1`)}`);
    }
  });

  it("lets anyone through outside the guarded areas, and does not match look-alike prefixes", () => {
    for (const path of ["/", "/courses", "/signin", "/administrator", "/instructors-guide"]) {
      expect(guardRedirect(at(path), null)).toBeNull();
    }
  });

  it("keeps the instructor area to instructors and admins, and the admin area to admins", () => {
    expect(guardRedirect(at("/instructor"), learner)).toBe("/dashboard?denied=%2Finstructor");
    expect(guardRedirect(at("/instructor/courses/1"), instructor)).toBeNull();
    expect(guardRedirect(at("/instructor"), admin)).toBeNull();
    expect(guardRedirect(at("/admin"), instructor)).toBe("/dashboard?denied=%2Fadmin");
    expect(guardRedirect(at("/admin/users"), admin)).toBeNull();
    expect(guardRedirect(at("/dashboard"), learner)).toBeNull();
  });

  it("sends users who have not picked a role to onboarding first, with where they were going", () => {
    const fresh = { role: "LEARNER", onboarded: false } as const;
    expect(guardRedirect(at("/dashboard"), fresh)).toBe("/onboarding?callbackUrl=%2Fdashboard");
    const lesson = "/my-courses/9b2f4c1e-0000-4000-8000-000000000001/lessons/9b2f4c1e-0000-4000-8000-000000000002";
    expect(guardRedirect(at(lesson), fresh)).toBe(`/onboarding?callbackUrl=${encodeURIComponent(lesson)}`);
    expect(guardRedirect(at("/my-courses?show=completed"), fresh)).toBe(
      `/onboarding?callbackUrl=${encodeURIComponent("/my-courses?show=completed")}`,
    );
    expect(guardRedirect(at("/instructor/courses/new"), { role: "INSTRUCTOR", onboarded: false })).toBe(
      `/onboarding?callbackUrl=${encodeURIComponent("/instructor/courses/new")}`,
    );
    expect(guardRedirect(at("/onboarding"), fresh)).toBeNull();
    expect(guardRedirect(at("/onboarding?callbackUrl=%2Fdashboard"), fresh)).toBeNull();
  });
});
