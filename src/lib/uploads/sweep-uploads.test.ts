import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { callStorageRoute } from "../../../tests/helpers/storage-routes";
import { withTestDatabase } from "../../../tests/helpers/test-database";
import { withTestStorage } from "../../../tests/helpers/test-storage";
import { files, insertCourseTree, sendBytes } from "../../../tests/helpers/upload-fixtures";
import { insertUser } from "../../../tests/helpers/user-fixtures";
import { deleteCourse } from "@/lib/courses/manage-course";
import { deleteLesson } from "@/lib/curriculum/manage-lessons";
import { db } from "@/lib/db/client";
import { lessons, uploadSessions } from "@/lib/db/schema";
import { cancelUpload, completeUpload, startUpload, sweepUploads } from "./index";

withTestDatabase();
const storage = withTestStorage();
beforeEach(() => {
  for (const entry of fs.readdirSync(storage.root)) fs.rmSync(path.join(storage.root, entry), { recursive: true, force: true });
});

const sessionOf = async (id: string) => (await db.select().from(uploadSessions).where(eq(uploadSessions.id, id)))[0]!;
const statusOf = async (id: string) => (await sessionOf(id)).status;
const HOUR = 3600_000;
const nothing = { expired: 0, orphaned: 0, staging: 0, strays: 0, certificates: 0 };

/** Every file under the storage root, relative; multipart scratch folders included. */
function storedFiles(): string[] {
  return fs
    .readdirSync(storage.root, { recursive: true, encoding: "utf8" })
    .filter((f) => fs.statSync(path.join(storage.root, f)).isFile())
    .sort();
}

async function setup() {
  const instructor = await insertUser({ role: "INSTRUCTOR" });
  return { instructor, ...(await insertCourseTree(instructor.id)) };
}

