import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { refusal } from "../../../tests/helpers/refusal";
import { callStorageRoute } from "../../../tests/helpers/storage-routes";
import { withTestDatabase } from "../../../tests/helpers/test-database";
import { withTestStorage } from "../../../tests/helpers/test-storage";
import { files, insertCourseTree, sendBytes } from "../../../tests/helpers/upload-fixtures";
import { insertUser } from "../../../tests/helpers/user-fixtures";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { courseMaterials, courses, lessons, uploadSessions } from "@/lib/db/schema";
import { type StorageDriver, setStorage } from "@/lib/storage";
import { type AttachedMaterial, cancelUpload, completeUpload, getUpload, startUpload } from "./index";

withTestDatabase();
const storage = withTestStorage();
beforeEach(() => {
  for (const entry of fs.readdirSync(storage.root)) fs.rmSync(path.join(storage.root, entry), { recursive: true, force: true });
});

type Kind = "video" | "material" | "thumbnail";

/** Every file stored under the storage root, relative, multipart scratch folders included. */
function storedFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(path.relative(storage.root, full));
    }
  };
  if (fs.existsSync(storage.root)) walk(storage.root);
  return out;
}

async function setup() {
  const instructor = await insertUser({ role: "INSTRUCTOR" });
  const tree = await insertCourseTree(instructor.id);
  return { instructor, ...tree };
}

/** Starts, sends and completes an upload of `bytes` declared as `contentType`, as `uploader`. */
async function upload(
  uploader: Viewer,
  kind: Kind,
  input: Record<string, unknown>,
  bytes: Buffer,
  contentType: string,
  fileName = "file.bin",
) {
  const started = await startUpload(uploader, kind, { ...input, fileName, contentType, size: bytes.length } as never);
  const parts = await sendBytes(started, bytes, callStorageRoute);
  const complete = () => completeUpload(uploader, kind, { uploadId: started.uploadId, parts: parts.length ? parts : undefined });
  return { started, complete };
}

const sessionOf = async (id: string) => (await db.select().from(uploadSessions).where(eq(uploadSessions.id, id)))[0]!;

