import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureCategory, newAccount, type Account, type ApiClient } from "../helpers/api-client";
import {
  createCourseTree,
  demoAsset,
  isStored,
  putBytes,
  sendUpload,
  stagingKey,
  startUpload,
  storageRoot,
  storedFiles,
  uploadFile,
  type CourseTree,
} from "../helpers/authoring";
import { files } from "../helpers/upload-fixtures";

/**
 * The instructor's whole authoring flow over HTTP against the built app: a course from nothing to published, its
 * uploads straight to (local) storage, the refusals, and what deleting leaves behind, checked on the storage folder.
 */

type Lesson = { id: string; moduleId: string; title: string; ord: number; content: string | null; videoKey: string | null };
type Module = { id: string; title: string; ord: number; lessons: (Lesson & { materials: { id: string }[] })[] };
type Editor = {
  course: {
    id: string;
    title: string;
    description: string | null;
    isPublished: boolean;
    totalLessons: number;
    thumbnailKey: string | null;
  };
  modules: Module[];
  materials: { id: string; fileName: string; fileType: string; materialType: string }[];
};
type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };

const video = demoAsset("sample-video.webm");
const handout = demoAsset("sample-handout.pdf");

let author: Account;
let client: ApiClient;
const api = (courseId: string) => `/api/instructor/courses/${courseId}`;
const lessonPath = (courseId: string, moduleId: string, lessonId: string) => `${api(courseId)}/modules/${moduleId}/lessons/${lessonId}`;

async function editor(courseId: string): Promise<Editor> {
  const response = await client.get(api(courseId));
  expect(response.status).toBe(200);
  return response.json<Editor>();
}

/** The curriculum as [module title, ord, [lesson title, ord]…]: what "dense and in order" means. */
const outline = (e: Editor) => e.modules.map((m) => [m.title, m.ord, m.lessons.map((l) => [l.title, l.ord])]);

beforeAll(async () => {
  author = await newAccount("INSTRUCTOR", "author");
  client = author.client;
  await ensureCategory("Testing");
});

