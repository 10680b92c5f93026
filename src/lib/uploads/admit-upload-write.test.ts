import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { callStorageRoute } from "../../../tests/helpers/storage-routes";
import { withTestDatabase } from "../../../tests/helpers/test-database";
import { withTestStorage } from "../../../tests/helpers/test-storage";
import { files, insertCourseTree, sendBytes } from "../../../tests/helpers/upload-fixtures";
import { insertUser } from "../../../tests/helpers/user-fixtures";
import { db } from "@/lib/db/client";
import { uploadSessions } from "@/lib/db/schema";
import { cancelUpload, completeUpload, startUpload } from "./index";

/**
 * The local driver's signed PUT URLs live a day and cannot be revoked; these tests keep one after its upload ended and
 * send through it, through the real route handlers, as the outside security test did.
 */

withTestDatabase();
const storage = withTestStorage();

const sessionOf = async (id: string) => (await db.select().from(uploadSessions).where(eq(uploadSessions.id, id)))[0]!;
const stored = (key: string) => (fs.existsSync(path.join(storage.root, key)) ? fs.readFileSync(path.join(storage.root, key)) : null);
/** HTML bytes of the given size: what the security test wrote over an attached PDF. */
const htmlOfSize = (size: number) => Buffer.concat([files.html, Buffer.alloc(size - files.html.length, 0x20)]);

async function refusedAsEnded(response: Response) {
  expect(response.status).toBe(403);
  expect(await response.json()).toEqual({ error: { code: "FORBIDDEN", message: "This upload has ended. Start it again." } });
}

async function setup() {
  const instructor = await insertUser({ role: "INSTRUCTOR" });
  return { instructor, ...(await insertCourseTree(instructor.id)) };
}

describe("signed PUTs of the local driver after their upload ended", () => {
  it("refuses a PUT through the old URL after the file was attached, and the attached bytes stay as they were", async () => {
    const { instructor, courseId } = await setup();
    const started = await startUpload(instructor, "material", {
      courseId,
      fileName: "syllabus.pdf",
      contentType: "application/pdf",
      size: files.pdf.length,
    });
    await sendBytes(started, files.pdf, callStorageRoute);
    await completeUpload(instructor, "material", { uploadId: started.uploadId });

    await refusedAsEnded(
      await callStorageRoute(started.single!.url, { method: "PUT", headers: started.single!.headers, body: htmlOfSize(files.pdf.length) }),
    );
    expect(stored(started.key)!.equals(files.pdf)).toBe(true);
    expect(stored((await sessionOf(started.uploadId)).stagingKey!)).toBeNull();
  });

  it("refuses a PUT through the old URL after the upload was cancelled, and writes nothing", async () => {
    const { instructor, courseId } = await setup();
    const started = await startUpload(instructor, "thumbnail", {
      courseId,
      fileName: "cover.png",
      contentType: "image/png",
      size: files.png.length,
    });
    await cancelUpload(instructor, started.uploadId);
    await refusedAsEnded(await callStorageRoute(started.single!.url, { method: "PUT", headers: started.single!.headers, body: files.png }));
    expect(stored(started.key)).toBeNull();
    expect(stored((await sessionOf(started.uploadId)).stagingKey!)).toBeNull();
  });

  it("refuses a PUT once the upload has expired, and a URL signed for a final key (as uploads did before staging)", async () => {
    const { instructor, courseId } = await setup();
    const started = await startUpload(instructor, "material", {
      courseId,
      fileName: "late.pdf",
      contentType: "application/pdf",
      size: files.pdf.length,
    });
    await db
      .update(uploadSessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(uploadSessions.id, started.uploadId));
    await refusedAsEnded(await callStorageRoute(started.single!.url, { method: "PUT", headers: started.single!.headers, body: files.pdf }));

    const fresh = await startUpload(instructor, "material", {
      courseId,
      fileName: "old.pdf",
      contentType: "application/pdf",
      size: files.pdf.length,
    });
    const toFinal = await storage.driver.signPut(fresh.key, {
      contentType: "application/pdf",
      size: files.pdf.length,
      expiresInSeconds: 60,
    });
    await refusedAsEnded(await callStorageRoute(toFinal.url, { method: "PUT", headers: toFinal.headers, body: files.pdf }));
    expect(stored(fresh.key)).toBeNull();
  });

  it(
    "refuses a part PUT after its multipart upload was completed or cancelled; the attached video stays as it was",
    { timeout: 60_000 },
    async () => {
      const { instructor, courseId, moduleId, lessonId } = await setup();
      const size = 65 * 1024 ** 2;
      const video = Buffer.alloc(size, 3);
      files.mp4.copy(video);
      const completed = await startUpload(instructor, "video", {
        courseId,
        moduleId,
        lessonId,
        fileName: "long.mp4",
        contentType: "video/mp4",
        size,
      });
      const etags = await sendBytes(completed, video, callStorageRoute);
      await completeUpload(instructor, "video", { uploadId: completed.uploadId, parts: etags });
      const last = completed.multipart!.parts.at(-1)!;
      await refusedAsEnded(
        await callStorageRoute(last.url, {
          method: "PUT",
          body: new Uint8Array(size - (last.partNumber - 1) * completed.multipart!.partSize),
        }),
      );
      expect(stored(completed.key)!.equals(video)).toBe(true);

      const cancelled = await startUpload(instructor, "video", {
        courseId,
        moduleId,
        lessonId,
        fileName: "other.mp4",
        contentType: "video/mp4",
        size,
      });
      await cancelUpload(instructor, cancelled.uploadId);
      const first = cancelled.multipart!.parts[0]!;
      await refusedAsEnded(await callStorageRoute(first.url, { method: "PUT", body: new Uint8Array(cancelled.multipart!.partSize) }));
      expect(stored(cancelled.key)).toBeNull();
      expect(fs.readdirSync(path.join(storage.root, ".multipart"))).toEqual([]);
    },
  );
});