describe("uploads: start and complete", () => {
  it("attaches a lesson video with its sniffed type, and replacing it deletes the old object", async () => {
    const { instructor, courseId, moduleId, lessonId } = await setup();
    const first = await upload(instructor, "video", { courseId, moduleId, lessonId }, files.mp4, "video/mp4", "intro.mp4");
    expect(first.started.single?.url).toContain(`/api/storage/objects/uploads/${first.started.uploadId}/intro.mp4?`);
    expect(first.started.key).toMatch(new RegExp(`^lessons/${lessonId}/videos/\\d+-[0-9a-f]{12}-intro\\.mp4$`));
    expect(await first.complete()).toEqual({
      lessonId,
      videoKey: first.started.key,
      fileName: "intro.mp4",
      videoSize: files.mp4.length,
      videoMimeType: "video/mp4",
    });
    expect((await sessionOf(first.started.uploadId)).status).toBe("completed");

    // Declared MP4, stored QuickTime: the sniffed type is what the player gets.
    const second = await upload(instructor, "video", { courseId, moduleId, lessonId }, files.mov, "video/mp4", "take 2.mov");
    expect(await second.complete()).toMatchObject({ videoKey: second.started.key, videoMimeType: "video/quicktime" });
    const [lesson] = await db.select().from(lessons).where(eq(lessons.id, lessonId));
    expect(lesson).toMatchObject({ videoKey: second.started.key, videoSize: files.mov.length, videoMimeType: "video/quicktime" });
    expect(await storage.driver.head(first.started.key)).toBeNull();
    expect(await storage.driver.head(second.started.key)).toEqual({ size: files.mov.length });
  });

  it("attaches a course thumbnail and deletes the one it replaces", async () => {
    const { instructor, courseId } = await setup();
    const first = await upload(instructor, "thumbnail", { courseId }, files.png, "image/png", "cover.png");
    expect(await first.complete()).toEqual({ courseId, thumbnailKey: first.started.key, fileName: "cover.png" });
    const second = await upload(instructor, "thumbnail", { courseId }, files.jpeg, "image/jpeg", "cover.jpg");
    await second.complete();
    const [course] = await db.select().from(courses).where(eq(courses.id, courseId));
    expect(course).toMatchObject({ thumbnailKey: second.started.key, thumbnailUrl: null });
    expect(await storage.driver.head(first.started.key)).toBeNull();
  });

  it("adds materials to the course and to a lesson, with the display name and the sniffed type", async () => {
    const { instructor, courseId, moduleId, lessonId } = await setup();
    const handout = await upload(instructor, "material", { courseId }, files.pdf, "application/pdf", "Week 1 handout.pdf");
    const material = (await handout.complete()) as AttachedMaterial;
    expect(material).toMatchObject({
      courseId,
      lessonId: null,
      fileName: "Week 1 handout.pdf",
      fileType: "application/pdf",
      materialType: "pdf",
    });
    expect(handout.started.key).toBe(`courses/${courseId}/materials/${material.id}-Week-1-handout.pdf`);

    const docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    const notes = await upload(instructor, "material", { courseId, moduleId, lessonId }, files.docx, docx, "notes.docx");
    expect(await notes.complete()).toMatchObject({ lessonId, fileType: docx, materialType: "document" });
    expect(notes.started.key).toMatch(new RegExp(`^lessons/${lessonId}/materials/`));

    const csv = await upload(instructor, "material", { courseId }, files.csv, "text/csv", "scores.csv");
    expect(await csv.complete()).toMatchObject({ fileType: "text/csv", materialType: "text", fileSize: files.csv.length });
    expect(await db.select().from(courseMaterials)).toHaveLength(3);
  });

  it("keeps a path-traversal file name inside the course's folder", async () => {
    const { instructor, courseId } = await setup();
    const { started, complete } = await upload(instructor, "material", { courseId }, files.pdf, "application/pdf", "../../etc/passwd.pdf");
    expect(started.key).toMatch(new RegExp(`^courses/${courseId}/materials/[0-9a-f-]{36}-passwd\\.pdf$`));
    expect(await complete()).toMatchObject({ fileName: "passwd.pdf" });
    expect(storedFiles()).toEqual([expect.stringMatching(new RegExp(`^courses/${courseId}/materials/[0-9a-f-]{36}-passwd\\.pdf$`))]);
  });

  it("uploads a file above 64 MiB in parts, resumes it from the parts storage holds, and completes it", { timeout: 120_000 }, async () => {
    const { instructor, courseId, moduleId, lessonId } = await setup();
    const size = 70 * 1024 ** 2;
    const bytes = Buffer.alloc(size, 7);
    files.mp4.copy(bytes);
    const started = await startUpload(instructor, "video", {
      courseId,
      moduleId,
      lessonId,
      fileName: "long.mp4",
      contentType: "video/mp4",
      size,
    });
    expect(started.single).toBeUndefined();
    expect(started.multipart).toMatchObject({ partSize: 16 * 1024 ** 2, partCount: 5, done: [] });
    // Two parts arrive, then the page reloads: the session lists the other three, with fresh URLs.
    await sendBytes({ multipart: { ...started.multipart!, parts: started.multipart!.parts.slice(0, 2) } }, bytes, callStorageRoute);
    const resumed = await getUpload(instructor, started.uploadId);
    expect(resumed).toMatchObject({ status: "pending", size, fileName: "long.mp4" });
    expect(resumed.multipart!.done.map((p) => p.partNumber)).toEqual([1, 2]);
    expect(resumed.multipart!.parts.map((p) => p.partNumber)).toEqual([3, 4, 5]);
    // Completing too early names the missing part and keeps what arrived.
    expect((await refusal(completeUpload(instructor, "video", { uploadId: started.uploadId }))).userMessage).toMatch(/Part 3 of 5/);
    await sendBytes(resumed, bytes, callStorageRoute);
    expect(await completeUpload(instructor, "video", { uploadId: started.uploadId })).toMatchObject({
      videoSize: size,
      videoMimeType: "video/mp4",
    });
    expect(storedFiles()).toEqual([expect.stringMatching(/^lessons\/.*long\.mp4$/)]);
  });
});