describe("authoring a course over HTTP", () => {
  const ids = { courseId: "", moduleA: "", moduleB: "", l1: "", l2: "", l3: "", videoKey: "", courseMaterial: "", lessonMaterial: "" };
  const lessonKeys: string[] = [];

  it("creates a draft course, and refuses to publish it naming what is missing", async () => {
    const created = await client.post("/api/instructor/courses", { title: "Authoring 101" });
    expect(created.status).toBe(201);
    const { course } = created.json<{ course: { id: string; isPublished: boolean; totalLessons: number; instructorId: string } }>();
    expect(course).toMatchObject({ isPublished: false, totalLessons: 0, instructorId: author.id });
    ids.courseId = course.id;

    const refused = await client.post(`${api(ids.courseId)}/publish`, { published: true });
    expect(refused.status).toBe(400);
    const { error } = refused.json<ErrorBody>();
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.message).toBe("To publish, the course needs a description and at least one lesson.");
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(["description", "lessons"]);

    const patched = await client.patch(api(ids.courseId), {
      description: "Everything an author does.",
      category: "Testing",
      difficulty: "beginner",
    });
    expect(patched.status).toBe(200);
    const again = await client.post(`${api(ids.courseId)}/publish`, { published: true });
    expect(again.status).toBe(400);
    expect(Object.keys(again.json<ErrorBody>().error.fields ?? {})).toEqual(["lessons"]);
  });

  it("adds two modules and three lessons, in dense order, and counts the lessons", async () => {
    const addModule = async (title: string) => {
      const response = await client.post(`${api(ids.courseId)}/modules`, { title });
      expect(response.status).toBe(201);
      return response.json<{ module: { id: string; ord: number } }>().module;
    };
    const a = await addModule("Module A");
    const b = await addModule("Module B");
    expect([a.ord, b.ord]).toEqual([0, 1]);
    ids.moduleA = a.id;
    ids.moduleB = b.id;
    const addLesson = async (moduleId: string, title: string) => {
      const response = await client.post(`${api(ids.courseId)}/modules/${moduleId}/lessons`, { title, durationMinutes: 5 });
      expect(response.status).toBe(201);
      return response.json<{ lesson: Lesson }>().lesson.id;
    };
    ids.l1 = await addLesson(ids.moduleA, "Lesson 1");
    ids.l2 = await addLesson(ids.moduleA, "Lesson 2");
    ids.l3 = await addLesson(ids.moduleB, "Lesson 3");
    lessonKeys.push(ids.l1, ids.l2, ids.l3);

    const e = await editor(ids.courseId);
    expect(outline(e)).toEqual([
      [
        "Module A",
        0,
        [
          ["Lesson 1", 0],
          ["Lesson 2", 1],
        ],
      ],
      ["Module B", 1, [["Lesson 3", 0]]],
    ]);
    expect(e.course.totalLessons).toBe(3);
  });

  it("moves a lesson across modules and reorders the modules, keeping every order dense", async () => {
    const moved = await client.post(`${lessonPath(ids.courseId, ids.moduleA, ids.l1)}/move`, { moduleId: ids.moduleB, position: 1 });
    expect(moved.status).toBe(200);
    expect(moved.json<{ lesson: Lesson }>().lesson).toMatchObject({ id: ids.l1, moduleId: ids.moduleB, ord: 1 });
    expect(outline(await editor(ids.courseId))).toEqual([
      ["Module A", 0, [["Lesson 2", 0]]],
      [
        "Module B",
        1,
        [
          ["Lesson 3", 0],
          ["Lesson 1", 1],
        ],
      ],
    ]);

    // Within a module, to the front.
    const front = await client.post(`${lessonPath(ids.courseId, ids.moduleB, ids.l1)}/move`, { moduleId: ids.moduleB, position: 0 });
    expect(front.status).toBe(200);

    const reordered = await client.post(`${api(ids.courseId)}/modules/reorder`, { moduleIds: [ids.moduleB, ids.moduleA] });
    expect(reordered.status).toBe(200);
    expect(reordered.json<{ modules: { id: string; ord: number }[] }>().modules.map((m) => [m.id, m.ord])).toEqual([
      [ids.moduleB, 0],
      [ids.moduleA, 1],
    ]);
    const e = await editor(ids.courseId);
    expect(outline(e)).toEqual([
      [
        "Module B",
        0,
        [
          ["Lesson 1", 0],
          ["Lesson 3", 1],
        ],
      ],
      ["Module A", 1, [["Lesson 2", 0]]],
    ]);
    expect(e.course.totalLessons).toBe(3);

    // A reorder that leaves a module out, or names one twice, changes nothing.
    const partial = await client.post(`${api(ids.courseId)}/modules/reorder`, { moduleIds: [ids.moduleA] });
    expect(partial.status).toBe(400);
    expect(partial.json<ErrorBody>().error.fields).toHaveProperty("moduleIds");
    const twice = await client.post(`${api(ids.courseId)}/modules/reorder`, { moduleIds: [ids.moduleA, ids.moduleA] });
    expect(twice.status).toBe(400);
    expect(outline(await editor(ids.courseId))).toEqual(outline(e));
  });

  it("saves a lesson's markdown content and reads it back", async () => {
    const content = "# Welcome\n\nRead **chapter 1**, then [the notes](https://example.com/notes).";
    const patched = await client.patch(lessonPath(ids.courseId, ids.moduleB, ids.l1), { content, title: "Lesson 1: welcome" });
    expect(patched.status).toBe(200);
    expect(patched.json<{ lesson: Lesson }>().lesson).toMatchObject({ content, title: "Lesson 1: welcome" });
    const read = await client.get(lessonPath(ids.courseId, ids.moduleB, ids.l1));
    expect(read.status).toBe(200);
    expect(read.json<{ lesson: Lesson }>().lesson).toMatchObject({ id: ids.l1, content, videoKey: null });

    const empty = await client.patch(lessonPath(ids.courseId, ids.moduleB, ids.l1), {});
    expect(empty.status).toBe(400);
  });

  it("uploads a video to a lesson through the signed PUT URL, and completing attaches it", async () => {
    const started = await startUpload(
      client,
      "video",
      { courseId: ids.courseId, moduleId: ids.moduleB, lessonId: ids.l1 },
      {
        fileName: "intro.webm",
        contentType: "video/webm",
        size: video.length,
      },
    );
    expect(started.key).toMatch(new RegExp(`^lessons/${ids.l1}/videos/[^/]+-intro\\.webm$`));
    expect(stagingKey(started)).toMatch(new RegExp(`^uploads/${started.uploadId}/[^/]+$`));
    expect(isStored(started.key)).toBe(false);
    const put = await putBytes(started, video);
    expect(put.status).toBeLessThan(300);
    // The bytes land on the staging key; the final key is written by completion alone.
    expect(fs.statSync(path.join(storageRoot(), stagingKey(started))).size).toBe(video.length);
    expect(isStored(started.key)).toBe(false);

    const complete = await client.post("/api/upload/video/complete", { uploadId: started.uploadId });
    expect(complete.status).toBe(200);
    expect(complete.json<{ video: Record<string, unknown> }>().video).toMatchObject({
      lessonId: ids.l1,
      videoKey: started.key,
      videoSize: video.length,
      videoMimeType: "video/webm",
    });
    const lesson = (await client.get(lessonPath(ids.courseId, ids.moduleB, ids.l1))).json<{ lesson: Lesson }>().lesson;
    expect(lesson.videoKey).toBe(started.key);
    expect(fs.statSync(path.join(storageRoot(), started.key)).size).toBe(video.length);
    expect(isStored(stagingKey(started))).toBe(false);
    ids.videoKey = started.key;

    // Completing twice is a conflict, not a second attachment.
    expect((await client.post("/api/upload/video/complete", { uploadId: started.uploadId })).status).toBe(409);
  });

  it("attaches a PDF to the course (upload, then POST …/materials) and to a lesson (upload, then …/complete)", async () => {
    const forCourse = await sendUpload(client, "material", { courseId: ids.courseId }, handout, {
      fileName: "handout.pdf",
      contentType: "application/pdf",
    });
    expect(forCourse.key).toMatch(new RegExp(`^courses/${ids.courseId}/materials/`));
    const attached = await client.post(`${api(ids.courseId)}/materials`, { uploadId: forCourse.uploadId });
    expect(attached.status).toBe(201);
    const material = attached.json<{ id: string; lessonId: string | null; fileName: string; materialType: string }>();
    expect(material).toMatchObject({ lessonId: null, fileName: "handout.pdf", materialType: "pdf" });
    ids.courseMaterial = material.id;
    const listed = await client.get(`${api(ids.courseId)}/materials`);
    expect(listed.json<{ materials: { id: string }[] }>().materials.map((m) => m.id)).toEqual([material.id]);

    const forLesson = await sendUpload(client, "material", { courseId: ids.courseId, moduleId: ids.moduleB, lessonId: ids.l3 }, handout, {
      fileName: "worksheet.pdf",
      contentType: "application/pdf",
    });
    expect(forLesson.key).toMatch(new RegExp(`^lessons/${ids.l3}/materials/`));
    // An upload started for a lesson is not the course's to attach, nor another lesson's.
    expect((await client.post(`${api(ids.courseId)}/materials`, { uploadId: forLesson.uploadId })).status).toBe(404);
    expect((await client.post(`${lessonPath(ids.courseId, ids.moduleB, ids.l1)}/materials`, { uploadId: forLesson.uploadId })).status).toBe(
      404,
    );
    const completed = await client.post("/api/upload/material/complete", { uploadId: forLesson.uploadId });
    expect(completed.status).toBe(200);
    const lessonMaterial = completed.json<{ material: { id: string; lessonId: string; fileName: string } }>().material;
    expect(lessonMaterial).toMatchObject({ lessonId: ids.l3, fileName: "worksheet.pdf" });
    ids.lessonMaterial = lessonMaterial.id;
    const lessonList = await client.get(`${lessonPath(ids.courseId, ids.moduleB, ids.l3)}/materials`);
    expect(lessonList.json<{ materials: { id: string }[] }>().materials.map((m) => m.id)).toEqual([lessonMaterial.id]);
    // The course-level list stays course-level.
    expect((await client.get(`${api(ids.courseId)}/materials`)).json<{ materials: unknown[] }>().materials).toHaveLength(1);

    // The lesson route attaches a lesson upload too.
    const second = await sendUpload(client, "material", { courseId: ids.courseId, moduleId: ids.moduleB, lessonId: ids.l3 }, files.csv, {
      fileName: "scores.csv",
      contentType: "text/csv",
    });
    const viaLesson = await client.post(`${lessonPath(ids.courseId, ids.moduleB, ids.l3)}/materials`, { uploadId: second.uploadId });
    expect(viaLesson.status).toBe(201);
    expect(viaLesson.json()).toMatchObject({ lessonId: ids.l3, fileName: "scores.csv", materialType: expect.any(String) });
  });

  it("sets a thumbnail, and a new one replaces (and deletes) the old", async () => {
    const first = await uploadFile<{ thumbnailKey: string }>(client, "thumbnail", { courseId: ids.courseId }, files.png, {
      fileName: "cover.png",
      contentType: "image/png",
    });
    expect(first.thumbnailKey).toMatch(new RegExp(`^courses/${ids.courseId}/thumbnails/`));
    expect(isStored(first.thumbnailKey)).toBe(true);
    const second = await uploadFile<{ thumbnailKey: string }>(client, "thumbnail", { courseId: ids.courseId }, files.png, {
      fileName: "cover-2.png",
      contentType: "image/png",
    });
    expect((await editor(ids.courseId)).course.thumbnailKey).toBe(second.thumbnailKey);
    expect(isStored(first.thumbnailKey)).toBe(false);
    expect(isStored(second.thumbnailKey)).toBe(true);
  });

  it("publishes, and the course reads back whole", async () => {
    const published = await client.post(`${api(ids.courseId)}/publish`, { published: true });
    expect(published.status).toBe(200);
    expect(published.json<{ course: { isPublished: boolean; publishedAt: string | null } }>().course).toMatchObject({
      isPublished: true,
      publishedAt: expect.any(String),
    });
    const e = await editor(ids.courseId);
    expect(e.course).toMatchObject({
      title: "Authoring 101",
      description: "Everything an author does.",
      isPublished: true,
      totalLessons: 3,
    });
    expect(outline(e)).toEqual([
      [
        "Module B",
        0,
        [
          ["Lesson 1: welcome", 0],
          ["Lesson 3", 1],
        ],
      ],
      ["Module A", 1, [["Lesson 2", 0]]],
    ]);
    expect(e.modules[0]!.lessons[0]!.videoKey).toBe(ids.videoKey);
    expect(e.modules[0]!.lessons[1]!.materials).toHaveLength(2);
    expect(e.materials.map((m) => [m.fileName, m.fileType])).toEqual([["handout.pdf", "application/pdf"]]);
    const mine = await client.get("/api/instructor/courses");
    expect(mine.json<{ courses: { id: string }[] }>().courses.map((c) => c.id)).toContain(ids.courseId);
  });

  it("answers 404 for a module, lesson or material that belongs to another course or module than the path's", async () => {
    const other: CourseTree = await createCourseTree(client, { title: "Another course" });
    const { courseId, moduleA, moduleB, l1, l3 } = ids;
    const wrongPlaces: [string, string, unknown?][] = [
      // Lesson 1 is in module B, not A.
      ["GET", lessonPath(courseId, moduleA, l1)],
      ["PATCH", lessonPath(courseId, moduleA, l1), { title: "Hijacked" }],
      ["DELETE", lessonPath(courseId, moduleA, l1)],
      ["POST", `${lessonPath(courseId, moduleA, l1)}/move`, { moduleId: moduleA, position: 0 }],
      ["DELETE", `${lessonPath(courseId, moduleA, l1)}/video`],
      ["GET", `${lessonPath(courseId, moduleA, l3)}/materials`],
      // Another course's module and lesson under this course's id, and this course's under the other's.
      ["GET", lessonPath(courseId, other.moduleId, other.lessonId)],
      ["GET", lessonPath(other.courseId, moduleB, l1)],
      ["PATCH", `${api(courseId)}/modules/${other.moduleId}`, { title: "Hijacked" }],
      ["DELETE", `${api(courseId)}/modules/${other.moduleId}`],
      ["POST", `${api(courseId)}/modules/${other.moduleId}/lessons`, { title: "Stray" }],
      ["POST", `${lessonPath(courseId, moduleB, l1)}/move`, { moduleId: other.moduleId, position: 0 }],
      // Materials: another course's, and another lesson's.
      ["DELETE", `${api(other.courseId)}/materials/${ids.courseMaterial}`],
      ["DELETE", `${lessonPath(courseId, moduleB, l1)}/materials/${ids.lessonMaterial}`],
      ["DELETE", `${lessonPath(courseId, moduleA, l3)}/materials/${ids.lessonMaterial}`],
      // An upload into a lesson of another course.
      [
        "POST",
        "/api/upload/video",
        { courseId, moduleId: other.moduleId, lessonId: other.lessonId, fileName: "a.mp4", contentType: "video/mp4", size: 10 },
      ],
      [
        "POST",
        "/api/upload/material",
        { courseId, moduleId: moduleA, lessonId: l1, fileName: "a.pdf", contentType: "application/pdf", size: 10 },
      ],
    ];
    for (const [method, url, json] of wrongPlaces) {
      const response = await client.request(method, url, { json });
      expect({ method, url, status: response.status }).toEqual({ method, url, status: 404 });
    }
    const reorder = await client.post(`${api(courseId)}/modules/reorder`, { moduleIds: [moduleB, other.moduleId] });
    expect(reorder.status).toBe(400);
    // Nothing moved or vanished.
    const e = await editor(courseId);
    expect(outline(e)).toEqual([
      [
        "Module B",
        0,
        [
          ["Lesson 1: welcome", 0],
          ["Lesson 3", 1],
        ],
      ],
      ["Module A", 1, [["Lesson 2", 0]]],
    ]);
    expect(e.materials).toHaveLength(1);
    expect(e.modules[0]!.lessons[0]!.videoKey).toBe(ids.videoKey);
  });

  it("removes a lesson's video and its stored object", async () => {
    expect(isStored(ids.videoKey)).toBe(true);
    const removed = await client.request("DELETE", `${lessonPath(ids.courseId, ids.moduleB, ids.l1)}/video`);
    expect(removed.status).toBe(204);
    expect(isStored(ids.videoKey)).toBe(false);
    expect((await client.get(lessonPath(ids.courseId, ids.moduleB, ids.l1))).json<{ lesson: Lesson }>().lesson.videoKey).toBeNull();
    expect((await client.request("DELETE", `${lessonPath(ids.courseId, ids.moduleB, ids.l1)}/video`)).status).toBe(404);
  });

  it("deletes a material with its stored object", async () => {
    const before = storedFiles(`courses/${ids.courseId}/materials/`);
    expect(before).toHaveLength(1);
    const removed = await client.request("DELETE", `${api(ids.courseId)}/materials/${ids.courseMaterial}`);
    expect(removed.status).toBe(204);
    expect(storedFiles(`courses/${ids.courseId}/materials/`)).toEqual([]);
    expect((await client.request("DELETE", `${api(ids.courseId)}/materials/${ids.courseMaterial}`)).status).toBe(404);
  });

  it("deletes the course: its rows are gone and no object under its prefixes is left in storage", async () => {
    // Something left to delete under both kinds of prefix: a thumbnail, lesson materials, and a fresh video.
    await uploadFile(client, "video", { courseId: ids.courseId, moduleId: ids.moduleA, lessonId: ids.l2 }, video, {
      fileName: "again.webm",
      contentType: "video/webm",
    });
    // And an upload started but never completed.
    const pending = await sendUpload(client, "material", { courseId: ids.courseId }, handout, {
      fileName: "pending.pdf",
      contentType: "application/pdf",
    });
    const prefixes = [`courses/${ids.courseId}/`, ...lessonKeys.map((id) => `lessons/${id}/`), `uploads/${pending.uploadId}/`];
    expect(prefixes.flatMap(storedFiles)).toContain(stagingKey(pending));
    expect(prefixes.flatMap(storedFiles).length).toBeGreaterThanOrEqual(5);

    const deleted = await client.request("DELETE", api(ids.courseId));
    expect(deleted.status).toBe(204);
    expect(prefixes.flatMap(storedFiles)).toEqual([]);
    expect((await client.get(api(ids.courseId))).status).toBe(404);
    expect((await client.get(lessonPath(ids.courseId, ids.moduleB, ids.l3))).status).toBe(404);
    expect((await client.get(`${api(ids.courseId)}/materials`)).status).toBe(404);
    const mine = await client.get("/api/instructor/courses");
    expect(mine.json<{ courses: { id: string }[] }>().courses.map((c) => c.id)).not.toContain(ids.courseId);
  });
});