describe("the upload sweeper", () => {
  it("aborts expired pending uploads and removes their objects and parts, and leaves the rest", async () => {
    const { instructor, courseId, moduleId, lessonId } = await setup();
    const single = await startUpload(instructor, "material", {
      courseId,
      fileName: "a.pdf",
      contentType: "application/pdf",
      size: files.pdf.length,
    });
    await sendBytes(single, files.pdf, callStorageRoute);
    const size = 65 * 1024 ** 2;
    const multipart = await startUpload(instructor, "video", {
      courseId,
      moduleId,
      lessonId,
      fileName: "v.mp4",
      contentType: "video/mp4",
      size,
    });
    await sendBytes(
      { multipart: { ...multipart.multipart!, parts: multipart.multipart!.parts.slice(0, 1) } },
      Buffer.alloc(size),
      callStorageRoute,
    );
    const fresh = await startUpload(instructor, "thumbnail", {
      courseId,
      fileName: "c.png",
      contentType: "image/png",
      size: files.png.length,
    });
    await sendBytes(fresh, files.png, callStorageRoute);
    expect(await storage.driver.listParts(multipart.key, (await sessionOf(multipart.uploadId)).multipartUploadId!)).toHaveLength(1);
    const singleStaging = (await sessionOf(single.uploadId)).stagingKey!;
    const freshStaging = (await sessionOf(fresh.uploadId)).stagingKey!;
    expect(await storage.driver.head(singleStaging)).toEqual({ size: files.pdf.length });

    // A day and a minute later, the first two have expired; the third was started "later".
    await db
      .update(uploadSessions)
      .set({ expiresAt: new Date(Date.now() + 48 * HOUR) })
      .where(eq(uploadSessions.id, fresh.uploadId));
    expect(await sweepUploads({ now: new Date(Date.now() + 24 * HOUR + 60_000) })).toEqual({ ...nothing, expired: 2, staging: 1 });

    expect(await statusOf(single.uploadId)).toBe("aborted");
    expect(await statusOf(multipart.uploadId)).toBe("aborted");
    expect(await statusOf(fresh.uploadId)).toBe("pending");
    // The expired single upload's URL is dead: its staging object is gone for good, and no longer recorded.
    expect(await storage.driver.head(singleStaging)).toBeNull();
    expect((await sessionOf(single.uploadId)).stagingKey).toBeNull();
    expect(storedFiles()).toEqual([freshStaging]);
    // Sweeping again finds nothing.
    expect(await sweepUploads({ now: new Date(Date.now() + 24 * HOUR + 60_000) })).toEqual(nothing);
  });

  it("removes a completed upload's file that nothing refers to any more (a replace whose delete failed)", async () => {
    const { instructor, courseId, moduleId, lessonId } = await setup();
    const started = await startUpload(instructor, "video", {
      courseId,
      moduleId,
      lessonId,
      fileName: "v.mp4",
      contentType: "video/mp4",
      size: files.mp4.length,
    });
    await sendBytes(started, files.mp4, callStorageRoute);
    await completeUpload(instructor, "video", { uploadId: started.uploadId });
    // Still attached: kept.
    expect(await sweepUploads({ now: new Date(Date.now() + 2 * HOUR) })).toEqual(nothing);
    // Detached while storage was down: the object stays behind until the sweep, after an hour's grace.
    await db.update(lessons).set({ videoKey: null }).where(eq(lessons.id, lessonId));
    expect(await sweepUploads()).toEqual(nothing);
    expect(await sweepUploads({ now: new Date(Date.now() + 2 * HOUR) })).toEqual({ ...nothing, orphaned: 1 });
    expect(await storage.driver.head(started.key)).toBeNull();
  });

  it("removes a staging object written again after completion or cancel once the upload's URLs have expired", async () => {
    const { instructor, courseId } = await setup();
    const completed = await startUpload(instructor, "material", {
      courseId,
      fileName: "a.pdf",
      contentType: "application/pdf",
      size: files.pdf.length,
    });
    await sendBytes(completed, files.pdf, callStorageRoute);
    await completeUpload(instructor, "material", { uploadId: completed.uploadId });
    const cancelled = await startUpload(instructor, "thumbnail", {
      courseId,
      fileName: "c.png",
      contentType: "image/png",
      size: files.png.length,
    });
    await sendBytes(cancelled, files.png, callStorageRoute);
    await cancelUpload(instructor, cancelled.uploadId);
    // What a PUT through a URL still alive (on S3, or one that began before the upload ended) leaves behind.
    const stagingKeys = [(await sessionOf(completed.uploadId)).stagingKey!, (await sessionOf(cancelled.uploadId)).stagingKey!];
    for (const key of stagingKeys) await storage.driver.put(key, files.html, { contentType: "text/html", size: files.html.length });
    expect(storedFiles()).toEqual([completed.key, ...stagingKeys].sort());

    // The URLs live until expires_at: a sweep before then leaves the staging objects (deleting them would not last).
    expect(await sweepUploads({ now: new Date(Date.now() + HOUR) })).toEqual(nothing);
    expect(await sweepUploads({ now: new Date(Date.now() + 24 * HOUR + 60_000) })).toEqual({ ...nothing, staging: 2 });
    expect(storedFiles()).toEqual([completed.key]);
    expect(fs.readFileSync(path.join(storage.root, completed.key)).equals(files.pdf)).toBe(true);
    expect((await sessionOf(completed.uploadId)).stagingKey).toBeNull();
    expect((await sessionOf(cancelled.uploadId)).stagingKey).toBeNull();
    expect(await sweepUploads({ now: new Date(Date.now() + 24 * HOUR + 60_000) })).toEqual(nothing);
  });

  it("deleting a lesson or a course removes its uploads' staging objects at once", async () => {
    const { instructor, courseId, moduleId, lessonId } = await setup();
    const other = await insertCourseTree(instructor.id);
    for (const [target, fileName] of [
      [{ courseId, moduleId, lessonId }, "lesson.pdf"],
      [{ courseId: other.courseId }, "course.pdf"],
    ] as const) {
      const started = await startUpload(instructor, "material", {
        ...target,
        fileName,
        contentType: "application/pdf",
        size: files.pdf.length,
      });
      await sendBytes(started, files.pdf, callStorageRoute);
    }
    const kept = await startUpload(instructor, "material", {
      courseId,
      fileName: "kept.pdf",
      contentType: "application/pdf",
      size: files.pdf.length,
    });
    await sendBytes(kept, files.pdf, callStorageRoute);
    expect(storedFiles()).toHaveLength(3);
    await deleteLesson(instructor, courseId, moduleId, lessonId);
    await deleteCourse(instructor, other.courseId);
    expect(storedFiles()).toEqual([(await sessionOf(kept.uploadId)).stagingKey]);
    expect(await sweepUploads()).toEqual(nothing);
  });

  it("removes staging objects that no upload claims (their rows went while storage failed to delete them)", async () => {
    const { instructor, courseId } = await setup();
    const started = [];
    for (const fileName of ["gone.pdf", "kept.pdf"]) {
      const upload = await startUpload(instructor, "material", {
        courseId,
        fileName,
        contentType: "application/pdf",
        size: files.pdf.length,
      });
      await sendBytes(upload, files.pdf, callStorageRoute);
      started.push(upload);
    }
    const [gone, kept] = started;
    await db.delete(uploadSessions).where(eq(uploadSessions.id, gone!.uploadId));
    expect(storedFiles()).toHaveLength(2);
    expect(await sweepUploads()).toEqual({ ...nothing, strays: 1 });
    expect(storedFiles()).toEqual([(await sessionOf(kept!.uploadId)).stagingKey]);
  });
});