describe("uploads: the staging key", () => {
  it("takes the single PUT on a staging key and attaches a copy at the final key, then removes the staging object", async () => {
    const { instructor, courseId } = await setup();
    const { started, complete } = await upload(instructor, "material", { courseId }, files.pdf, "application/pdf", "handout.pdf");
    const { stagingKey } = await sessionOf(started.uploadId);
    expect(stagingKey).toBe(`uploads/${started.uploadId}/handout.pdf`);
    expect(storedFiles()).toEqual([stagingKey]);
    await complete();
    expect(storedFiles()).toEqual([started.key]);
    expect(fs.readFileSync(path.join(storage.root, started.key)).equals(files.pdf)).toBe(true);
    // The key stays recorded until the sweeper has seen the upload's URLs expire.
    expect((await sessionOf(started.uploadId)).stagingKey).toBe(stagingKey);
  });

  it("copies again when a completion is retried after its transaction failed", async () => {
    const { instructor, courseId } = await setup();
    const { started, complete } = await upload(instructor, "material", { courseId }, files.pdf, "application/pdf", "notes.pdf");
    // A row already holds the id the material would get: the insert fails after the copy, and the transaction rolls back.
    const materialId = /materials\/([0-9a-f-]{36})-/.exec(started.key)![1]!;
    await db
      .insert(courseMaterials)
      .values({ id: materialId, courseId, fileName: "x", fileKey: "x", fileType: "text/plain", fileSize: 1, materialType: "text" });
    await expect(complete()).rejects.toThrow();
    expect((await sessionOf(started.uploadId)).status).toBe("pending");
    fs.rmSync(path.join(storage.root, started.key));

    await db.delete(courseMaterials).where(eq(courseMaterials.id, materialId));
    expect(await complete()).toMatchObject({ id: materialId, fileType: "application/pdf" });
    expect(storedFiles()).toEqual([started.key]);
  });

  it("attaches what the final key holds: bytes swapped on the staging key between its check and the copy are refused", async () => {
    const { instructor, courseId } = await setup();
    const real = storage.driver;
    const { started, complete } = await upload(instructor, "material", { courseId }, files.pdf, "application/pdf", "invoice.pdf");
    // The uploader's URL is alive while the upload is pending: an HTML page of the same size lands just before the copy.
    const html = Buffer.concat([files.html, Buffer.alloc(files.pdf.length - files.html.length, 0x20)]);
    const racing: StorageDriver = Object.assign(Object.create(real) as StorageDriver, {
      async copy(from: string, to: string) {
        await sendBytes(started, html, callStorageRoute);
        return real.copy(from, to);
      },
    });
    setStorage(racing);
    try {
      expect((await refusal(complete())).status).toBe(415);
    } finally {
      setStorage(real);
    }
    expect((await sessionOf(started.uploadId)).status).toBe("aborted");
    expect(storedFiles()).toEqual([]);
    expect(await db.select().from(courseMaterials)).toEqual([]);
  });
  it("leaves nothing stored when the upload is cancelled while its completion copies the file", async () => {
    const { instructor, courseId } = await setup();
    const real = storage.driver;
    for (const cancelDuringCopy of [
      // The copy has read its source when the cancel removes the upload's objects, and lands after it.
      async (from: string, to: string, uploadId: string) => {
        const { body } = await real.read(from);
        const bytes = Buffer.concat((await body.toArray()) as Buffer[]);
        await cancelUpload(instructor, uploadId);
        await real.put(to, bytes, { contentType: "application/pdf", size: bytes.length });
      },
      // The cancel removes the staging object before the copy reads it.
      async (from: string, to: string, uploadId: string) => {
        await cancelUpload(instructor, uploadId);
        await real.copy(from, to);
      },
    ]) {
      const { started, complete } = await upload(instructor, "material", { courseId }, files.pdf, "application/pdf", "notes.pdf");
      const cancelling: StorageDriver = Object.assign(Object.create(real) as StorageDriver, {
        copy: (from: string, to: string) => cancelDuringCopy(from, to, started.uploadId),
      });
      setStorage(cancelling);
      try {
        const error = await refusal(complete());
        expect([error.status, error.userMessage]).toEqual([409, "This upload was completed or cancelled meanwhile."]);
      } finally {
        setStorage(real);
      }
      expect((await sessionOf(started.uploadId)).status).toBe("aborted");
      expect(storedFiles()).toEqual([]);
    }
    expect(await db.select().from(courseMaterials)).toEqual([]);
  });
});