describe("upload refusals over HTTP", () => {
  let tree: CourseTree;
  const lessonTarget = () => ({ courseId: tree.courseId, moduleId: tree.moduleId, lessonId: tree.lessonId });
  const everythingStored = () => [...storedFiles(`courses/${tree.courseId}/`), ...storedFiles(`lessons/${tree.lessonId}/`)];

  beforeAll(async () => {
    tree = await createCourseTree(client, { title: "Refusals" });
  });

  /** Sends the bytes and completes: the completion must be refused with `status`, and nothing of it stay stored. */
  async function refusedAtCompletion(
    kind: "video" | "material" | "thumbnail",
    bytes: Buffer,
    file: { fileName: string; contentType: string },
    status: number,
  ) {
    const target = kind === "thumbnail" ? { courseId: tree.courseId } : kind === "video" ? lessonTarget() : { courseId: tree.courseId };
    const started = await sendUpload(client, kind, target, bytes, file);
    expect(isStored(stagingKey(started))).toBe(true);
    const complete = await client.post(`/api/upload/${kind}/complete`, { uploadId: started.uploadId });
    expect(complete.status).toBe(status);
    expect(isStored(stagingKey(started))).toBe(false);
    expect(isStored(started.key)).toBe(false);
    expect(everythingStored()).toEqual([]);
    expect((await client.get(`/api/upload/${started.uploadId}`)).json()).toMatchObject({ status: "aborted" });
    return complete.json<ErrorBody>().error;
  }

  it("refuses a renamed executable sent as an .mp4 video", async () => {
    for (const bytes of [files.elf, files.pe]) {
      const error = await refusedAtCompletion("video", bytes, { fileName: "lecture.mp4", contentType: "video/mp4" }, 415);
      expect(error.message).toMatch(/not accepted for a video/);
    }
    const lesson = await client.get(lessonPath(tree.courseId, tree.moduleId, tree.lessonId));
    expect(lesson.json<{ lesson: Lesson }>().lesson.videoKey).toBeNull();
  });

  it("refuses an HTML page named .pdf as a material", async () => {
    const error = await refusedAtCompletion("material", files.html, { fileName: "syllabus.pdf", contentType: "application/pdf" }, 415);
    expect(error.message).toMatch(/not accepted for a material/);
    expect((await client.get(`${api(tree.courseId)}/materials`)).json<{ materials: unknown[] }>().materials).toEqual([]);
  });

  it("refuses an SVG thumbnail, declared as SVG (at start) or disguised as PNG (at completion)", async () => {
    const declared = await client.post("/api/upload/thumbnail", {
      courseId: tree.courseId,
      fileName: "logo.svg",
      contentType: "image/svg+xml",
      size: files.svg.length,
    });
    expect(declared.status).toBe(415);
    expect(declared.json<ErrorBody>().error.fields).toHaveProperty("contentType");
    await refusedAtCompletion("thumbnail", files.svg, { fileName: "logo.png", contentType: "image/png" }, 415);
    expect((await client.get(api(tree.courseId))).json<Editor>().course.thumbnailKey).toBeNull();
  });

  it("refuses declarations above each kind's limit with 413, before anything is stored", async () => {
    const GiB = 1024 ** 3;
    const MiB = 1024 ** 2;
    for (const [kind, target, contentType, size, message] of [
      ["video", lessonTarget(), "video/mp4", 4 * GiB + 1, "Videos can be at most 4 GiB"],
      ["material", { courseId: tree.courseId }, "application/pdf", 200 * MiB + 1, "Materials can be at most 200 MiB"],
      ["thumbnail", { courseId: tree.courseId }, "image/png", 5 * MiB + 1, "Thumbnails can be at most 5 MiB"],
    ] as const) {
      const response = await client.post(`/api/upload/${kind}`, { ...target, fileName: "big", contentType, size });
      expect(response.status).toBe(413);
      const { error } = response.json<ErrorBody>();
      expect(error.message).toContain(message);
      expect(error.fields).toHaveProperty("size");
    }
    expect(everythingStored()).toEqual([]);
  });

  it("refuses a file of another size than declared: the signed PUT, and the completion of a stored mismatch", async () => {
    const started = await startUpload(
      client,
      "material",
      { courseId: tree.courseId },
      { fileName: "handout.pdf", contentType: "application/pdf", size: handout.length + 10 },
    );
    const put = await putBytes(started, handout);
    expect(put.status).toBe(400);
    expect(isStored(started.key)).toBe(false);
    const notArrived = await client.post("/api/upload/material/complete", { uploadId: started.uploadId });
    expect(notArrived.status).toBe(400);
    expect(notArrived.json<ErrorBody>().error.message).toMatch(/has not arrived/);

    // A storage that took other bytes than the signed size (as an S3 without the size condition might): the
    // completion checks the stored size itself, refuses, and deletes the object.
    const other = await startUpload(
      client,
      "material",
      { courseId: tree.courseId },
      { fileName: "notes.pdf", contentType: "application/pdf", size: handout.length + 10 },
    );
    fs.mkdirSync(path.dirname(path.join(storageRoot(), stagingKey(other))), { recursive: true });
    fs.writeFileSync(path.join(storageRoot(), stagingKey(other)), handout);
    const mismatch = await client.post("/api/upload/material/complete", { uploadId: other.uploadId });
    expect(mismatch.status).toBe(400);
    expect(mismatch.json<ErrorBody>().error.message).toContain(`but ${handout.length + 10} bytes were declared`);
    expect(isStored(stagingKey(other))).toBe(false);
    expect(isStored(other.key)).toBe(false);
    expect(everythingStored()).toEqual([]);
  });

  it("keeps a path-traversal file name under the course's (or lesson's) own key", async () => {
    const root = storageRoot();
    const before = new Set(fs.readdirSync(root));
    const material = await sendUpload(client, "material", { courseId: tree.courseId }, handout, {
      fileName: "../../../../etc/passwd.pdf",
      contentType: "application/pdf",
    });
    expect(material.key).toMatch(new RegExp(`^courses/${tree.courseId}/materials/[0-9a-f-]{36}-passwd\\.pdf$`));
    const videoUpload = await sendUpload(client, "video", lessonTarget(), video, {
      fileName: "..\\..\\..\\boot.webm",
      contentType: "video/webm",
    });
    expect(videoUpload.key).toMatch(new RegExp(`^lessons/${tree.lessonId}/videos/[^/]+-boot\\.webm$`));
    // The bytes landed at their staging keys, inside the storage folder, and nowhere else.
    expect(isStored(stagingKey(material))).toBe(true);
    expect(isStored(stagingKey(videoUpload))).toBe(true);
    expect(new Set(fs.readdirSync(root))).toEqual(before);
    expect(fs.existsSync(path.join(root, "..", "etc"))).toBe(false);
    const attached = await client.post(`${api(tree.courseId)}/materials`, { uploadId: material.uploadId });
    expect(attached.json()).toMatchObject({ fileName: "passwd.pdf" });
    expect(isStored(material.key)).toBe(true);

    // Cancelling the unfinished one removes its object too.
    const cancelled = await client.request("DELETE", `/api/upload/${videoUpload.uploadId}`);
    expect(cancelled.status).toBe(200);
    expect(isStored(stagingKey(videoUpload))).toBe(false);
    expect(isStored(videoUpload.key)).toBe(false);
  });

  it("refuses bad input with 400 naming the fields; a path id that is not one is a 404", async () => {
    const bad = await client.post("/api/upload/video", { courseId: tree.courseId, fileName: "", contentType: "video/mp4", size: 0 });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json<ErrorBody>().error.fields ?? {})).toEqual(
      expect.arrayContaining(["moduleId", "lessonId", "fileName", "size"]),
    );
    expect((await client.get("/api/upload/not-an-id")).status).toBe(404);
    expect((await client.get(`${api(tree.courseId)}/modules/not-an-id/lessons/${tree.lessonId}`)).status).toBe(404);
    expect((await client.post("/api/upload/video/complete", { uploadId: "nope" })).status).toBe(400);
  });
});
