import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { asUser } from "../../../tests/helpers/request-as";
import { callStorageRoute } from "../../../tests/helpers/storage-routes";
import { withTestDatabase } from "../../../tests/helpers/test-database";
import { withTestStorage } from "../../../tests/helpers/test-storage";
import { files, insertCourseTree, sendBytes } from "../../../tests/helpers/upload-fixtures";
import { insertUser } from "../../../tests/helpers/user-fixtures";
import { db } from "@/lib/db/client";
import { lessons, uploadSessions } from "@/lib/db/schema";
import { completeUpload, startUpload, sweepUploads } from "./index";

vi.mock("next/headers", async () => (await import("../../../tests/helpers/request-as")).nextHeadersMock);

withTestDatabase();
const storage = withTestStorage();

const statusOf = async (id: string) => (await db.select().from(uploadSessions).where(eq(uploadSessions.id, id)))[0]!.status;
const HOUR = 3600_000;

describe("the upload sweeper", () => {
  it("aborts expired pending uploads and removes their objects and parts, and leaves the rest", async () => {
    const instructor = await insertUser({ role: "INSTRUCTOR" });
    const { courseId, moduleId, lessonId } = await insertCourseTree(instructor.id);
    const { single, multipart, fresh } = await asUser(instructor, async () => {
      const single = await startUpload("material", { courseId, fileName: "a.pdf", contentType: "application/pdf", size: files.pdf.length });
      await sendBytes(single, files.pdf, callStorageRoute);
      const size = 65 * 1024 ** 2;
      const multipart = await startUpload("video", { courseId, moduleId, lessonId, fileName: "v.mp4", contentType: "video/mp4", size });
      await sendBytes({ multipart: { ...multipart.multipart!, parts: multipart.multipart!.parts.slice(0, 1) } }, Buffer.alloc(size), callStorageRoute);
      const fresh = await startUpload("thumbnail", { courseId, fileName: "c.png", contentType: "image/png", size: files.png.length });
      await sendBytes(fresh, files.png, callStorageRoute);
      return { single, multipart, fresh };
    });
    expect(await storage.driver.listParts(multipart.key, (await db.select().from(uploadSessions).where(eq(uploadSessions.id, multipart.uploadId)))[0]!.multipartUploadId!)).toHaveLength(1);

    // A day and a minute later, the first two have expired; the third was started "later".
    await db.update(uploadSessions).set({ expiresAt: new Date(Date.now() + 48 * HOUR) }).where(eq(uploadSessions.id, fresh.uploadId));
    expect(await sweepUploads({ now: new Date(Date.now() + 24 * HOUR + 60_000) })).toEqual({ expired: 2, orphaned: 0 });

    expect(await statusOf(single.uploadId)).toBe("aborted");
    expect(await statusOf(multipart.uploadId)).toBe("aborted");
    expect(await statusOf(fresh.uploadId)).toBe("pending");
    expect(await storage.driver.head(single.key)).toBeNull();
    expect(await storage.driver.head(fresh.key)).toEqual({ size: files.png.length });
    // The multipart scratch folder is gone too.
    const { readdirSync, existsSync } = await import("node:fs");
    const scratch = `${storage.root}/.multipart`;
    expect(existsSync(scratch) ? readdirSync(scratch) : []).toEqual([]);
    // Sweeping again finds nothing.
    expect(await sweepUploads({ now: new Date(Date.now() + 24 * HOUR + 60_000) })).toEqual({ expired: 0, orphaned: 0 });
  });

  it("removes a completed upload's file that nothing refers to any more (a replace whose delete failed)", async () => {
    const instructor = await insertUser({ role: "INSTRUCTOR" });
    const { courseId, moduleId, lessonId } = await insertCourseTree(instructor.id);
    const started = await asUser(instructor, async () => {
      const started = await startUpload("video", { courseId, moduleId, lessonId, fileName: "v.mp4", contentType: "video/mp4", size: files.mp4.length });
      await sendBytes(started, files.mp4, callStorageRoute);
      await completeUpload("video", { uploadId: started.uploadId });
      return started;
    });
    // Still attached: kept.
    expect(await sweepUploads({ now: new Date(Date.now() + 2 * HOUR) })).toEqual({ expired: 0, orphaned: 0 });
    // Detached while storage was down: the object stays behind until the sweep, after an hour's grace.
    await db.update(lessons).set({ videoKey: null }).where(eq(lessons.id, lessonId));
    expect(await sweepUploads()).toEqual({ expired: 0, orphaned: 0 });
    expect(await sweepUploads({ now: new Date(Date.now() + 2 * HOUR) })).toEqual({ expired: 0, orphaned: 1 });
    expect(await storage.driver.head(started.key)).toBeNull();
  });
});