describe("uploads: refusals leave nothing behind", () => {
  const refusedAtComplete = async (kind: Kind, bytes: Buffer, contentType: string, fileName: string) => {
    const { instructor, courseId, moduleId, lessonId } = await setup();
    const { started, complete } = await upload(instructor, kind, { courseId, moduleId, lessonId }, bytes, contentType, fileName);
    const error = await refusal(complete());
    expect((await sessionOf(started.uploadId)).status).toBe("aborted");
    expect(storedFiles()).toEqual([]);
    expect(await db.select().from(courseMaterials)).toEqual([]);
    const [lesson] = await db.select().from(lessons).where(eq(lessons.id, lessonId));
    expect(lesson!.videoKey).toBeNull();
    return error;
  };

  it("refuses an ELF or PE executable renamed .mp4", async () => {
    for (const bytes of [files.elf, files.pe]) {
      const error = await refusedAtComplete("video", bytes, "video/mp4", "movie.mp4");
      expect(error.status).toBe(415);
      expect(error.userMessage).toMatch(/not accepted for a video\. Upload MP4, WebM or MOV/);
    }
  });

  it("refuses an HTML page named .pdf", async () => {
    expect((await refusedAtComplete("material", files.html, "application/pdf", "invoice.pdf")).status).toBe(415);
  });

  it("refuses an SVG as a thumbnail, declared or disguised", async () => {
    expect((await refusedAtComplete("thumbnail", files.svg, "image/png", "logo.png")).status).toBe(415);
    const { instructor, courseId } = await setup();
    const error = await refusal(
      startUpload(instructor, "thumbnail", { courseId, fileName: "logo.svg", contentType: "image/svg+xml", size: 200 }),
    );
    expect(error.status).toBe(415);
    expect(error.userMessage).toMatch(/Use PNG, JPEG or WebP/);
  });

  it("refuses a declaration above the limit, naming the limit, before anything is stored", async () => {
    const { instructor, courseId, moduleId, lessonId } = await setup();
    const thumbnail = await refusal(
      startUpload(instructor, "thumbnail", { courseId, fileName: "big.png", contentType: "image/png", size: 6 * 1024 ** 2 }),
    );
    expect(thumbnail.status).toBe(413);
    expect(thumbnail.userMessage).toBe("Thumbnails can be at most 5 MiB; this file is 6 MiB.");
    const video = await refusal(
      startUpload(instructor, "video", {
        courseId,
        moduleId,
        lessonId,
        fileName: "huge.mp4",
        contentType: "video/mp4",
        size: 5 * 1024 ** 3,
      }),
    );
    expect(video.userMessage).toBe("Videos can be at most 4 GiB; this file is 5 GiB.");
    expect(await db.select().from(uploadSessions)).toEqual([]);
  });

  it("refuses a stored size other than the declared one", async () => {
    const { instructor, courseId } = await setup();
    const started = await startUpload(instructor, "material", {
      courseId,
      fileName: "a.pdf",
      contentType: "application/pdf",
      size: files.pdf.length,
    });
    // What a client that ignores the signed size would leave: a different object under the key.
    const { stagingKey } = await sessionOf(started.uploadId);
    await storage.driver.put(stagingKey!, files.pdf.subarray(0, 100), { contentType: "application/pdf", size: 100 });
    const error = await refusal(completeUpload(instructor, "material", { uploadId: started.uploadId }));
    expect(error.status).toBe(400);
    expect(error.userMessage).toMatch(/100 bytes\) but 2048 bytes were declared/);
    expect((await sessionOf(started.uploadId)).status).toBe("aborted");
    expect(storedFiles()).toEqual([]);
  });

  it("cancels a multipart upload with its parts, and a cancelled upload cannot complete", async () => {
    const { instructor, courseId, moduleId, lessonId } = await setup();
    const size = 65 * 1024 ** 2;
    const started = await startUpload(instructor, "video", {
      courseId,
      moduleId,
      lessonId,
      fileName: "x.mp4",
      contentType: "video/mp4",
      size,
    });
    await sendBytes(
      { multipart: { ...started.multipart!, parts: started.multipart!.parts.slice(0, 1) } },
      Buffer.alloc(size),
      callStorageRoute,
    );
    expect(storedFiles().length).toBeGreaterThan(0);
    expect(await cancelUpload(instructor, started.uploadId)).toEqual({ uploadId: started.uploadId, status: "aborted" });
    expect(storedFiles()).toEqual([]);
    expect(await cancelUpload(instructor, started.uploadId)).toMatchObject({ status: "aborted" });
    expect((await refusal(completeUpload(instructor, "video", { uploadId: started.uploadId }))).status).toBe(404);
  });
});

