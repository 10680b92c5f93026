import { describe, expect, it } from "vitest";
import { ApiClient, newAccount } from "../helpers/api-client";
import { createCourseTree } from "../helpers/authoring";

type Catalog = { courses: { id: string; title: string; totalLessons: number }[] };

/**
 * The unfiltered catalog is cached (one second per instance); a course published, edited, unpublished or deleted must
 * show in the very next answer of this instance.
 */
describe("the cached catalog follows course changes", () => {
  it("shows a publish, an edit, a new lesson, an unpublish and a delete at once", async () => {
    const { client: instructor } = await newAccount("INSTRUCTOR", "cache");
    const visitor = new ApiClient();
    const newest = async () => (await visitor.get("/api/courses")).json<Catalog>().courses;
    // Other test files publish courses at the same time: find this one on the first page rather than expect it first.
    const probe = async (courseId: string) => (await newest()).find((c) => c.id === courseId);
    await newest(); // fill the cache
    await newest();

    const title = `Cache probe ${Date.now()}`;
    const { courseId, moduleId } = await createCourseTree(instructor, { published: true, title });
    expect(await probe(courseId)).toMatchObject({ title, totalLessons: 1 });

    await instructor.patch(`/api/instructor/courses/${courseId}`, { title: `${title} (edited)` });
    expect(await probe(courseId)).toMatchObject({ title: `${title} (edited)` });

    await instructor.post(`/api/instructor/courses/${courseId}/modules/${moduleId}/lessons`, { title: "Second" });
    expect(await probe(courseId)).toMatchObject({ totalLessons: 2 });

    await instructor.post(`/api/instructor/courses/${courseId}/publish`, { published: false });
    expect(await probe(courseId)).toBeUndefined();

    await instructor.post(`/api/instructor/courses/${courseId}/publish`, { published: true });
    expect(await probe(courseId)).toBeDefined();
    expect((await instructor.request("DELETE", `/api/instructor/courses/${courseId}`)).status).toBe(204);
    expect(await probe(courseId)).toBeUndefined();
  });
});
