import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { ApiClient, newAccount, type Account } from "../helpers/api-client";
import { uploadFile } from "../helpers/authoring";
import { baseUrl } from "../helpers/base-url";
import { buildCourse, setPublished, type BuiltCourse } from "../helpers/learning-fixtures";
import { solidPng } from "../helpers/png";

/**
 * Course pages at readable URLs (/courses/<slug>) over HTTP: slugs in the API's answers, the redirects from ids and old
 * slugs, and what search engines and link previews read (canonical URL, Open Graph and Twitter tags, a lasting image).
 */

type CourseJson = { id: string; title: string; slug: string; outcomes: string[] };

let instructor: Account;
let course: BuiltCourse;
const word = `quokka${randomBytes(3).toString("hex")}`;
const title = `Caring for the ${word}`;
const slug = `caring-for-the-${word}`;
const picture = solidPng(64, 36, [200, 120, 40]);

/** The values of the <meta> and <link> tags of a page, by property/name/rel. */
function headTags(html: string): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const [tag] of html.matchAll(/<(?:meta|link)\b[^>]*>/g)) {
    const key = /\b(?:property|name|rel)="([^"]+)"/.exec(tag)?.[1];
    const value = /\b(?:content|href)="([^"]*)"/.exec(tag)?.[1];
    if (key && value !== undefined && !(key in tags)) tags[key] = value.replace(/&amp;/g, "&");
  }
  return tags;
}

beforeAll(async () => {
  instructor = await newAccount("INSTRUCTOR", "slug-instructor");
  course = await buildCourse(instructor.client, { title, description: "Feeding, shade and a lot of patience.", media: true });
  await uploadFile(instructor.client, "thumbnail", { courseId: course.courseId }, picture, {
    fileName: "quokka.png",
    contentType: "image/png",
  });
  const outcomes = await instructor.client.patch(`/api/instructor/courses/${course.courseId}`, {
    outcomes: ["Feed a quokka", "", "Find it shade"],
  });
  expect(outcomes.status, outcomes.text).toBe(200);
}, 120_000);

describe("readable course URLs over HTTP", () => {
  it("gives every answer about the course its slug: creation, edits, the course, the catalog, the instructor's list", async () => {
    const detail = (await new ApiClient().get(`/api/courses/${course.courseId}`)).json<{ course: CourseJson }>().course;
    expect(detail).toMatchObject({ id: course.courseId, slug, outcomes: ["Feed a quokka", "Find it shade"] });
    const catalog = (await new ApiClient().get(`/api/courses?q=${word}`)).json<{ courses: CourseJson[] }>().courses;
    expect(catalog).toEqual([expect.objectContaining({ id: course.courseId, slug })]);
    const mine = (await instructor.client.get("/api/instructor/courses")).json<{ courses: CourseJson[] }>().courses;
    expect(mine.find((c) => c.id === course.courseId)?.slug).toBe(slug);

    const created = await instructor.client.post("/api/instructor/courses", { title });
    expect(created.status).toBe(201);
    const twin = created.json<{ course: CourseJson }>().course;
    expect(twin.slug).toBe(`${slug}-2`);
    await instructor.client.request("DELETE", `/api/instructor/courses/${twin.id}`);
  });

  it("shows the page at its slug, with canonical URL, Open Graph and Twitter tags and an image that does not expire", async () => {
    const page = await new ApiClient().get(`/courses/${slug}`);
    expect(page.status).toBe(200);
    const tags = headTags(page.text);
    const pageUrl = `${baseUrl()}/courses/${slug}`;
    expect(tags.canonical).toBe(pageUrl);
    expect(tags["og:url"]).toBe(pageUrl);
    expect(tags["og:title"]).toBe(title);
    expect(tags["og:type"]).toBe("website");
    expect(tags.description).toBe("Feeding, shade and a lot of patience.");
    expect(tags["og:description"]).toBe(tags.description);
    expect(tags["twitter:card"]).toBe("summary_large_image");
    expect(tags["twitter:title"]).toBe(title);
    const image = tags["og:image"]!;
    expect(image).toMatch(new RegExp(`^${baseUrl()}/api/courses/${course.courseId}/image\\?v=[A-Za-z0-9_-]{12}$`));
    expect(tags["twitter:image"]).toBe(image);
    expect(tags.robots).toBeUndefined();

    // The image URL answers with the picture itself, to anyone, cacheable: no signature to run out.
    const fetched = await fetch(image);
    expect(fetched.status).toBe(200);
    expect(fetched.headers.get("content-type")).toBe("image/png");
    expect(fetched.headers.get("cache-control")).toMatch(/^public, max-age=\d+/);
    expect(Buffer.from(await fetched.arrayBuffer()).equals(picture)).toBe(true);
  });

  it("redirects the id URL, an old slug and another case to the current URL for good, keeping the query", async () => {
    const visitor = new ApiClient();
    for (const from of [`/courses/${course.courseId}`, `/courses/${slug.toUpperCase()}`]) {
      const moved = await visitor.get(`${from}?ref=newsletter&tag=a&tag=b`);
      expect(moved.status, from).toBe(308);
      expect(moved.location, from).toBe(`/courses/${slug}?ref=newsletter&tag=a&tag=b`);
    }

    const renamed = await instructor.client.patch(`/api/instructor/courses/${course.courseId}`, { title: `Keeping the ${word} happy` });
    expect(renamed.status).toBe(200);
    const newSlug = `keeping-the-${word}-happy`;
    expect(renamed.json<{ course: CourseJson }>().course.slug).toBe(newSlug);
    const hops = await visitor.follow(`/courses/${slug}`);
    expect(hops.map((h) => [h.status, h.location])).toEqual([
      [308, `/courses/${newSlug}`],
      [200, null],
    ]);
    expect(headTags(hops[1]!.text).canonical).toBe(`${baseUrl()}/courses/${newSlug}`);
    // The id URL goes straight to the newest slug, not through the old one.
    expect((await visitor.get(`/courses/${course.courseId}`)).location).toBe(`/courses/${newSlug}`);
  });

  it("answers a draft's slug, id and picture with 404 to visitors, and keeps a draft out of search engines", async () => {
    const draft = await buildCourse(instructor.client, { title: `Draft ${word}`, publish: false });
    await uploadFile(instructor.client, "thumbnail", { courseId: draft.courseId }, picture, {
      fileName: "d.png",
      contentType: "image/png",
    });
    const draftSlug = `draft-${word}`;
    const visitor = new ApiClient();
    for (const path of [`/courses/${draftSlug}`, `/courses/${draft.courseId}`, `/api/courses/${draft.courseId}/image`]) {
      expect((await visitor.get(path)).status, path).toBe(404);
    }
    const own = await instructor.client.get(`/courses/${draftSlug}`);
    expect(own.status).toBe(200);
    expect(headTags(own.text).robots).toBe("noindex, nofollow");
    const ownImage = await instructor.client.get(`/api/courses/${draft.courseId}/image`);
    expect(ownImage.status).toBe(200);
    expect(ownImage.headers.get("cache-control")).toBe("private, no-store");

    await setPublished(instructor.client, draft.courseId, true);
    expect((await visitor.get(`/courses/${draftSlug}`)).status).toBe(200);
  });

  it("answers unknown slugs with the not-found page", async () => {
    for (const path of ["/courses/no-such-course-anywhere", `/courses/${crypto.randomUUID()}`, "/courses/not%20a%20slug"]) {
      expect((await new ApiClient().get(path)).status, path).toBe(404);
    }
  });
});