describe("uploads: who may", () => {
  it("refuses anonymous 401, learners 403, another instructor's draft 404 and their published course 403", async () => {
    const { instructor, courseId, moduleId, lessonId } = await setup();
    const input = { courseId, fileName: "a.png", contentType: "image/png", size: 100 };
    expect((await refusal(startUpload(null, "thumbnail", input))).status).toBe(401);
    const learner = await insertUser({ role: "LEARNER" });
    expect((await refusal(startUpload(learner, "thumbnail", input))).status).toBe(403);
    const other = await insertUser({ role: "INSTRUCTOR" });
    expect((await refusal(startUpload(other, "thumbnail", input))).status).toBe(404);
    await db.update(courses).set({ isPublished: true }).where(eq(courses.id, courseId));
    expect((await refusal(startUpload(other, "thumbnail", input))).status).toBe(403);

    // A lesson of another course, or under the wrong module, is not found.
    const foreign = await insertCourseTree(instructor.id);
    const video = { fileName: "a.mp4", contentType: "video/mp4", size: 100 };
    expect((await refusal(startUpload(instructor, "video", { courseId, moduleId, lessonId: foreign.lessonId, ...video }))).status).toBe(
      404,
    );
    expect((await refusal(startUpload(instructor, "video", { courseId, moduleId: foreign.moduleId, lessonId, ...video }))).status).toBe(
      404,
    );
  });

  it("lets only the uploader or an admin see, complete or cancel an upload", async () => {
    const { instructor, courseId } = await setup();
    const { started } = await upload(instructor, "thumbnail", { courseId }, files.png, "image/png", "a.png");
    const other = await insertUser({ role: "INSTRUCTOR" });
    expect((await refusal(getUpload(other, started.uploadId))).status).toBe(404);
    expect((await refusal(completeUpload(other, "thumbnail", { uploadId: started.uploadId }))).status).toBe(404);
    expect((await refusal(cancelUpload(other, started.uploadId))).status).toBe(404);
    // The right id under another kind's route is not found either.
    expect((await refusal(completeUpload(instructor, "video", { uploadId: started.uploadId }))).status).toBe(404);
    const admin = await insertUser({ role: "ADMIN" });
    expect(await completeUpload(admin, "thumbnail", { uploadId: started.uploadId })).toMatchObject({ courseId });
    expect((await refusal(completeUpload(instructor, "thumbnail", { uploadId: started.uploadId }))).status).toBe(409);
  });
});
